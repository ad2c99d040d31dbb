import type { NoFields } from '../../console/no-fields';

/**
 * Nodes of the suite's tree whose features are not built yet. A feature that builds one moves its
 * kind from here into its own declarations, with the same fields.
 */
export interface NotBuiltNodeKinds {
  readonly 'status-message-queries': NoFields;
}
