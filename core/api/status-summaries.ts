import { z } from 'zod';
import type { AdvertisementClientState } from './advertisement-client-states';
import { advertisementIdSchema } from './advertisements';
import type { PackageDpState } from './distribution-points';
import { packageIdSchema } from './ids';
import { statusComponentPattern } from './status-messages';
import { textSchema } from './text';

/**
 * System Status summaries (docs/status-messages.md#summarizers): Package Status, Advertisement
 * Status and Component Status, read as rows the site keeps up to date as messages are stored.
 */

const componentNameSchema = textSchema({
  label: 'The component',
  max: 64,
  required: 'The component is empty.',
  pattern: { test: (name) => statusComponentPattern.test(name), message: 'Name the component as the site does, for example SMS_DISTRIBUTION_MANAGER.' },
});

export const packageSummaryQuerySchema = z.strictObject({
  /** One package, with its distribution points; without it every package, without them. */
  packageId: packageIdSchema.optional(),
});
export type PackageSummaryQuery = z.output<typeof packageSummaryQuerySchema>;

export const advertisementSummaryQuerySchema = z.strictObject({
  advertisementId: advertisementIdSchema.optional(),
});
export type AdvertisementSummaryQuery = z.output<typeof advertisementSummaryQuerySchema>;

export const componentSummaryQuerySchema = z.strictObject({
  component: componentNameSchema.optional(),
});
export type ComponentSummaryQuery = z.output<typeof componentSummaryQuerySchema>;

export const componentResetSchema = z.strictObject({
  /** The component whose counts start again; every component when left out. */
  component: componentNameSchema.optional(),
});
export type ComponentResetRequest = z.output<typeof componentResetSchema>;

/** The most messages of one severity a threshold can name. */
export const maxComponentThreshold = 1_000_000_000;

const thresholdMessage = `A threshold is a whole number of messages from 1 to ${maxComponentThreshold}.`;
const threshold = (field: string) =>
  z
    .number({ error: `${field}: ${thresholdMessage}` })
    .int(`${field}: ${thresholdMessage}`)
    .min(1, `${field}: ${thresholdMessage}`)
    .max(maxComponentThreshold, `${field}: ${thresholdMessage}`);

export const componentStatusSeverities = ['info', 'warning', 'error'] as const;
export type ComponentStatusSeverity = (typeof componentStatusSeverities)[number];

/** How many messages of one severity make a component Warning, and Critical. */
export interface SeverityThresholdsDto {
  readonly warning: number;
  readonly critical: number;
}

export type ComponentThresholdsValue = Readonly<Record<ComponentStatusSeverity, SeverityThresholdsDto>>;

export interface ComponentThresholdsDto extends ComponentThresholdsValue {
  /** ISO 8601, or null while the defaults stand. */
  readonly lastModified: string | null;
}

const severityThresholdsSchema = (severity: ComponentStatusSeverity) =>
  z.strictObject({
    warning: threshold(`${severity}.warning`).optional(),
    critical: threshold(`${severity}.critical`).optional(),
  });

/** A change to some thresholds; the service checks that critical is not below warning once merged. */
export const componentThresholdsUpdateSchema = z.strictObject({
  info: severityThresholdsSchema('info').optional(),
  warning: severityThresholdsSchema('warning').optional(),
  error: severityThresholdsSchema('error').optional(),
});
export type ComponentThresholdsUpdate = z.output<typeof componentThresholdsUpdateSchema>;

export const componentStatuses = ['ok', 'warning', 'critical'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** The suite's SMS_PackageStatusDistPointsSummarizer.State numbers. */
export const packageDpStateCodes: Readonly<Record<PackageDpState, number>> = {
  installed: 0,
  installPending: 1,
  installRetrying: 2,
  installFailed: 3,
  removalPending: 4,
  removalFailed: 6,
};

export interface PackageDpCountsDto {
  /** DPs the package is on or is going to; not those it is being removed from. */
  readonly targeted: number;
  readonly installed: number;
  readonly retrying: number;
  readonly failed: number;
  /** DPs it is being removed from (pending or failed). */
  readonly removing: number;
}

export interface PackageSiteSummaryDto extends PackageDpCountsDto {
  readonly siteCode: string;
}

export interface PackageDpSummaryDto {
  readonly name: string;
  readonly nalPath: string;
  readonly siteCode: string;
  readonly state: PackageDpState;
  /** The suite's number for the state: 0 installed, 1 install pending … 6 removal failed. */
  readonly stateCode: number;
  /** The source version on the DP; null until first copied. */
  readonly sourceVersion: number | null;
  /** When the package was last copied there, and last refreshed (ISO 8601), or null. */
  readonly lastCopied: string | null;
  readonly lastRefreshed: string | null;
}

export interface PackageSummaryDto extends PackageDpCountsDto {
  readonly packageId: string;
  /** null once the package is deleted and only removals from DPs are left. */
  readonly name: string | null;
  readonly sourceVersion: number | null;
  readonly sourceDate: string | null;
  readonly sites: readonly PackageSiteSummaryDto[];
  /** Every DP's row when one package was asked for; null in the list of all packages. */
  readonly distributionPoints: readonly PackageDpSummaryDto[] | null;
}

export interface AdvertisementCountsDto {
  /** 10002: clients that received the advertisement and passed its checks. */
  readonly received: number;
  /** 10000, 10018, 10050: the advertisement failed on the client before the program could start. */
  readonly failures: number;
  /** 10005. */
  readonly programsStarted: number;
  /** 10008, 10009, 10022. */
  readonly programsSucceeded: number;
  /** 10003, 10006, 10007. */
  readonly programsFailed: number;
}

export interface AdvertisementSiteSummaryDto extends AdvertisementCountsDto {
  readonly siteCode: string;
  /** The newest of the counted messages, by the clients' time (ISO 8601). */
  readonly lastUpdate: string;
}

export interface AdvertisementSummaryDto extends AdvertisementCountsDto {
  readonly advertisementId: string;
  readonly advertisementName: string;
  readonly packageId: string;
  readonly programName: string;
  readonly collectionId: string;
  /** Per reporting site; empty until a client reports. */
  readonly sites: readonly AdvertisementSiteSummaryDto[];
  /** Each client's last state, counted (advertisements:client-states lists the clients). */
  readonly clientStates: Readonly<Record<AdvertisementClientState, number>>;
}

export interface ComponentSummaryDto {
  readonly siteCode: string;
  readonly machine: string;
  readonly component: string;
  readonly status: ComponentStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Only messages reported at or after this time are counted (ISO 8601). */
  readonly countsSince: string;
  /** The component's newest message, counted or not (ISO 8601). */
  readonly lastMessage: string;
}

export interface ComponentSummariesDto {
  readonly thresholds: ComponentThresholdsDto;
  /** By site, component and machine. */
  readonly components: readonly ComponentSummaryDto[];
}
