import type { CollectionMemberDto } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface CollectionsNodeKinds {
  readonly collections: NoFields;
  /** A collection where the tree shows it: at its own place, or under a collection it is linked under (`linked`). */
  readonly collection: { readonly collectionId: string; readonly linked: boolean };
}

export interface CollectionsRowKinds {
  /** A resource that is a member of the collection shown. */
  readonly 'collection-member': CollectionMemberDto;
}

export interface CollectionsPopupKinds {
  readonly 'update-collection-membership': { readonly collectionId: string };
  readonly 'delete-collection': { readonly collectionId: string };
  readonly 'collection-properties': { readonly collectionId: string };
}
