import { MpRefusedError, type ManagementPointClient } from '../mp/mp-client';
import type { FlushResult, StatusOutbox } from '../status/status-outbox';
import type { AgentLogs } from './agent-log';

/**
 * Sends the outbox. A message the site refuses as invalid (written by an older agent, or by hand)
 * is set aside in `status/refused` with the site's reason and logged; the rest are sent. Any other
 * failure (the management point away, this client refused) leaves every message for later.
 */
export function sendOutbox(outbox: StatusOutbox, mp: ManagementPointClient, logs: AgentLogs): Promise<FlushResult> {
  return outbox.flush((messages) => mp.uploadStatus(messages), {
    refusedBecause: (error) => (error instanceof MpRefusedError && error.code === 'VALIDATION_FAILED' ? error.message : undefined),
    onRefused: (message, reason) =>
      logs.error('policyagent', `Status message ${message.uid} (${message.messageId}) is refused by the management point and set aside in status/refused: ${reason}`),
  });
}
