import type { StatusMessageRepository } from '../db/repositories/status-message-repository';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes the status messages older than `days` days before `now`, a batch per transaction;
 * how many were deleted. Cheap when there is nothing to delete (one index probe).
 */
export function deleteAgedStatusMessages(messages: StatusMessageRepository, days: number, now: Date): number {
  if (!Number.isFinite(days) || days < 0) throw new Error(`Status messages are kept a number of days, 0 or more (${days} given).`);
  const before = now.getTime() - days * dayMs;
  return messages.hasOlderThan(before) ? messages.deleteOlderThan(before) : 0;
}
