import { z } from 'zod';
import { advertisementIdSchema, advertisementTimeSchema } from './advertisements';
import { collectionCreateSchema, collectionIdSchema } from './collections';
import { dpGroupNameSchema, dpNameSchema, type PackageDpState } from './distribution-points';
import { packageIdSchema } from './ids';
import { packageImportSchema } from './imports';
import { packageCreateSchema } from './packages';
import { programCreateSchema } from './programs';
import { optionalText, requiredText } from './text';

/**
 * Distribute Software (docs/distribute-software.md): one plan that names or makes a package, a
 * program, the distribution points to copy the package to, and optionally a collection and an
 * advertisement, as the Distribute Software wizards gather it. `deployments:run` makes it all in
 * one site transaction, so that a failure part-way leaves nothing made; `deployments:preview` is
 * the dry run of the same plan: it applies the plan inside a transaction that is rolled back,
 * and answers what the pipelines would do with it.
 */

/** The Package page: create a new package and program, create one from a definition, or use an existing one. */
export const deploymentPackageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), packageId: packageIdSchema }),
  z.strictObject({ kind: z.literal('new'), package: packageCreateSchema }),
  z.strictObject({ kind: z.literal('definition'), definition: packageImportSchema }),
]);
export type DeploymentPackageInput = z.input<typeof deploymentPackageSchema>;

/**
 * The program to advertise: one the package has (for a definition, one of the programs it
 * defines, by name), or a new one (always with a new package, optional with an existing one).
 */
export const deploymentProgramSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('existing'), programName: requiredText('The program name', 50) }),
  z.strictObject({ kind: z.literal('new'), program: programCreateSchema.shape.program }),
]);
export type DeploymentProgramInput = z.input<typeof deploymentProgramSchema>;

/** The Advertisement Target page: an existing collection, or a new one (for picked resources, of direct rules for them). */
export const deploymentTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('collection'), collectionId: collectionIdSchema }),
  z.strictObject({ kind: z.literal('newCollection'), collection: collectionCreateSchema }),
]);
export type DeploymentTargetInput = z.input<typeof deploymentTargetSchema>;

/**
 * The advertisement pages: Name, Subcollection, Schedule and Assign Program. As in the suite,
 * the wizard sets no recurring assignment: one assigned time, or none (the program is optional).
 * Every other advertisement option keeps the New Advertisement wizard's default.
 */
export const deploymentAdvertisementSchema = z.strictObject({
  target: deploymentTargetSchema,
  advertisementName: requiredText('The advertisement name', 100),
  comment: optionalText('The comment', 127).default(''),
  includeSubcollections: z.boolean().default(true),
  /** When it is offered; omitted: now, as the wizard starts it. */
  presentTime: advertisementTimeSchema.optional(),
  presentTimeIsGmt: z.boolean().default(false),
  /** When it expires; null: never. */
  expirationTime: advertisementTimeSchema.nullable().default(null),
  expirationTimeIsGmt: z.boolean().default(false),
  /** Assign Program: the one time it becomes mandatory; null: not assigned. */
  assignedTime: advertisementTimeSchema.nullable().default(null),
  assignedTimeIsGmt: z.boolean().default(false),
});
export type DeploymentAdvertisementInput = z.input<typeof deploymentAdvertisementSchema>;

export const maxDeploymentDps = 1000;

export const deploymentPlanSchema = z
  .strictObject({
    package: deploymentPackageSchema,
    program: deploymentProgramSchema,
    /** The Distribution Points page: DPs by name, and Select Group's groups; both may be empty. */
    distributionPoints: z.array(dpNameSchema).max(maxDeploymentDps).default([]),
    groups: z.array(dpGroupNameSchema).max(maxDeploymentDps).default([]),
    /** null: do not advertise the program (the package is still made and distributed). */
    advertisement: deploymentAdvertisementSchema.nullable().default(null),
  })
  .superRefine((plan, ctx) => {
    if (plan.package.kind === 'new' && plan.program.kind !== 'new') {
      ctx.addIssue({ code: 'custom', path: ['program'], message: 'A new package has no programs yet: give the new program to create with it.' });
    }
    if (plan.package.kind === 'definition' && plan.program.kind !== 'existing') {
      ctx.addIssue({ code: 'custom', path: ['program'], message: 'A package made from a definition gets the programs the definition lists: name one of them.' });
    }
  });
export type DeploymentPlanInput = z.input<typeof deploymentPlanSchema>;
export type DeploymentPlan = z.output<typeof deploymentPlanSchema>;

export const advertisementPreviewSchema = z.strictObject({ advertisementId: advertisementIdSchema });

/** The most members a preview lists by name; the counts cover them all. */
export const maxDeploymentPreviewMembers = 200;

export interface DeploymentMemberDto {
  readonly resourceId: number;
  readonly name: string;
  readonly resourceType: 'system' | 'user' | 'userGroup';
  /** The platform the site knows for a system; null for users or when not yet inventoried. */
  readonly platform: string | null;
  /** Why the program will not run there (its platform requirements), or null. */
  readonly excludedBy: string | null;
  /** The distribution point the client would get the content from, or null when none is reachable. */
  readonly contentFrom: string | null;
  /** How the DP reaches the client (docs/content-location.md), or null when none does. */
  readonly via: 'protected' | 'siteBoundary' | 'fallback' | null;
}

