import type { Migration } from './migration';

/**
 * PLACEHOLDER on branch wip/paths only: migration 3 belongs to another branch (the outbox). This
 * file keeps the numbering gap-free until that branch lands; drop it when rebasing onto a main
 * that has the real 0003.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'reserved',
  sql: 'SELECT 1;',
};
