import { statusAttributeIds, type StatusMessageDto, type StatusMessageType, type StatusSeverity } from '../../../core/api';
import { lineOf, type TextFormat } from './export-text';

export const severityLabels: Readonly<Record<StatusSeverity, string>> = { info: 'Information', warning: 'Warning', error: 'Error' };
export const typeLabels: Readonly<Record<StatusMessageType, string>> = { milestone: 'Milestone', detail: 'Detail', audit: 'Audit' };

/** The viewer's columns as text, in the order shown: what Copy and Export write. */
export const textColumns: readonly { readonly label: string; readonly text: (message: StatusMessageDto) => string }[] = [
  { label: 'Severity', text: (m) => severityLabels[m.severity] },
  { label: 'Type', text: (m) => typeLabels[m.type] },
  { label: 'Site code', text: (m) => m.siteCode },
  // UTC as the site stores it: a file read elsewhere, or later, means the same instant.
  { label: 'Date / Time (UTC)', text: (m) => m.time },
  { label: 'System', text: (m) => m.machine },
  { label: 'Component', text: (m) => m.component },
  { label: 'Message ID', text: (m) => String(m.messageId) },
  { label: 'Description', text: (m) => m.description },
  { label: 'Process ID', text: (m) => String(m.processId) },
  { label: 'Thread ID', text: (m) => String(m.threadId) },
];

export function headerLine(format: TextFormat): string {
  return lineOf(
    textColumns.map((column) => column.label),
    format,
  );
}

export function messageLine(message: StatusMessageDto, format: TextFormat): string {
  return lineOf(
    textColumns.map((column) => column.text(message)),
    format,
  );
}

/** The selected rows as a spreadsheet pastes them: a header line, then one line each. */
export function copyText(messages: readonly StatusMessageDto[]): string {
  return headerLine('tsv') + messages.map((message) => messageLine(message, 'tsv')).join('');
}

const attributeNames: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    packageId: 'Package ID',
    advertisementId: 'Advertisement ID',
    collectionId: 'Collection ID',
    userName: 'User name',
    distributionPoint: 'Distribution point',
    policyId: 'Policy ID',
    policyAssignmentId: 'Policy assignment ID',
    meteringRuleId: 'Metering rule ID',
    clientSmsId: 'Client SMS ID',
    siteCode: 'Site code',
    packageVersion: 'Package version',
    timeKey: 'Time key',
  }).map(([key, label]) => [String(statusAttributeIds[key as keyof typeof statusAttributeIds]), label]),
);

/** "Package ID (400)", or the bare number for an attribute the suite does not name. */
export function attributeLabel(id: string): string {
  const name = attributeNames[id];
  return name === undefined ? `Attribute ${id}` : `${name} (${id})`;
}
