import type { AdvertisementCountsDto, ComponentStatus, ComponentThresholdsValue } from '../api';

/** The module the management point stores clients' messages under: not a site component's. */
export const clientModuleName = 'SMS Client';

export type AdvertisementCounter = keyof AdvertisementCountsDto;

/**
 * Which Advertisement Status count a client's Software Distribution message adds to (the suite's
 * AdvertisementsReceived, AdvertisementsFailed, ProgramsStarted, ProgramsSucceeded,
 * ProgramsFailed). A failure of the advertisement is one before the program could start (it could
 * not be read, the platform is refused, the content is larger than the cache); a program that
 * could not be started once accepted is a failed program. A pending restart (10022) is the
 * suite's preliminary success. Courier's own 10060–10064 (waiting, downloading, retrying, a
 * damaged DP copy) tell of progress, not of an outcome, and count nowhere.
 */
export const advertisementCounterOfMessage: Readonly<Record<number, AdvertisementCounter>> = {
  10002: 'received',
  10000: 'failures',
  10018: 'failures',
  10050: 'failures',
  10005: 'programsStarted',
  10008: 'programsSucceeded',
  10009: 'programsSucceeded',
  10022: 'programsSucceeded',
  10003: 'programsFailed',
  10006: 'programsFailed',
  10007: 'programsFailed',
};

/** The suite's defaults (Component Status Summarizer › Thresholds). */
export const defaultComponentThresholds: ComponentThresholdsValue = {
  info: { warning: 2000, critical: 5000 },
  warning: { warning: 10, critical: 50 },
  error: { warning: 1, critical: 5 },
};

export interface ComponentCounts {
  readonly infos: number;
  readonly warnings: number;
  readonly errors: number;
}

/**
 * A component's status from its counts: Critical when any severity reached its critical
 * threshold, Warning when any reached its warning threshold, else OK. Computed when read, so a
 * change of thresholds applies to every component at once, with no counts to rewrite.
 */
export function componentStatusOf(counts: ComponentCounts, thresholds: ComponentThresholdsValue): ComponentStatus {
  const pairs = [
    [counts.infos, thresholds.info],
    [counts.warnings, thresholds.warning],
    [counts.errors, thresholds.error],
  ] as const;
  if (pairs.some(([n, t]) => n >= t.critical)) return 'critical';
  if (pairs.some(([n, t]) => n >= t.warning)) return 'warning';
  return 'ok';
}
