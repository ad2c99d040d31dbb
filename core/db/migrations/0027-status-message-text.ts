import type { Migration } from './migration';

/**
 * What a text search in the Status Message Viewer reads instead of describing every message
 * (docs/status-messages.md#text-search):
 *
 * - `status_message_text`: a message's insertion strings, folded as the viewer compares them
 *   (`courier_fold`, searchFold in core/domain/status-messages/text-search.ts) and joined by
 *   U+001F, in an FTS5 index of trigrams (sqlite.org/fts5.html, "The Trigram Tokenizer"), so the
 *   messages holding every trigram of a run of words are found without reading the messages.
 *   detail=none: the index keeps which messages hold a trigram, not where, which makes it a
 *   fraction of the size and of the cost to a stored message; the search describes what it
 *   finds to be sure. Contentless (the strings are in status_messages already) with
 *   contentless_delete, so deleting aged messages deletes their rows by record ID.
 *   case_sensitive 1: the text is folded before it is stored, and FTS5's own folding differs
 *   from the viewer's outside ASCII.
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
  strings,
  content = '', contentless_delete = 1, detail = none, tokenize = 'trigram case_sensitive 1'
);
CREATE TABLE status_message_keys (
  component   TEXT NOT NULL,
  message_id  INTEGER NOT NULL,
  PRIMARY KEY (component, message_id)
) WITHOUT ROWID;
INSERT INTO status_message_keys (component, message_id) SELECT DISTINCT component, message_id FROM status_messages;
INSERT INTO status_message_text (rowid, strings)
  SELECT record_id, courier_fold(concat_ws(char(31), ins_string_1, ins_string_2, ins_string_3, ins_string_4, ins_string_5,
                                           ins_string_6, ins_string_7, ins_string_8, ins_string_9, ins_string_10))
  FROM status_messages WHERE ins_string_1 IS NOT NULL;
`,
};
