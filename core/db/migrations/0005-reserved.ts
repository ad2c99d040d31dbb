import type { Migration } from './migration';

/**
 * Number 5 belongs to the status message store, built on another branch at the same time as the
 * distribution point model (6). The migrator refuses gaps, so this branch holds the number with
 * an empty migration; the merge replaces this file with the real one and drops it from the list.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'reserved-for-status-messages',
  sql: '',
};
