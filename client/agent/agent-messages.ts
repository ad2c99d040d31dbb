import { maxStatusValueLength } from '../../core/api/status-messages';
import type { NewStatusMessage } from '../status/status-outbox';

/** The component the software distribution client's messages come from, as the console shows it. */
export const softwareDistributionComponent = 'Software Distribution';

/** The software distribution client's status messages the agent sends. */
export const AgentMessage = {
  bodyUnreadable: 10000,
  accepted: 10002,
  notStarted: 10003,
  started: 10005,
  failedExitCode: 10006,
  failedMif: 10007,
  succeededExitCode: 10008,
  succeededMif: 10009,
  rejected: 10018,
  restartPending: 10022,
  tooLargeForCache: 10050,
  /** Courier's, for what the suite tells only in its logs: a due program waits, content downloads, a download is retried. */
  waiting: 10060,
  downloading: 10061,
  downloadRetried: 10062,
  failedWillRetry: 10063,
  /** Courier's: a distribution point's copy of the content is damaged; it was not used. */
  damagedContent: 10064,
} as const;

const severities: Record<number, NewStatusMessage['severity']> = {
  10000: 'error',
  10002: 'info',
  10003: 'error',
  10005: 'info',
  10006: 'error',
  10007: 'error',
  10008: 'info',
  10009: 'info',
  10018: 'warning',
  10022: 'info',
  10050: 'error',
  10060: 'info',
  10061: 'info',
  10062: 'warning',
  10063: 'warning',
  10064: 'warning',
};

export interface MessageSubject {
  readonly advertisementId: string;
  readonly packageId: string;
  readonly programName: string;
}

/**
 * An insertion string the site takes: one it refuses (too long, a control character, a
 * bidirectional override, half a surrogate pair) refuses the whole upload, and the outbox would
 * send that batch again at every cycle. Reasons carry text from elsewhere (a download error, an
 * installer's MIF), so each such character becomes U+FFFD and the text is cut to fit.
 */
export function insertionString(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced; tabs and line breaks are kept
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (clean.length <= maxStatusValueLength) return clean;
  // Cut by code points, so a pair is not split at the end.
  return `${Array.from(clean.slice(0, maxStatusValueLength - 2)).join('').replace(/[\ud800-\udbff]$/, '')}…`;
}

/**
 * One message about an advertisement, its insertion strings laid out alike for every message:
 * %1 the advertisement ID, %2 the site code (acceptance) or the exit code (a run's end), %3 the
 * reason or the status MIF's description, %4 the package ID, %5 the program name; attributes
 * 400 (package) and 401 (advertisement), by which the console finds them.
 */
export function advertisementMessage(messageId: number, subject: MessageSubject, second = '', third = '', time?: Date): NewStatusMessage {
  return {
    messageId,
    severity: severities[messageId] ?? 'info',
    component: softwareDistributionComponent,
    insertionStrings: [subject.advertisementId, insertionString(second), insertionString(third), subject.packageId, subject.programName],
    attributes: { 400: subject.packageId, 401: subject.advertisementId },
    ...(time !== undefined ? { time: time.toISOString() } : {}),
  };
}
