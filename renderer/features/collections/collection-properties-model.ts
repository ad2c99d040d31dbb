import type { CollectionChanges, CollectionDto, MaintenanceWindowDto } from '../../../core/api';
import { propertiesModel } from '../../components/property-sheet';

export type CollectionTab = 'general' | 'rules' | 'schedule' | 'windows' | 'advertisements' | 'security';
export type CollectionField = 'name' | 'comment' | 'limitToCollectionId' | 'membershipSchedule' | 'maintenanceWindows';

export const collectionTabs: readonly { readonly id: CollectionTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'rules', label: 'Membership Rules' },
  { id: 'schedule', label: 'Membership Schedule' },
  { id: 'windows', label: 'Maintenance Windows' },
  { id: 'advertisements', label: 'Advertisements' },
  { id: 'security', label: 'Security' },
];

export interface CollectionDraft {
  readonly name: string;
  readonly comment: string;
  /** The limiting collection's ID; empty for none. */
  readonly limitToCollectionId: string;
  /** The membership update schedule's token; null when the collection is not updated on a schedule. */
  readonly membershipSchedule: string | null;
  readonly maintenanceWindows: readonly MaintenanceWindowDto[];
}

export const collectionLabels: Readonly<Record<CollectionField, string>> = {
  name: 'Name',
  comment: 'Comment',
  limitToCollectionId: 'Limit to collection',
  membershipSchedule: 'Update this collection on a schedule',
  maintenanceWindows: 'Maintenance windows',
};

export interface CollectionSpec {
  readonly saved: CollectionDto;
  readonly draft: CollectionDraft;
  readonly edit: Partial<CollectionDraft>;
  readonly changes: CollectionChanges;
  readonly issues: Partial<Record<CollectionField, string>>;
  readonly tab: CollectionTab;
}

const fields: readonly CollectionField[] = ['name', 'comment', 'limitToCollectionId', 'membershipSchedule', 'maintenanceWindows'];
const fieldTab: Readonly<Record<CollectionField, CollectionTab>> = {
  name: 'general',
  comment: 'general',
  limitToCollectionId: 'general',
  membershipSchedule: 'schedule',
  maintenanceWindows: 'windows',
};

/**
 * A collection's General, Membership Schedule and Maintenance Windows tabs, through
 * collections:get and collections:update (docs/collections.md); the windows are sent as the
 * whole list, as the contract takes them.
 */
export const collectionProperties = propertiesModel<CollectionSpec>({
  draftOf: (saved) => ({
    name: saved.name,
    comment: saved.comment,
    limitToCollectionId: saved.limitToCollectionId ?? '',
    membershipSchedule: saved.membershipSchedule,
    maintenanceWindows: saved.maintenanceWindows,
  }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { -readonly [K in keyof CollectionChanges]: CollectionChanges[K] } = {};
    if (draft.name.trim() !== saved.name) changes.name = draft.name.trim();
    if (draft.comment.trim() !== saved.comment) changes.comment = draft.comment.trim();
    const limit = draft.limitToCollectionId === '' ? null : draft.limitToCollectionId;
    if (limit !== saved.limitToCollectionId) changes.limitToCollectionId = limit;
    if (draft.membershipSchedule !== saved.membershipSchedule) changes.membershipSchedule = draft.membershipSchedule;
    if (JSON.stringify(draft.maintenanceWindows) !== JSON.stringify(saved.maintenanceWindows)) changes.maintenanceWindows = [...draft.maintenanceWindows];
    return changes;
  },
  issues: (draft) => (draft.name.trim() === '' ? { name: 'A collection needs a name.' } : {}),
  fieldTabs: () => fieldTab,
  fieldLabel: (field) => collectionLabels[field as CollectionField] ?? field,
  fieldOfError: (path) => {
    // changes.maintenanceWindows.1.name: the list is the field the tab edits.
    const field = path?.replace(/^changes\./, '').split('.')[0];
    return fields.find((candidate) => candidate === field);
  },
  firstTab: 'general',
});
