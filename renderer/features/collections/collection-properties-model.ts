import type { CollectionChanges, CollectionDto } from '../../../core/api';
import { propertiesModel } from '../../components/property-sheet';

export type CollectionTab = 'general' | 'rules';
export type CollectionField = 'name' | 'comment' | 'limitToCollectionId';

export const collectionTabs: readonly { readonly id: CollectionTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'rules', label: 'Membership Rules' },
];

export interface CollectionDraft {
  readonly name: string;
  readonly comment: string;
  /** The limiting collection's ID; empty for none. */
  readonly limitToCollectionId: string;
}

export const collectionLabels: Readonly<Record<CollectionField, string>> = {
  name: 'Name',
  comment: 'Comment',
  limitToCollectionId: 'Limit to collection',
};

export interface CollectionSpec {
  readonly saved: CollectionDto;
  readonly draft: CollectionDraft;
  readonly edit: Partial<CollectionDraft>;
  readonly changes: CollectionChanges;
  readonly issues: Partial<Record<CollectionField, string>>;
  readonly tab: CollectionTab;
}

/** A collection's General tab, through collections:get and collections:update (docs/collections.md). */
export const collectionProperties = propertiesModel<CollectionSpec>({
  draftOf: (saved) => ({ name: saved.name, comment: saved.comment, limitToCollectionId: saved.limitToCollectionId ?? '' }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { -readonly [K in keyof CollectionChanges]: CollectionChanges[K] } = {};
    if (draft.name.trim() !== saved.name) changes.name = draft.name.trim();
    if (draft.comment.trim() !== saved.comment) changes.comment = draft.comment.trim();
    const limit = draft.limitToCollectionId === '' ? null : draft.limitToCollectionId;
    if (limit !== saved.limitToCollectionId) changes.limitToCollectionId = limit;
    return changes;
  },
  issues: (draft) => (draft.name.trim() === '' ? { name: 'A collection needs a name.' } : {}),
  fieldTabs: () => ({ name: 'general', comment: 'general', limitToCollectionId: 'general' }),
  fieldLabel: (field) => collectionLabels[field as CollectionField] ?? field,
  fieldOfError: (path) => {
    const field = path?.replace(/^changes\./, '');
    return field === 'name' || field === 'comment' || field === 'limitToCollectionId' ? field : undefined;
  },
  firstTab: 'general',
});
