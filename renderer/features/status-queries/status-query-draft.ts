import { statusQueryCriteriaSchema, type StatusQueryCriteria, type StatusQueryCriteriaInput, type StatusSeverity } from '../../../core/api';

/** The criteria a query may prompt for instead of holding a value. */
export const promptableFields = ['packageId', 'advertisementId', 'machine', 'component', 'distributionPoint'] as const;
export type PromptableField = (typeof promptableFields)[number];

export type TimeMode = 'none' | 'since' | 'last' | 'prompt';

/** What the New Query / Properties dialog edits, as typed. */
export interface StatusQueryDraft {
  readonly name: string;
  readonly comment: string;
  readonly values: Readonly<Record<PromptableField, string>>;
  readonly prompted: Readonly<Record<PromptableField, boolean>>;
  readonly messageIds: string;
  readonly severity: StatusSeverity | 'any';
  readonly text: string;
  readonly timeMode: TimeMode;
  /** ISO 8601 with its zone. */
  readonly since: string;
  readonly amount: string;
  readonly unit: 'hours' | 'days';
}

const noPrompts = { packageId: false, advertisementId: false, machine: false, component: false, distributionPoint: false };

export function draftOfQuery(query: { name: string; comment: string; criteria: StatusQueryCriteria } | null): StatusQueryDraft {
  const c = query?.criteria ?? {};
  const time = c.time;
  return {
    name: query?.name ?? '',
    comment: query?.comment ?? '',
    values: Object.fromEntries(promptableFields.map((f) => [f, c[f] ?? ''])) as Record<PromptableField, string>,
    prompted: { ...noPrompts, ...Object.fromEntries((c.prompts ?? []).map((p) => [p, true])) },
    messageIds: (c.messageIds ?? []).join(', '),
    severity: c.severity ?? 'any',
    text: c.text ?? '',
    timeMode: time === undefined ? 'none' : time.kind,
    since: time?.kind === 'since' ? time.since : '',
    amount: time?.kind === 'last' ? String(time.amount) : '1',
    unit: time?.kind === 'last' ? time.unit : 'days',
  };
}

export const emptyDraft: StatusQueryDraft = draftOfQuery(null);

export type CriteriaOutcome = { readonly ok: true; readonly criteria: StatusQueryCriteriaInput } | { readonly ok: false; readonly field: string; readonly message: string };

/** The criteria a draft says, checked as the site checks them; the field of the first problem. */
export function criteriaOfDraft(draft: StatusQueryDraft): CriteriaOutcome {
  const ids = draft.messageIds.split(/[\s,;]+/).filter((part) => part !== '');
  if (ids.some((id) => !/^\d{1,5}$/.test(id))) return { ok: false, field: 'messageIds', message: 'Message IDs are whole numbers from 0 to 65535, separated by commas.' };
  const prompts = promptableFields.filter((f) => draft.prompted[f]);
  const criteria: Record<string, unknown> = {};
  for (const f of promptableFields) if (!draft.prompted[f] && draft.values[f].trim() !== '') criteria[f] = draft.values[f];
  if (ids.length > 0) criteria.messageIds = ids.map(Number);
  if (draft.severity !== 'any') criteria.severity = draft.severity;
  if (draft.text.trim() !== '') criteria.text = draft.text;
  if (draft.timeMode === 'since') criteria.time = { kind: 'since', since: draft.since };
  if (draft.timeMode === 'last') {
    if (!/^\d{1,6}$/.test(draft.amount.trim())) return { ok: false, field: 'time', message: 'The number of hours or days is a whole number, 1 or more.' };
    criteria.time = { kind: 'last', amount: Number(draft.amount), unit: draft.unit };
  }
  if (draft.timeMode === 'prompt') criteria.time = { kind: 'prompt' };
  if (prompts.length > 0) criteria.prompts = prompts;
  const parsed = statusQueryCriteriaSchema.safeParse(criteria);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const head = String(issue?.path[0] ?? '');
    return { ok: false, field: head === 'time' ? 'time' : head, message: issue?.message ?? 'The criteria are not valid.' };
  }
  return { ok: true, criteria: criteria as StatusQueryCriteriaInput };
}
