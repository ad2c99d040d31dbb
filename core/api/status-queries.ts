import { z } from 'zod';
import { advertisementIdSchema } from './advertisements';
import { packageIdSchema } from './ids';
import {
  maxStatusPageSize,
  maxStatusValueLength,
  parseIsoTime,
  statusAttributeIds,
  statusComponentPattern,
  statusCursorPattern,
  statusSeverities,
  type StatusMessageQueryInput,
  type StatusSeverity,
} from './status-messages';
import { textSchema } from './text';

/**
 * Status Message Queries (docs/status-messages.md#status-message-queries): saved filters over the
 * status message store. Built-in ones are read-only; a query may leave values (a package ID, a
 * system) to be asked for each time it runs: its prompts.
 */

/** The criteria a query may leave to be asked when it runs; `since` is a prompted viewing period. */
export const statusQueryPrompts = ['packageId', 'advertisementId', 'machine', 'component', 'distributionPoint', 'since'] as const;
export type StatusQueryPrompt = (typeof statusQueryPrompts)[number];

/** What each prompt asks for, in the console's prompt dialog and the CLI's errors. */
export const statusQueryPromptLabels: Readonly<Record<StatusQueryPrompt, string>> = {
  packageId: 'Package ID',
  advertisementId: 'Advertisement ID',
  machine: 'System (computer name)',
  component: 'Component',
  distributionPoint: 'Distribution point (NAL path)',
  since: 'Messages since (date and time)',
};

export const maxStatusQueryNameLength = 128;
export const maxStatusQueryCommentLength = 1024;
/** The most "last N" may span: ten years in hours, as the viewer's viewing period allows. */
export const maxStatusQueryHours = 24 * 3660;

const componentSchema = textSchema({
  label: 'The component',
  max: 64,
  required: 'The component is empty.',
  pattern: { test: (name) => statusComponentPattern.test(name), message: 'Name the component as the site does, for example SMS_DISTRIBUTION_MANAGER.' },
});
const machineSchema = textSchema({ label: 'The machine', max: 255, required: 'The machine is empty.' });
const dpSchema = textSchema({ label: 'The distribution point', max: maxStatusValueLength, required: 'The distribution point is empty.' });
const sinceSchema = textSchema({
  label: 'since',
  max: 40,
  required: 'since is empty.',
  problem: (text) => {
    const parsed = parseIsoTime(text);
    return 'problem' in parsed ? `since: ${parsed.problem}` : null;
  },
});
const messageIdMessage = 'A message ID is a whole number from 0 to 65535.';

const timeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('since'), since: sinceSchema }),
    z.strictObject({
      kind: z.literal('last'),
      amount: z
        .number({ error: 'The number of hours or days is a whole number, 1 or more.' })
        .int('The number of hours or days is a whole number, 1 or more.')
        .min(1, 'The number of hours or days is a whole number, 1 or more.'),
      unit: z.enum(['hours', 'days'], { error: 'The unit is hours or days.' }),
    }),
    z.strictObject({ kind: z.literal('prompt') }),
  ],
  { error: 'The time is {kind: "since", since}, {kind: "last", amount, unit} or {kind: "prompt"}.' },
);

