import type { Migration } from './migration';

/**
 * The Status Message Viewer sorts by any column, as an MMC list does (docs/status-messages.md#sorting),
 * a page at a time from the database: each sort is one index range, like a page by time, ordered
 * by the column, then the time (and, implicitly, the record ID), so a keyset cursor on (value,
 * time, record ID) starts the next page where the last one ended. Component's index is 0005's;
 * Description sorts by message ID. Severity is indexed by its rank (bits 30-31 of
 * SMS_StatusMessage.Severity: 1 information, 2 warning, 3 error), so a sort by it reads as the
 * viewer shows it rather than in the order of the signed numbers. Text columns are indexed in any
 * case, as they compare; the machine index also serves the machine filter.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'status-message-sorts',
  sql: `
CREATE INDEX status_messages_severity_rank_time ON status_messages (((severity >> 30) & 3), time);
CREATE INDEX status_messages_type_time ON status_messages (message_type, time);
CREATE INDEX status_messages_site_code_time ON status_messages (site_code COLLATE NOCASE, time);
CREATE INDEX status_messages_machine_time ON status_messages (machine_name COLLATE NOCASE, time);
CREATE INDEX status_messages_message_id_time ON status_messages (message_id, time);
CREATE INDEX status_messages_process_id_time ON status_messages (process_id, time);
CREATE INDEX status_messages_thread_id_time ON status_messages (thread_id, time);
`,
};
