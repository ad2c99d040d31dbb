// Membership evaluation lives below the services (core/site/collection-membership.ts): the
// collection evaluator, a site component, evaluates collections exactly as the services do.
export { builtInCollectionOf, CollectionMembership, collectionNotFound, noteCollectionMembership, type CollectionMembershipDeps } from '../../site/collection-membership';
