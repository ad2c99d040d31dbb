import { collectionCreateSchema, describeSchedule, type CollectionRuleInput, type Schedule } from '../../../core/api';
import type { SummarySection } from '../programs/program-summary';
import { issuesFromSchema, type SettingsRules } from '../programs/settings-rules';

/**
 * The New Collection wizard's pages (docs/console.md#collections): General, Membership Rules,
 * Membership Schedule, Advertisements and Security, then Summary and Confirmation.
 */
export type NewCollectionPage = 'general' | 'rules' | 'schedule' | 'advertisements' | 'security';

export interface NewCollectionDraft {
  readonly name: string;
  readonly comment: string;
  readonly rules: readonly CollectionRuleInput[];
  /** The limiting collection's ID; empty for none. */
  readonly limitToCollectionId: string;
  /** The membership update schedule's token; null for none. */
  readonly membershipSchedule: string | null;
}

export function newCollectionDraft(): NewCollectionDraft {
  return { name: '', comment: '', rules: [], limitToCollectionId: '', membershipSchedule: null };
}

/** What collections:create is sent: a subcollection of `parentCollectionId` when there is one. */
export function createRequestOf(draft: NewCollectionDraft, parentCollectionId: string | null) {
  return {
    name: draft.name.trim(),
    comment: draft.comment.trim(),
    rules: [...draft.rules],
    membershipSchedule: draft.membershipSchedule,
    ...(draft.limitToCollectionId === '' ? {} : { limitToCollectionId: draft.limitToCollectionId }),
    ...(parentCollectionId === null ? {} : { parentCollectionId }),
  };
}

const fieldPage: Readonly<Record<keyof NewCollectionDraft, NewCollectionPage>> = {
  name: 'general',
  comment: 'general',
  rules: 'rules',
  limitToCollectionId: 'rules',
  membershipSchedule: 'schedule',
};

/** The core's own schema decides what Next allows: the same rules collections:create applies. */
export const newCollectionRules: SettingsRules<NewCollectionDraft, NewCollectionPage> = {
  pages: ['general', 'rules', 'schedule', 'advertisements', 'security'],
  pageLabels: { general: 'General', rules: 'Membership Rules', schedule: 'Membership Schedule', advertisements: 'Advertisements', security: 'Security' },
  fieldPage,
  fieldLabels: { name: 'Name', comment: 'Comment', rules: 'Membership rules', limitToCollectionId: 'Limit to collection', membershipSchedule: 'Update this collection on a schedule' },
  issues: (draft) => issuesFromSchema(collectionCreateSchema, createRequestOf(draft, null), fieldPage),
  apply: (draft, changes) => ({ ...draft, ...changes }),
  touchedBy: (changes) => Object.keys(changes) as (keyof NewCollectionDraft)[],
};

function ruleText(rule: CollectionRuleInput, resourceName: (id: number) => string): string {
  return rule.kind === 'direct' ? `Direct: ${resourceName(rule.resourceId)} (${rule.resourceId})` : `Query "${rule.name}": ${rule.query}`;
}

/** Every setting the wizard will use, in plain words, grouped by the page that set it. */
export function newCollectionSummary(
  draft: NewCollectionDraft,
  labels: { readonly parent: string | null; readonly collection: (id: string) => string; readonly resourceName: (id: number) => string; readonly schedule: Schedule | null },
): SummarySection[] {
  return [
    {
      title: 'General',
      rows: [
        { label: 'Name', value: draft.name.trim() },
        { label: 'Comment', value: draft.comment.trim() === '' ? '(none)' : draft.comment.trim() },
        { label: 'Place in the tree', value: labels.parent === null ? 'At the top of Collections' : `A subcollection of ${labels.parent}` },
      ],
    },
    {
      title: 'Membership Rules',
      rows: [
        ...(draft.rules.length === 0 ? [{ label: 'Rules', value: '(none: the collection has no members)' }] : draft.rules.map((rule, index) => ({ label: `Rule ${index + 1}`, value: ruleText(rule, labels.resourceName) }))),
        { label: 'Limit to collection', value: draft.limitToCollectionId === '' ? '(none)' : labels.collection(draft.limitToCollectionId) },
      ],
    },
    {
      title: 'Membership Schedule',
      rows: [{ label: 'Update on a schedule', value: draft.membershipSchedule === null ? 'No' : labels.schedule === null ? draft.membershipSchedule : describeSchedule(labels.schedule) }],
    },
  ];
}
