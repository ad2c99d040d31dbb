import type { Migration } from './migration';

/**
 * Status messages, as the suite's SMS_StatusMessage, SMS_StatMsgInsStrings and
 * SMS_StatMsgAttributes keep them (docs/status-messages.md). A site collects millions, read a
 * page at a time, newest first, by time, component, severity, or what a message is about
 * (an attribute: 400 package ID, 404 distribution point). So:
 *
 * - `time` is UTC epoch milliseconds, an integer that compares and indexes cheaply; every index
 *   ends in time (and, implicitly, the record ID), so a filter and a keyset page are one range.
 * - The ten insertion strings are columns: a message is one row, written and read in one step.
 * - Attributes are rows of their own, carrying the message's time, so "the messages of package
 *   A0100001 this week" walks one index range in time order without touching other packages.
 * - AUTOINCREMENT: record IDs are never reused once aged messages are deleted, so a cursor or a
 *   record ID a viewer holds never names another message.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'status-messages',
  sql: `
CREATE TABLE status_messages (
  record_id     INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id    INTEGER NOT NULL CHECK (message_id BETWEEN 0 AND 65535),
  -- 0x40000000 informational, 0x80000000 warning, 0xC0000000 error, as signed 32-bit integers.
  severity      INTEGER NOT NULL CHECK (severity IN (1073741824, -2147483648, -1073741824)),
  -- 256 milestone, 512 detail, 768 audit, 1024 NT event.
  message_type  INTEGER NOT NULL CHECK (message_type IN (256, 512, 768, 1024)),
  module_name   TEXT NOT NULL CHECK (length(module_name) BETWEEN 1 AND 64),
  component     TEXT NOT NULL CHECK (length(component) BETWEEN 1 AND 64),
  site_code     TEXT NOT NULL CHECK (length(site_code) = 3),
  machine_name  TEXT NOT NULL CHECK (length(machine_name) BETWEEN 1 AND 255),
  time          INTEGER NOT NULL,
  process_id    INTEGER NOT NULL,
  thread_id     INTEGER NOT NULL,
  win32_error   INTEGER,
  ins_string_1  TEXT,
  ins_string_2  TEXT,
  ins_string_3  TEXT,
  ins_string_4  TEXT,
  ins_string_5  TEXT,
  ins_string_6  TEXT,
  ins_string_7  TEXT,
  ins_string_8  TEXT,
  ins_string_9  TEXT,
  ins_string_10 TEXT
);
CREATE INDEX status_messages_time ON status_messages (time);
CREATE INDEX status_messages_component_time ON status_messages (component COLLATE NOCASE, time);
CREATE INDEX status_messages_severity_time ON status_messages (severity, time);

CREATE TABLE status_message_attributes (
  record_id        INTEGER NOT NULL REFERENCES status_messages (record_id) ON DELETE CASCADE,
  attribute_id     INTEGER NOT NULL CHECK (attribute_id BETWEEN 0 AND 65535),
  attribute_value  TEXT NOT NULL,
  -- The message's time, so a value's messages are one index range in time order.
  time             INTEGER NOT NULL,
  PRIMARY KEY (record_id, attribute_id)
) WITHOUT ROWID;
CREATE INDEX status_message_attributes_value_time ON status_message_attributes (attribute_id, attribute_value COLLATE NOCASE, time);
`,
};
