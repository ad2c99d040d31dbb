import type { ApiErrorDto, CollectionMemberDto, CollectionRuleInput } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface CollectionsNodeKinds {
  readonly collections: NoFields;
  /** A collection where the tree shows it: at its own place, or under a collection it is linked under (`linked`). */
  readonly collection: { readonly collectionId: string; readonly linked: boolean };
}

export interface CollectionsRowKinds {
  /** The selected members of the collection shown (one or more resources). */
  readonly 'collection-member': { readonly collectionId: string; readonly members: readonly CollectionMemberDto[] };
}

export interface CollectionsPopupKinds {
  readonly 'update-collection-membership': { readonly collectionId: string };
  readonly 'delete-collection': { readonly collectionId: string };
  readonly 'collection-properties': { readonly collectionId: string };
  /** Under a collection it makes a subcollection; at Collections, a collection at the top. */
  readonly 'new-collection': { readonly parentCollectionId: string | null };
}

/**
 * What the dialogs that add rules are given: the rules there already are, and where new ones go
 * (the core at once in Properties; the draft in the New Collection wizard).
 */
export interface RuleDialogProps {
  /** The collection's rule names (a new query rule takes the next free "Query N"). */
  readonly ruleNames: readonly string[];
  /** Resources it already has a direct rule for: not offered again. */
  readonly directResourceIds: readonly number[];
  /** The limiting collection: a query's preview is narrowed to it, as its members would be. */
  readonly limitToCollectionId: string | null;
  readonly onClose: () => void;
  /** Adds the rules in order; answers the refusal of the first that cannot be added, or null. `names` names the resources of direct rules. */
  readonly submit: (rules: readonly CollectionRuleInput[], names: ReadonlyMap<number, string>) => Promise<ApiErrorDto | null>;
}