export interface DeploymentDpDto {
  readonly name: string;
  /** has: the DP holds the current version; adding: this deployment copies it there; pending: already on its way. */
  readonly state: 'has' | 'adding' | 'pending';
  /**
   * Bytes the Distribution Manager will send it for this deployment (0 when it has the content).
   * For a DP that holds an earlier version this is the full size, an upper bound: Distribution
   * Manager links unchanged files and may send deltas, and which files changed is known only to
   * the manifests it keeps beside the site's database. null while the source size is unknown.
   */
  readonly bytesToSend: number | null;
  /** The source version the DP holds now, or null when it holds none yet. */
  readonly sourceVersion: number | null;
  /** Its package_dps row's state now (installFailed tells a copy that gave up), or null for a DP being added. */
  readonly recordState: PackageDpState | null;
}

export interface DeploymentPreviewDto {
  /** The server's time the dry run was computed at (ISO 8601 UTC). */
  readonly computedAt: string;
  /** The advertisement previewed, or null for a plan or a program without one. */
  readonly advertisementId: string | null;
  readonly packageId: string | null;
  readonly packageName: string;
  readonly programName: string;
  /** The package's current source version (null for a package without source files). */
  readonly sourceVersion: number | null;
  /**
   * The package's source: files and bytes; 0 and 0 for a package without source files; null and
   * null while unknown. The dry run reads no files: the size is what Distribution Manager
   * recorded when it copied this source version to a DP (`copied`), else what the caller measured
   * before (`measured`, as packages:source-size does), else `unknown` until measured or copied.
   */
  readonly sourceFiles: number | null;
  readonly sourceBytes: number | null;
  readonly sourceSize: 'none' | 'copied' | 'measured' | 'unknown';
  /** The target collection, or null when the plan advertises nothing. */
  readonly collection: { readonly collectionId: string | null; readonly name: string; readonly includeSubcollections: boolean } | null;
  readonly counts: {
    readonly members: number;
    readonly excludedByPlatform: number;
    /** Members with no DP holding (or about to hold) the package within reach. */
    readonly unreachable: number;
    /** Of the unreachable ones, those that fallback to unprotected DPs would reach, were it allowed. */
    readonly rescuedByFallback: number;
  };
  /** The first members by name (at most maxDeploymentPreviewMembers). */
  readonly members: readonly DeploymentMemberDto[];
  readonly distributionPoints: readonly DeploymentDpDto[];
  /** Wall-clock times as the advertisement holds them (`YYYY-MM-DDTHH:MM`), each with whether it is UTC. */
  readonly availableAt: { readonly time: string; readonly isGmt: boolean } | null;
  readonly expiresAt: { readonly time: string; readonly isGmt: boolean } | null;
  /**
   * When the program first becomes mandatory on a client that receives the advertisement now: the
   * first assigned schedule occurrence at or after now (one already past is due now, as a client
   * runs a missed assignment once), or now for "as soon as possible"; never before it is
   * available. null: not assigned, assigned only at logon, logoff or start-up (a notice says
   * so), or no occurrence before the expiry.
   */
  readonly mandatoryAt: { readonly time: string; readonly isGmt: boolean } | null;
  /**
   * Where members' maintenance windows defer the assigned run: per collection that sets windows,
   * how many of the member systems it covers and `firstRunAt` (ISO 8601 UTC), the first moment at
   * or after `mandatoryAt` when one of its windows is open with room for the program's maximum
   * run time (720 minutes when Unknown), as the client agent waits; null when nothing is
   * mandatory or no window ahead is long enough. A system in several such collections may run in
   * any of their windows. Empty when the advertisement ignores maintenance windows.
   */
  readonly maintenanceWindows: readonly { readonly collectionId: string; readonly name: string; readonly members: number; readonly firstRunAt: string | null }[];
  /** What the suite would warn of: a disabled program, a disabled client agent, no DP at all. */
  readonly notices: readonly string[];
}

export const deploymentSteps = ['package', 'program', 'distribute', 'collection', 'advertisement'] as const;
export type DeploymentStep = (typeof deploymentSteps)[number];

export const deploymentOutcomes = ['done', 'used', 'failed', 'undone', 'skipped'] as const;

export interface DeploymentStepDto {
  readonly step: DeploymentStep;
  /** What the step does, as the progress page lists it: `Create package "Contoso Tool 1.0"`. */
  readonly title: string;
  /**
   * done: made and kept; used: an existing object, nothing made; failed: the step that stopped
   * the run; undone: made, then rolled back with the rest because a later step failed; skipped:
   * not run (nothing to do, or an earlier step failed).
   */
  readonly outcome: (typeof deploymentOutcomes)[number];
  /** The outcome in a sentence: `Created package A0100003.`, or the failure's message. */
  readonly detail: string;
  /** What was made or used: a package ID, a program name, DP names joined, a collection or advertisement ID. */
  readonly id: string | null;
}

export interface DeploymentResultDto {
  /** Every step done (or used or skipped because nothing was to do); false: nothing was made. */
  readonly ok: boolean;
  readonly steps: readonly DeploymentStepDto[];
  readonly packageId: string | null;
  readonly programName: string | null;
  readonly collectionId: string | null;
  readonly advertisementId: string | null;
  /** The failure when not ok, as any request's error says it. */
  readonly error: { readonly code: string; readonly message: string; readonly field: string | null } | null;
}
