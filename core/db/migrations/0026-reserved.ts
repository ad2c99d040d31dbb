import type { Migration } from './migration';

/**
 * Holds number 26 on this branch only: another branch brings its own migration 26. When the two
 * meet, this file goes and that one takes its place; nothing here was ever applied to a site.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'reserved',
  sql: 'SELECT 1;',
};
