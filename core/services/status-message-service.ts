import type { StatusMessageDto, StatusMessagePageDto, StatusMessageQuery } from '../api';
import { statusAttributeIds } from '../api';
import type { StatusMessageRepository, StoredStatusMessage } from '../db/repositories/status-message-repository';
import { statusCatalogue } from '../domain/status-messages';

export interface StatusMessageServiceDeps {
  readonly messages: StatusMessageRepository;
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
    const attributes = [
      ...(query.packageId !== undefined ? [{ id: statusAttributeIds.packageId, value: query.packageId }] : []),
      ...(query.distributionPoint !== undefined ? [{ id: statusAttributeIds.distributionPoint, value: query.distributionPoint }] : []),
      ...(query.attributes ?? []),
    ];
    const page = this.deps.messages.query({
      component: query.component,
      messageIds: query.messageIds,
      severity: query.severity,
      since: query.since,
      until: query.until,
      attributes,
      machine: query.machine,
      text: query.text,
      order: query.order,
      limit: query.limit,
      after: query.cursor,
      afterRecordId: query.afterRecordId,
    });
    return {
      messages: page.messages.map(statusMessageDto),
      nextCursor: page.next ? `${page.next.time}.${page.next.recordId}` : null,
    };
  }
}
