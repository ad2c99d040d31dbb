import type { Migration } from './migration';

/**
 * What a text search in the Status Message Viewer reads instead of describing every message
 * (docs/status-messages.md#text-search):
 *
 * - `status_message_text`: the insertion strings, folded as the viewer compares them
 *   (`courier_fold`, searchFold in core/domain/status-messages/text-search.ts), in an FTS5 index
 *   of trigrams (sqlite.org/fts5.html, "The Trigram Tokenizer"), one column a string, so a run
 *   of three characters or more is found inside one string without reading the messages. It is
 *   contentless (the strings are in status_messages already) with contentless_delete, so
 *   deleting aged messages deletes their rows by record ID. case_sensitive 1: the text is folded
 *   before it is stored, and FTS5's own folding differs from the viewer's outside ASCII.
 * - `status_message_keys`: every (component, message ID) the store has held, so a search knows
 *   which texts its messages can have; kept when the messages go (a kind more only costs a look).
 *
 * A site's messages so far are indexed here.
 */
export const migration0027: Migration = {
  version: 27,
  name: 'status-message-text',
  sql: `
CREATE VIRTUAL TABLE status_message_text USING fts5(
  s1, s2, s3, s4, s5, s6, s7, s8, s9, s10,
  content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
);
CREATE TABLE status_message_keys (
  component   TEXT NOT NULL,
  message_id  INTEGER NOT NULL,
  PRIMARY KEY (component, message_id)
) WITHOUT ROWID;
INSERT INTO status_message_keys (component, message_id) SELECT DISTINCT component, message_id FROM status_messages;
INSERT INTO status_message_text (rowid, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10)
  SELECT record_id, courier_fold(ins_string_1), courier_fold(ins_string_2), courier_fold(ins_string_3), courier_fold(ins_string_4),
         courier_fold(ins_string_5), courier_fold(ins_string_6), courier_fold(ins_string_7), courier_fold(ins_string_8),
         courier_fold(ins_string_9), courier_fold(ins_string_10)
  FROM status_messages WHERE ins_string_1 IS NOT NULL;
`,
};
