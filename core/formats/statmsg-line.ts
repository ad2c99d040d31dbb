import { maxInsertionStrings, type StatusMessageType, type StatusSeverity } from '../api';

/** What a STATMSG line tells of a status message. */
export interface StatMsgLineFields {
  readonly messageId: number;
  readonly severity: StatusSeverity;
  readonly type: StatusMessageType;
  readonly moduleName: string;
  readonly component: string;
  readonly machine: string;
  readonly siteCode: string;
  readonly processId: number;
  readonly threadId: number;
  readonly time: Date;
  readonly insertionStrings: readonly string[];
  /** In the order they were reported. */
  readonly attributes: readonly (readonly [number, string])[];
}

const severityLetters: Readonly<Record<StatusSeverity, string>> = { info: 'I', warning: 'W', error: 'E' };
const typeLetters: Readonly<Record<StatusMessageType, string>> = { milestone: 'M', detail: 'D', audit: 'A' };
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** GMTDATE's form, in UTC: `Fri Jun 13 22:36:47.610 2008`. */
export function formatGmtDate(at: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${days[at.getUTCDay()]} ${months[at.getUTCMonth()]} ${pad(at.getUTCDate())} ` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${pad(at.getUTCMilliseconds(), 3)} ${at.getUTCFullYear()}`
  );
}

/**
 * The line a site component writes into its log for each status message it reports
 * (docs/formats.md#statmsg-lines), which the admin's log readers know:
 * `STATMSG: ID=2301 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=SRV01
 * SITE=A01 PID=4604 TID=5720 GMTDATE=Fri Jun 13 22:36:47.610 2008 ISTR0="Office" … ISTR9=""
 * NUMATTRS=1 AID0=400 AVAL0="A0100001"`. Every line has all ten ISTRs, empty ones as "".
 * Values are written as they are: the line is an echo for a reader, the database is the record.
 */
export function formatStatMsgLine(fields: StatMsgLineFields): string {
  const strings = Array.from({ length: maxInsertionStrings }, (_, i) => `ISTR${i}="${fields.insertionStrings[i] ?? ''}"`);
  const attributes = fields.attributes.map(([id, value], i) => `AID${i}=${id} AVAL${i}="${value}"`);
  return [
    'STATMSG:',
    `ID=${fields.messageId}`,
    `SEV=${severityLetters[fields.severity]}`,
    `LEV=${typeLetters[fields.type]}`,
    `SOURCE="${fields.moduleName}"`,
    `COMP="${fields.component}"`,
    `SYS=${fields.machine}`,
    `SITE=${fields.siteCode}`,
    `PID=${fields.processId}`,
    `TID=${fields.threadId}`,
    `GMTDATE=${formatGmtDate(fields.time)}`,
    ...strings,
    `NUMATTRS=${fields.attributes.length}`,
    ...attributes,
  ].join(' ');
}
