import { z } from 'zod';
import { resourceIdSchema, type ResourceClassName, type ResourceType } from './resources';
import { optionalText, requiredText, textSchema } from './text';

/** The built-in collections: their members are every resource of one type (docs/collections.md). */
export const builtInCollections = [
  { collectionId: 'SMS00001', name: 'All Systems', resourceType: 'system' },
  { collectionId: 'SMS00002', name: 'All Users', resourceType: 'user' },
  { collectionId: 'SMS00003', name: 'All User Groups', resourceType: 'userGroup' },
] as const satisfies readonly { collectionId: string; name: string; resourceType: ResourceType }[];

export const collectionIdSchema = textSchema({
  label: 'A collection ID',
  max: 8,
  required: 'A collection ID is required.',
  pattern: {
    test: (text) => /^[A-Za-z0-9]{3}[0-9A-Fa-f]{5}$/.test(text),
    message: 'A collection ID is a site code followed by five hex digits, for example A0100010 or SMS00001.',
  },
}).transform((id) => id.toUpperCase());

/** An SMS_ST schedule token: 16 hex digits (docs/formats.md#schedule-tokens). */
export const scheduleTokenSchema = textSchema({
  label: 'A schedule token',
  max: 16,
  required: 'A schedule token is required.',
  pattern: { test: (text) => /^[0-9A-Fa-f]{16}$/.test(text), message: 'A schedule token is 16 hex digits, for example 00012CC0001A2000.' },
}).transform((token) => token.toUpperCase());

export const maxRulesPerCollection = 10_000;
export const maxQueryLength = 16_384;

export const directRuleInputSchema = z.strictObject({ kind: z.literal('direct'), resourceId: resourceIdSchema });
export const queryRuleInputSchema = z.strictObject({
  kind: z.literal('query'),
  /** The rule's name in the collection; the suite's wizard asks for one. */
  name: requiredText('The query rule name', 256),
  /** WQL: `select … from SMS_R_System where …`; the class after FROM is what it selects. */
  // On several lines if the admin wants: WQL reads line breaks and tabs as spaces, and says where a problem is by line and column.
  query: textSchema({ label: 'The query', max: maxQueryLength, required: 'A query rule needs its query (select … from SMS_R_System …).', multiline: true }),
});
export const collectionRuleInputSchema = z.discriminatedUnion('kind', [directRuleInputSchema, queryRuleInputSchema]);
export type CollectionRuleInput = z.output<typeof collectionRuleInputSchema>;

export const maintenanceWindowSchema = z.strictObject({
  name: requiredText('The maintenance window name', 127),
  schedule: scheduleTokenSchema,
  durationMinutes: z.number().int('The duration is whole minutes.').min(1, 'A maintenance window lasts at least 1 minute.').max(1440, 'A maintenance window lasts at most 1440 minutes (a day).'),
  enabled: z.boolean().default(true),
});
export type MaintenanceWindowInput = z.output<typeof maintenanceWindowSchema>;
const maintenanceWindows = z.array(maintenanceWindowSchema).max(32, 'A collection can have at most 32 maintenance windows.');

const collectionName = requiredText('The collection name', 127);
const collectionComment = optionalText('The comment', 255);

export const collectionCreateSchema = z.strictObject({
  name: collectionName,
  comment: collectionComment.default(''),
  /** Members are only resources that are also members of this collection. */
  limitToCollectionId: collectionIdSchema.optional(),
  /** Create it as a subcollection of this one (else at the top of the tree). */
  parentCollectionId: collectionIdSchema.optional(),
  rules: z.array(collectionRuleInputSchema).max(maxRulesPerCollection).default([]),
  membershipSchedule: scheduleTokenSchema.nullable().default(null),
  maintenanceWindows: maintenanceWindows.default([]),
});

export const collectionChangesSchema = z.strictObject({
  name: collectionName.optional(),
  comment: collectionComment.optional(),
  limitToCollectionId: collectionIdSchema.nullable().optional(),
  membershipSchedule: scheduleTokenSchema.nullable().optional(),
  /** The whole list: windows not in it are removed. */
  maintenanceWindows: maintenanceWindows.optional(),
  /** Every collection it is linked under (besides its own parent): links not in it are removed. */
  linkedUnder: z.array(collectionIdSchema).max(256).optional(),
});
export type CollectionChanges = z.output<typeof collectionChangesSchema>;

export const collectionRefSchema = z.strictObject({ collectionId: collectionIdSchema });
export const collectionDeleteSchema = z.strictObject({
  collectionId: collectionIdSchema,
  /** The Delete Collection wizard's confirmation: the advertisements targeting it (or its subcollections) go with it. */
  deleteAdvertisements: z.boolean().default(false),
});

/** How many members a preview lists at most: enough to check the rules, never the whole site. */
export const maxPreviewMembers = 200;

