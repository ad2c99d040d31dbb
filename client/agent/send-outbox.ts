import { MpRefusedError, type ManagementPointClient } from '../mp/mp-client';
import type { FlushResult, StatusOutbox } from '../status/status-outbox';
import type { AgentLogs } from './agent-log';

/**
 * Sends the outbox. The site checks a whole upload before it stores any of it, so one message it
 * refuses (written by an older agent, or by hand) would refuse every upload and hold back every
 * message after it. When an upload is refused as invalid, the batch goes one message at a time:
 * those refused are set aside in `status/rejected`, the rest are sent.
 */
export async function sendOutbox(outbox: StatusOutbox, mp: ManagementPointClient, logs: AgentLogs): Promise<FlushResult> {
  const send = (messages: Parameters<ManagementPointClient['uploadStatus']>[0]) => mp.uploadStatus(messages);
  try {
    return await outbox.flush(send);
  } catch (error) {
    if (!(error instanceof MpRefusedError && error.code === 'VALIDATION_FAILED')) throw error;
  }
  let sent = 0;
  for (const message of outbox.nextBatch()) {
    try {
      const acknowledged = await mp.uploadStatus([message]);
      outbox.acknowledge(acknowledged);
      sent += acknowledged.includes(message.uid) ? 1 : 0;
    } catch (error) {
      if (!(error instanceof MpRefusedError && error.code === 'VALIDATION_FAILED')) throw error;
      outbox.setAside(message.uid);
      logs.error('policyagent', `Status message ${message.uid} (${message.messageId}) is refused by the management point and set aside in status/rejected: ${error.message}`);
    }
  }
  const rest = await outbox.flush(send);
  return { sent: sent + rest.sent, remaining: rest.remaining };
}
