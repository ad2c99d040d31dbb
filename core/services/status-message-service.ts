import type { StatusHistogramBucketDto, StatusMessageDto, StatusMessageHistogramDto, StatusMessageHistogramQuery, StatusMessagePageDto, StatusMessageQuery } from '../api';
import { encodeStatusCursor, maxStatusHistogramBuckets, statusAttributeIds, statusHistogramBucketMs, statusSortOf } from '../api';
import type { StatusMessageRepository, StoredStatusMessage } from '../db/repositories/status-message-repository';
import { statusCatalogue } from '../domain/status-messages';

export interface StatusMessageServiceDeps {
  readonly messages: StatusMessageRepository;
  readonly now: () => Date;
}

/** Attribute 400, 404 and the others, as the repository filters them. */
function attributesOf(query: Pick<StatusMessageQuery, 'packageId' | 'distributionPoint' | 'attributes'>): { id: number; value: string }[] {
  return [
    ...(query.packageId !== undefined ? [{ id: statusAttributeIds.packageId, value: query.packageId }] : []),
    ...(query.distributionPoint !== undefined ? [{ id: statusAttributeIds.distributionPoint, value: query.distributionPoint }] : []),
    ...(query.attributes ?? []),
  ];
}

export function statusMessageDto(message: StoredStatusMessage): StatusMessageDto {
  return {
    recordId: message.recordId,
    messageId: message.messageId,
    severity: message.severity,
    type: message.type,
    moduleName: message.moduleName,
    component: message.component,
    siteCode: message.siteCode,
    machine: message.machine,
    time: new Date(message.time).toISOString(),
    processId: message.processId,
    threadId: message.threadId,
    insertionStrings: message.insertionStrings,
    attributes: Object.fromEntries(message.attributes.map(([id, value]) => [String(id), value])),
    description: statusCatalogue.describe(message.component, message.messageId, message.insertionStrings),
  };
}

/** `status:messages`: the Status Message Viewer's query, a page at a time (docs/status-messages.md). */
export class StatusMessageService {
  constructor(private readonly deps: StatusMessageServiceDeps) {}

  query(query: StatusMessageQuery): StatusMessagePageDto {
    const attributes = attributesOf(query);
    const sort = statusSortOf(query);
    const page = this.deps.messages.query({
      component: query.component,
      messageIds: query.messageIds,
      severity: query.severity,
      since: query.since,
      until: query.until,
      before: query.before,
      siteCode: query.siteCode,
      attributes,
      machine: query.machine,
      text: query.text,
      order: query.order,
      sort,
      limit: query.limit,
      after: query.cursor,
      afterRecordId: query.afterRecordId,
    });
    const cursorOf = (key: typeof page.next) => (key === null ? null : encodeStatusCursor(sort, { value: key.value ?? null, time: key.time, recordId: key.recordId }));
    // The first message's own key with the record ID one before it in the page's order: a read after it includes that message.
    const start = page.first === null ? null : { ...page.first, recordId: sort.direction === 'desc' ? page.first.recordId + 1 : Math.max(0, page.first.recordId - 1) };
    return {
      messages: page.messages.map(statusMessageDto),
      nextCursor: cursorOf(page.next),
      startCursor: cursorOf(start),
      endCursor: cursorOf(page.last),
    };
  }

  /**
   * `status:message-histogram`: the filter's messages per hour or day, by severity, every bucket
   * of the period in the answer. The period ends at `until` (or now) and starts at `since`, or
   * as many buckets back as one answer holds; a longer one keeps its newest buckets.
   */
  histogram(query: StatusMessageHistogramQuery): StatusMessageHistogramDto {
    const size = statusHistogramBucketMs[query.bucket];
    const offset = query.utcOffsetMinutes * 60_000;
    // before is exclusive and times are whole milliseconds: the period ends a millisecond before it.
    const until = query.until ?? (query.before !== undefined ? query.before - 1 : this.deps.now().getTime());
    // Bucket starts fall on the viewer's whole hours and midnights: UTC ones moved by the offset.
    const floor = (ms: number) => Math.floor((ms + offset) / size) * size - offset;
    const last = floor(until);
    const earliest = last - (maxStatusHistogramBuckets - 1) * size;
    const wanted = query.since === undefined ? earliest : floor(query.since);
    const first = Math.max(wanted, earliest);
    // The first bucket counts from since itself, not from the start of its hour or day.
    const from = query.since === undefined || wanted < earliest ? first : query.since;
    const rows = this.deps.messages.histogram({
      component: query.component,
      messageIds: query.messageIds,
      severity: query.severity,
      attributes: attributesOf(query),
      machine: query.machine,
      siteCode: query.siteCode,
      text: query.text,
      since: from,
      until,
      origin: first,
      bucketMs: size,
    });
    const buckets: { -readonly [K in keyof StatusHistogramBucketDto]: StatusHistogramBucketDto[K] }[] = [];
    for (let start = first; start <= last; start += size) buckets.push({ start: new Date(start).toISOString(), info: 0, warning: 0, error: 0 });
    for (const row of rows) {
      const bucket = buckets[Math.round((row.start - first) / size)];
      if (bucket !== undefined) bucket[row.severity] += row.count;
    }
    return { bucket: query.bucket, since: new Date(from).toISOString(), until: new Date(until).toISOString(), buckets, clipped: wanted < earliest };
  }
}
