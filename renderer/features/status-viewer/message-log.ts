import type { LogFileDto, StatusMessageDto } from '../../../core/api';
import { logViewerHref } from '../log-viewer/log-viewer-query';

export interface MessageLog {
  /** The site log the message's component writes (distmgr.log). */
  readonly name: string;
  /** The log viewer's address, opened at the message's time with its thread's lines marked. */
  readonly href: string;
}

/**
 * The site log a message's lines are in: its component's, the log whose entries name that
 * component (a component echoes each of its status messages into its log as it sends it). A
 * client's messages have their lines in the client's own logs, which the site does not hold.
 */
export function logOfMessage(logs: readonly LogFileDto[] | null, message: StatusMessageDto): MessageLog | null {
  if (logs === null || message.moduleName === 'SMS Client') return null;
  const component = message.component.toLowerCase();
  const log = logs.find((l) => l.component !== null && l.component.toLowerCase() === component);
  if (log === undefined) return null;
  return { name: log.name, href: logViewerHref([log.name], { around: message.time, thread: message.threadId }) };
}
