import { sameNoCase, type StatusMessageDto, type StatusMessagesAddedEvent } from '../../../core/api';

/** The highest record ID among the messages; 0 for none. */
export function newestRecordId(messages: readonly StatusMessageDto[]): number {
  let newest = 0;
  for (const message of messages) newest = Math.max(newest, message.recordId);
  return newest;
}

/** Newest first, as the site answers: by time, then by record ID. */
function newerFirst(a: StatusMessageDto, b: StatusMessageDto): number {
  if (a.time !== b.time) return a.time < b.time ? 1 : -1;
  return b.recordId - a.recordId;
}

/**
 * The messages a view holds with the newer ones read since: each once, newest first, at most
 * `max` of them (the oldest leave).
 */
export function withNewer(held: readonly StatusMessageDto[], newer: readonly StatusMessageDto[], max: number): readonly StatusMessageDto[] {
  if (newer.length === 0) return held;
  const known = new Set(held.map((message) => message.recordId));
  const merged = [...newer.filter((message) => !known.has(message.recordId)), ...held];
  return merged.sort(newerFirst).slice(0, max);
}

/** Whether the event tells of messages of this package that a view holding up to `newest` has not read. */
export function tellsOfNew(event: StatusMessagesAddedEvent, packageId: string, newest: number): boolean {
  return event.newestRecordId > newest && event.packageIds.some((id) => sameNoCase(id, packageId));
}