/** `collections:preview`: the members rules would give now, without saving anything. */
export const collectionPreviewSchema = z.strictObject({
  rules: z.array(collectionRuleInputSchema).max(maxRulesPerCollection).default([]),
  limitToCollectionId: collectionIdSchema.optional(),
  /** How many members to list (by name); the count is of all of them. */
  limit: z.number().int('The limit is a whole number.').min(1, 'List at least 1 member.').max(maxPreviewMembers, `A preview lists at most ${maxPreviewMembers} members.`).default(50),
});
export const collectionUpdateSchema = z.strictObject({ collectionId: collectionIdSchema, changes: collectionChangesSchema });
export const collectionMembershipSchema = z.strictObject({
  collectionId: collectionIdSchema,
  /** Also update its subcollections and linked collections, all the way down. */
  includeSubcollections: z.boolean().default(false),
});
export const collectionAddRuleSchema = z.strictObject({ collectionId: collectionIdSchema, rule: collectionRuleInputSchema });
export const collectionRemoveRuleSchema = z
  .strictObject({
    collectionId: collectionIdSchema,
    ruleName: requiredText('The rule name', 256).optional(),
    /** A direct rule, by the resource it names. */
    resourceId: resourceIdSchema.optional(),
  })
  .refine((value) => (value.ruleName === undefined) !== (value.resourceId === undefined), {
    message: 'Name the rule to remove: its ruleName, or the resourceId of a direct rule (one of them).',
    path: ['ruleName'],
  });

export type CollectionRuleDto =
  | { readonly kind: 'direct'; readonly ruleName: string; readonly resourceId: number }
  | { readonly kind: 'query'; readonly ruleName: string; readonly resourceClass: ResourceClassName; readonly query: string };

export interface MaintenanceWindowDto {
  readonly name: string;
  readonly schedule: string;
  readonly durationMinutes: number;
  readonly enabled: boolean;
}

export interface CollectionRefDto {
  readonly collectionId: string;
  readonly name: string;
}

export interface SubcollectionDto extends CollectionRefDto {
  /** A linked collection: its own place is elsewhere; deleting this one only unlinks it. */
  readonly linked: boolean;
}

export interface CollectionDto {
  readonly collectionId: string;
  readonly name: string;
  readonly comment: string;
  /** SMS00001 … : its members are every resource of `builtInType`; it cannot be deleted or given rules. */
  readonly builtIn: boolean;
  readonly builtInType: ResourceType | null;
  readonly limitToCollectionId: string | null;
  /** The collection it is a subcollection of; null at the top of the tree. */
  readonly parentCollectionId: string | null;
  /** Other collections it is linked under. */
  readonly linkedUnder: readonly string[];
  readonly subcollections: readonly SubcollectionDto[];
  readonly rules: readonly CollectionRuleDto[];
  readonly membershipSchedule: string | null;
  readonly maintenanceWindows: readonly MaintenanceWindowDto[];
  /** As of the last membership update. */
  readonly memberCount: number;
  readonly lastMembershipUpdate: string | null;
  /** The rules or the limit changed since the last membership update (or there was none). */
  readonly membershipPending: boolean;
  /**
   * When SMS_COLLECTION_EVALUATOR next evaluates it on its membership schedule (earlier than now
   * when it is due and no evaluator has run yet); null without a schedule, or when a
   * non-recurring one has run.
   */
  readonly nextMembershipUpdate: string | null;
  readonly createdAt: string;
  readonly lastModified: string;
}

export interface CollectionMemberDto {
  readonly resourceId: number;
  readonly name: string;
  readonly resourceType: ResourceType;
  readonly domain: string | null;
  readonly smsUniqueIdentifier: string | null;
  readonly client: boolean | null;
}

/** The members rules give now: their count, and the first of them by name. */
export interface CollectionPreviewDto {
  readonly memberCount: number;
  readonly members: readonly CollectionMemberDto[];
}

export interface DeletedAdvertisementRefDto {
  readonly advertisementId: string;
  readonly name: string;
  /** The collection it targeted: the one deleted or one of its subcollections. */
  readonly collectionId: string;
}

export interface CollectionDeletedDto {
  /** The collection and its own subcollections, all the way down. */
  readonly deleted: readonly CollectionRefDto[];
  /** The advertisements that targeted them, deleted with them (deleteAdvertisements). */
  readonly deletedAdvertisements: readonly DeletedAdvertisementRefDto[];
  /** Linked collections left in place: only their link under a deleted collection went. */
  readonly unlinked: readonly { readonly parentCollectionId: string; readonly collectionId: string; readonly name: string }[];
}

export interface MembershipUpdateDto {
  readonly collectionId: string;
  readonly name: string;
  readonly memberCount: number;
  readonly added: number;
  readonly removed: number;
  readonly evaluatedAt: string;
}