/** A query's filter: the status message filter's fields, with some left to prompts. */
export const statusQueryCriteriaSchema = z
  .strictObject({
    component: componentSchema.optional(),
    messageIds: z
      .array(z.number({ error: messageIdMessage }).int(messageIdMessage).min(0, messageIdMessage).max(65535, messageIdMessage))
      .min(1, 'Give at least one message ID, or leave the filter out.')
      .max(100, 'At most 100 message IDs at once.')
      .optional(),
    severity: z.enum(statusSeverities, { error: 'The severity is error, warning or info.' }).optional(),
    machine: machineSchema.optional(),
    /** Attribute 400. */
    packageId: packageIdSchema.optional(),
    /** Attribute 401. */
    advertisementId: advertisementIdSchema.optional(),
    /** Attribute 404, the distribution point's NAL path. */
    distributionPoint: dpSchema.optional(),
    text: textSchema({ label: 'The text to find', max: 256, required: 'The text to find is empty.' }).optional(),
    /** Absent: the query has no time of its own (the console asks for a viewing period; the CLI reads all). */
    time: timeSchema.optional(),
    /** Fields asked for when the query runs (a prompted time is `time: {kind: "prompt"}`). */
    prompts: z
      .array(z.enum(['packageId', 'advertisementId', 'machine', 'component', 'distributionPoint'], { error: 'A prompt is packageId, advertisementId, machine, component or distributionPoint.' }))
      .max(5)
      .optional(),
  })
  .superRefine((criteria, ctx) => {
    const prompts = criteria.prompts ?? [];
    if (new Set(prompts).size !== prompts.length) ctx.addIssue({ code: 'custom', path: ['prompts'], message: 'A prompt is named more than once.' });
    for (const prompt of prompts) {
      if (criteria[prompt] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [prompt], message: `${prompt} is both given and prompted for: give a value or prompt for it, not both.` });
      }
    }
    const time = criteria.time;
    if (time?.kind === 'last' && time.amount * (time.unit === 'days' ? 24 : 1) > maxStatusQueryHours) {
      ctx.addIssue({ code: 'custom', path: ['time', 'amount'], message: `The last ${time.amount} ${time.unit} is more than ten years.` });
    }
  });
export type StatusQueryCriteriaInput = z.input<typeof statusQueryCriteriaSchema>;
export type StatusQueryCriteria = z.output<typeof statusQueryCriteriaSchema>;

/** A query by its ID (SMS00001, A01Q00001) or its name, in any case. */
const queryRefSchema = textSchema({ label: 'The query', max: maxStatusQueryNameLength, required: 'Name the query (its ID or its name).' });

const nameSchema = textSchema({ label: 'The query name', max: maxStatusQueryNameLength, required: 'The query name is required.' });
const commentSchema = textSchema({ label: 'The comment', max: maxStatusQueryCommentLength, multiline: true });

export const statusQueryRefSchema = z.strictObject({ query: queryRefSchema });

export const statusQueryCreateSchema = z.strictObject({
  name: nameSchema,
  comment: commentSchema.default(''),
  criteria: statusQueryCriteriaSchema,
});
export type StatusQueryCreateInput = z.input<typeof statusQueryCreateSchema>;

export const statusQueryUpdateSchema = z.strictObject({
  query: queryRefSchema,
  changes: z.strictObject({
    name: nameSchema.optional(),
    comment: commentSchema.optional(),
    criteria: statusQueryCriteriaSchema.optional(),
  }),
});

/** The values of a query's prompts; each is checked as the field it fills. */
export const statusQueryValuesSchema = z.strictObject(
  {
    packageId: packageIdSchema.optional(),
    advertisementId: advertisementIdSchema.optional(),
    machine: machineSchema.optional(),
    component: componentSchema.optional(),
    distributionPoint: dpSchema.optional(),
    since: sinceSchema.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `A query prompts only for ${statusQueryPrompts.join(', ')}.` : undefined) },
);
export type StatusQueryValues = z.output<typeof statusQueryValuesSchema>;

const pageMessage = `The page size is a whole number from 1 to ${maxStatusPageSize}.`;

export const statusQueryRunSchema = z.strictObject({
  query: queryRefSchema,
  values: statusQueryValuesSchema.default({}),
  order: z.enum(['newest', 'oldest'], { error: 'The order is newest or oldest.' }).default('newest'),
  limit: z.number({ error: pageMessage }).int(pageMessage).min(1, pageMessage).max(maxStatusPageSize, pageMessage).optional(),
  /** The nextCursor of the previous page of the same query and values, as `status:messages` gives it. */
  cursor: z
    .string()
    .trim()
    .regex(statusCursorPattern, 'The cursor is not one this site gave: pass back the nextCursor of the previous page unchanged.')
    .optional(),
});
export type StatusQueryRunInput = z.input<typeof statusQueryRunSchema>;

