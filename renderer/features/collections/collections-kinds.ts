import type { CollectionDto, CollectionMemberDto } from '../../../core/api';
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

/** What the dialogs that add rules are given: the collection, and where its new state goes. */
export interface RuleDialogProps {
  readonly collection: CollectionDto;
  readonly onClose: () => void;
  /** The core's answer to the last rule added: the collection, evaluated again. */
  readonly onAdded: (collection: CollectionDto) => void;
}
