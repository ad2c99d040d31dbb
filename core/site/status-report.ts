import { hostname } from 'node:os';
import { threadId } from 'node:worker_threads';
import { maxInsertionStrings, maxStatusValueLength, truncateText, type StatusMessageType, type StatusSeverity } from '../api';
import type { StatusMessageRecord } from '../db/repositories/status-message-repository';
import { statusCatalogue } from '../domain/status-messages';
import type { LogFile } from './site-log';

/** What a component or service reports: the catalogue supplies what it leaves out. */
export interface StatusReport {
  /** SMS_DISTRIBUTION_MANAGER. */
  readonly component: string;
  readonly messageId: number;
  /** The catalogue's when omitted; required for an ID the catalogue does not hold. */
  readonly severity?: StatusSeverity;
  readonly type?: StatusMessageType;
  /** %1 first; at most ten, each cut to 1024 characters. */
  readonly insertionStrings?: readonly string[];
  /** Attribute ID → value: { 400: 'A0100001', 404: nalPath }. */
  readonly attributes?: Readonly<Record<number, string>>;
  /** SMS Server unless said otherwise (SMS Provider for the provider's audit messages). */
  readonly moduleName?: string;
  readonly win32Error?: number;
  /** The log the STATMSG line goes to: the unit of work's own log when omitted. */
  readonly logFile?: LogFile;
}

/** Who reports: the site, this computer, this process and thread. */
export interface StatusOrigin {
  readonly siteCode: () => string;
  readonly machine: string;
  readonly processId: number;
  readonly threadId: number;
}

/** This computer's name as the suite writes it (SYS=SRV01): the first label, upper-case. */
export function machineName(): string {
  return (hostname().split('.')[0] || 'localhost').toUpperCase();
}

export function statusOriginOf(siteCode: () => string): StatusOrigin {
  return { siteCode, machine: machineName(), processId: process.pid, threadId };
}

/**
 * The record a report makes. A report the catalogue cannot complete, or that breaks the record's
 * rules, is a programming error: it throws, and the change it came with is rolled back with it.
 */
export function statusRecordOf(report: StatusReport, origin: StatusOrigin, at: Date): StatusMessageRecord {
  const { component, messageId } = report;
  if (!Number.isInteger(messageId) || messageId < 0 || messageId > 65535) throw new Error(`A status message ID is a whole number from 0 to 65535 (${messageId} given).`);
  const definition = statusCatalogue.find(component, messageId);
  const severity = report.severity ?? definition?.severity;
  if (severity === undefined) throw new Error(`Message ${messageId} of ${component} is not in the catalogue: report its severity.`);
  const strings = report.insertionStrings ?? [];
  if (strings.length > maxInsertionStrings) throw new Error(`A status message has at most ${maxInsertionStrings} insertion strings (${strings.length} given).`);
  const attributes = Object.entries(report.attributes ?? {}).map(([id, value]): [number, string] => {
    const numeric = Number(id);
    if (!Number.isInteger(numeric) || numeric < 0 || numeric > 65535) throw new Error(`An attribute ID is a whole number from 0 to 65535 ("${id}" given).`);
    return [numeric, truncateText(String(value), maxStatusValueLength)];
  });
  return {
    messageId,
    severity,
    type: report.type ?? definition?.type ?? 'milestone',
    moduleName: report.moduleName ?? 'SMS Server',
    component,
    siteCode: origin.siteCode(),
    machine: origin.machine,
    time: at.getTime(),
    processId: origin.processId,
    threadId: origin.threadId,
    win32Error: report.win32Error ?? null,
    insertionStrings: strings.map((text) => truncateText(String(text), maxStatusValueLength)),
    attributes,
  };
}