export interface StatusQueryDto {
  /** SMS00001 … for the built-in queries, the site code + Q + five digits (A01Q00001) for the site's own. */
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  readonly builtIn: boolean;
  readonly criteria: StatusQueryCriteria;
  /** What running the query asks for, in the order to ask it. */
  readonly prompts: readonly StatusQueryPrompt[];
  /** UTC ISO 8601; null for the built-ins. */
  readonly createdAt: string | null;
  readonly lastModified: string | null;
}

/** The prompts a query's criteria declare, the time's last. */
export function promptsOf(criteria: StatusQueryCriteria): StatusQueryPrompt[] {
  return [...(criteria.prompts ?? []), ...(criteria.time?.kind === 'prompt' ? (['since'] as const) : [])];
}

/**
 * A query's filter with its prompts filled, in the Status Message Viewer's terms: a "last N" time
 * stays `lastHours`, counted when the messages are read.
 */
export interface ResolvedStatusQuery {
  readonly component?: string;
  readonly messageIds?: readonly number[];
  readonly severity?: StatusSeverity;
  readonly machine?: string;
  readonly packageId?: string;
  readonly advertisementId?: string;
  readonly distributionPoint?: string;
  readonly text?: string;
  readonly since?: string;
  readonly lastHours?: number;
}

export type ResolveResult =
  | { readonly ok: true; readonly filter: ResolvedStatusQuery }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** Fills a query's prompts with the given (already checked) values; every prompt needs one and nothing else may be given. */
export function resolveStatusQuery(criteria: StatusQueryCriteria, values: StatusQueryValues): ResolveResult {
  const prompts = promptsOf(criteria);
  for (const key of statusQueryPrompts) {
    if (values[key] !== undefined && !prompts.includes(key)) {
      return { ok: false, field: `values.${key}`, message: `This query does not prompt for ${key}${prompts.length > 0 ? `; it prompts for ${prompts.join(', ')}` : ''}.` };
    }
  }
  for (const prompt of prompts) {
    if (values[prompt] === undefined) {
      return { ok: false, field: `values.${prompt}`, message: `This query prompts for ${prompt} (${statusQueryPromptLabels[prompt]}): give a value for it.` };
    }
  }
  const time = criteria.time;
  const filled = { ...criteria, ...values };
  const filter: { -readonly [K in keyof ResolvedStatusQuery]: ResolvedStatusQuery[K] } = {};
  for (const key of ['component', 'severity', 'machine', 'packageId', 'advertisementId', 'distributionPoint', 'text'] as const) {
    const value = filled[key];
    if (value !== undefined) (filter as Record<string, unknown>)[key] = value;
  }
  if (criteria.messageIds !== undefined) filter.messageIds = criteria.messageIds;
  if (time?.kind === 'since') filter.since = time.since;
  if (time?.kind === 'prompt') filter.since = values.since;
  if (time?.kind === 'last') filter.lastHours = time.amount * (time.unit === 'days' ? 24 : 1);
  return { ok: true, filter };
}

/** The `status:messages` query of a resolved filter, "the last N hours" counted back from `now`. */
export function messageQueryOf(filter: ResolvedStatusQuery, now: number): StatusMessageQueryInput {
  return {
    ...(filter.component !== undefined ? { component: filter.component } : {}),
    ...(filter.messageIds !== undefined ? { messageIds: [...filter.messageIds] } : {}),
    ...(filter.severity !== undefined ? { severity: filter.severity } : {}),
    ...(filter.machine !== undefined ? { machine: filter.machine } : {}),
    ...(filter.packageId !== undefined ? { packageId: filter.packageId } : {}),
    ...(filter.distributionPoint !== undefined ? { distributionPoint: filter.distributionPoint } : {}),
    ...(filter.advertisementId !== undefined ? { attributes: [{ id: statusAttributeIds.advertisementId, value: filter.advertisementId }] } : {}),
    ...(filter.text !== undefined ? { text: filter.text } : {}),
    ...(filter.since !== undefined ? { since: filter.since } : {}),
    ...(filter.lastHours !== undefined ? { since: new Date(now - filter.lastHours * 3_600_000).toISOString() } : {}),
  };
}
