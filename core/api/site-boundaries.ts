import { z } from 'zod';
import { advertisementIdSchema, fastNetworkOptions, slowNetworkOptions } from './advertisements';
import { boundaryKinds, parseBoundary, type BoundaryKind } from './boundaries';
import { packageIdSchema } from './ids';
import { resourceIdSchema } from './resources';
import { optionalText, requiredText } from './text';

/**
 * Site boundaries (docs/content-location.md): where the site's clients are, each an IP subnet,
 * an IP range or an AD site, on a fast (LAN) or slow network. Values pass the same parser as a
 * protected distribution point's boundaries, so a value refused there is refused here too.
 */
export const boundaryConnections = ['fast', 'slow'] as const;
export type BoundaryConnection = (typeof boundaryConnections)[number];

export interface SiteBoundaryDto {
  readonly id: number;
  readonly kind: BoundaryKind;
  /** In its normal spelling: 10.1.0.0/16, 10.1.0.1-10.1.0.200, Default-First-Site-Name. */
  readonly value: string;
  readonly description: string;
  readonly connection: BoundaryConnection;
}

const kindSchema = z.enum(boundaryKinds, { error: `A boundary's kind is one of ${boundaryKinds.join(', ')}.` });
const connectionSchema = z.enum(boundaryConnections, { error: 'The network connection is fast or slow.' });
const valueSchema = requiredText('The boundary', 64, 'Give the boundary: an IP subnet (10.1.0.0/16), an IP range (10.1.0.1-10.1.0.200) or an AD site name.');
const descriptionSchema = optionalText('The description', 255);
const boundaryIdSchema = z.number().int('A boundary ID is a whole number.').min(1, 'A boundary ID is a whole number from 1.');

function checkValue(kind: BoundaryKind, value: string, ctx: z.RefinementCtx): void {
  const parsed = parseBoundary(kind, value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem, path: ['value'] });
}

export const siteBoundaryCreateSchema = z
  .strictObject({ kind: kindSchema, value: valueSchema, description: descriptionSchema.default(''), connection: connectionSchema.default('fast') })
  .superRefine((input, ctx) => checkValue(input.kind, input.value, ctx));

export const siteBoundaryRefSchema = z.strictObject({ id: boundaryIdSchema });

/** A new kind comes with its value; a value alone is read as the boundary's kind. */
export const siteBoundaryUpdateSchema = z.strictObject({
  id: boundaryIdSchema,
  changes: z
    .strictObject({ kind: kindSchema.optional(), value: valueSchema.optional(), description: descriptionSchema.optional(), connection: connectionSchema.optional() })
    .superRefine((changes, ctx) => {
      if (changes.kind !== undefined && changes.value === undefined) ctx.addIssue({ code: 'custom', message: 'A new kind needs its value too.', path: ['value'] });
    }),
});

export type SiteBoundaryCreateInput = z.input<typeof siteBoundaryCreateSchema>;
export type SiteBoundaryChanges = z.output<typeof siteBoundaryUpdateSchema>['changes'];

/** `content:locate`: which DPs a client takes a package's content from, as the management point would answer it. */
export const contentLocateSchema = z.strictObject({
  /** A resource ID, or a resource's name (any case). */
  client: z.union([resourceIdSchema, requiredText('The client', 256)]),
  packageId: packageIdSchema,
  /** The package's current source version when absent. */
  sourceVersion: z.number().int('A source version is a whole number.').min(1, 'A source version is a whole number from 1.').optional(),
  /** Its fast and slow network options and fallback decide; without one, the suite's defaults (download; do not run on a slow network; no fallback). */
  advertisementId: advertisementIdSchema.optional(),
});
export type ContentLocateInput = z.input<typeof contentLocateSchema>;

export interface LocatedDpDto {
  readonly name: string;
  /** \\DP01\SMSPKGD$\A0100001 */
  readonly uncPath: string;
  /** The content service's URL for a BITS-enabled DP, null otherwise. */
  readonly httpUrl: string | null;
  /** protected: its own boundaries hold the client; siteBoundary: a site boundary does; fallback: neither, and the advertisement allows it. */
  readonly via: 'protected' | 'siteBoundary' | 'fallback';
}

export interface ContentLocationDto {
  readonly client: { readonly resourceId: number; readonly name: string; readonly ipAddresses: readonly string[]; readonly adSite: string | null };
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly advertisementId: string | null;
  readonly options: { readonly fastNetwork: (typeof fastNetworkOptions)[number]; readonly slowNetwork: (typeof slowNetworkOptions)[number]; readonly allowFallback: boolean };
  readonly network: 'fast' | 'slow' | 'none';
  readonly action: 'download' | 'runFromDp' | 'doNotRun';
  readonly dps: readonly LocatedDpDto[];
  readonly reason: string;
}
