/**
 * Nodes of the suite's tree whose features are not built yet. A feature that builds one moves its
 * kind from here into its own declarations, with the same fields. Every node of the tree is built
 * now; a node added before its feature goes here, with the fields that say which one it is.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- kept as the place for the next placeholder's kind
export interface NotBuiltNodeKinds {}
