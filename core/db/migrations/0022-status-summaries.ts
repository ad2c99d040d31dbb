import type { Migration } from './migration';

/**
 * The System Status summaries (docs/status-messages.md#summarizers), kept up to date in the
 * transaction that stores each status message, so the console reads a summary as a few rows
 * however many messages the site holds, and the summaries outlive the aged messages retention
 * deletes, as the suite's do.
 *
 * - `advertisement_status_summaries`: per advertisement and reporting site, the counts of the
 *   clients' messages (the suite's SMS_AdvertisementStatusSummarizer); an advertisement's
 *   summaries go with it. Each client's own last state is advertisement_client_states (0020).
 * - `component_status_summaries`: per site, computer and server component, the messages of each
 *   severity since `counts_since` (the suite's SMS_ComponentSummarizer). Names compare as the
 *   message store compares them, case-insensitively. Clients' messages (module SMS Client) are
 *   not a site component's and are not counted here.
 * - `component_status_settings`: the thresholds that turn counts into OK / Warning / Critical,
 *   with the suite's defaults, and the time a "reset counts" of every component gave, from which
 *   a component seen for the first time counts.
 *
 * - `advertisement_client_states` gains the suite's separate last acceptance (10000, 10002,
 *   10018) and last execution (every other message that sets a state) of each client, each the
 *   newest by the client's time, with the exit code of a run's end; filled from the messages the
 *   management point stored (its receipts name the client of each).
 *
 * Package Status has no table: it is read from package_dps, which Distribution Manager keeps in
 * the same unit of work as the messages it reports.
 *
 * The INSERT … SELECT statements build the summaries once from the messages a site already has.
 * The message IDs in them are those of core/domain/status-summaries.ts as released with this
 * migration; a test builds both ways and compares.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'status-summaries',
  sql: `
CREATE TABLE advertisement_status_summaries (
  advertisement_id    TEXT NOT NULL REFERENCES advertisements (advertisement_id) ON DELETE CASCADE,
  site_code           TEXT NOT NULL CHECK (length(site_code) = 3),
  received            INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
  failures            INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  programs_started    INTEGER NOT NULL DEFAULT 0 CHECK (programs_started >= 0),
  programs_succeeded  INTEGER NOT NULL DEFAULT 0 CHECK (programs_succeeded >= 0),
  programs_failed     INTEGER NOT NULL DEFAULT 0 CHECK (programs_failed >= 0),
  -- The newest client time among the counted messages (the suite's LastUpdate).
  last_message_time   INTEGER NOT NULL,
  PRIMARY KEY (advertisement_id, site_code)
) WITHOUT ROWID;

CREATE TABLE component_status_summaries (
  site_code          TEXT NOT NULL CHECK (length(site_code) = 3),
  machine_name       TEXT NOT NULL COLLATE NOCASE,
  component          TEXT NOT NULL COLLATE NOCASE,
  infos              INTEGER NOT NULL DEFAULT 0 CHECK (infos >= 0),
  warnings           INTEGER NOT NULL DEFAULT 0 CHECK (warnings >= 0),
  errors             INTEGER NOT NULL DEFAULT 0 CHECK (errors >= 0),
  -- Epoch milliseconds: only messages reported at or after it are counted.
  counts_since       INTEGER NOT NULL DEFAULT 0,
  -- The newest message of the component, counted or not.
  last_message_time  INTEGER NOT NULL,
  PRIMARY KEY (site_code, machine_name, component)
) WITHOUT ROWID;

CREATE TABLE component_status_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  info_warning      INTEGER NOT NULL CHECK (info_warning >= 1),
  info_critical     INTEGER NOT NULL CHECK (info_critical >= info_warning),
  warning_warning   INTEGER NOT NULL CHECK (warning_warning >= 1),
  warning_critical  INTEGER NOT NULL CHECK (warning_critical >= warning_warning),
  error_warning     INTEGER NOT NULL CHECK (error_warning >= 1),
  error_critical    INTEGER NOT NULL CHECK (error_critical >= error_warning),
  counts_since      INTEGER NOT NULL DEFAULT 0,
  last_modified     TEXT
);
INSERT INTO component_status_settings (id, info_warning, info_critical, warning_warning, warning_critical, error_warning, error_critical)
VALUES (1, 2000, 5000, 10, 50, 1, 5);

ALTER TABLE advertisement_client_states ADD COLUMN acceptance_message_id INTEGER;
ALTER TABLE advertisement_client_states ADD COLUMN acceptance_time INTEGER;
ALTER TABLE advertisement_client_states ADD COLUMN execution_message_id INTEGER;
ALTER TABLE advertisement_client_states ADD COLUMN execution_time INTEGER;
ALTER TABLE advertisement_client_states ADD COLUMN execution_result TEXT;

UPDATE advertisement_client_states SET
  (acceptance_message_id, acceptance_time) = (
    SELECT m.message_id, m.time FROM mp_status_receipts r
    JOIN status_messages m ON m.record_id = r.record_id
    JOIN status_message_attributes a ON a.record_id = m.record_id AND a.attribute_id = 401
    WHERE r.resource_id = advertisement_client_states.resource_id AND a.attribute_value = advertisement_client_states.advertisement_id
      AND m.message_id IN (10000, 10002, 10018)
    ORDER BY m.time DESC, m.record_id DESC LIMIT 1),
  (execution_message_id, execution_time, execution_result) = (
    SELECT m.message_id, m.time, CASE WHEN m.message_id IN (10006, 10007, 10008, 10009, 10022) THEN m.ins_string_2 END FROM mp_status_receipts r
    JOIN status_messages m ON m.record_id = r.record_id
    JOIN status_message_attributes a ON a.record_id = m.record_id AND a.attribute_id = 401
    WHERE r.resource_id = advertisement_client_states.resource_id AND a.attribute_value = advertisement_client_states.advertisement_id
      AND m.message_id IN (10003, 10005, 10006, 10007, 10008, 10009, 10022, 10050, 10060, 10061, 10062, 10063)
    ORDER BY m.time DESC, m.record_id DESC LIMIT 1);

INSERT INTO advertisement_status_summaries
  (advertisement_id, site_code, received, failures, programs_started, programs_succeeded, programs_failed, last_message_time)
SELECT ad.advertisement_id, m.site_code,
       sum(m.message_id = 10002),
       sum(m.message_id IN (10000, 10018, 10050)),
       sum(m.message_id = 10005),
       sum(m.message_id IN (10008, 10009, 10022)),
       sum(m.message_id IN (10003, 10006, 10007)),
       max(m.time)
FROM status_message_attributes a
CROSS JOIN status_messages m ON m.record_id = a.record_id
JOIN advertisements ad ON ad.advertisement_id = a.attribute_value
WHERE a.attribute_id = 401
  AND m.component = 'Software Distribution' COLLATE NOCASE
  AND m.message_id IN (10000, 10002, 10003, 10005, 10006, 10007, 10008, 10009, 10018, 10022, 10050)
GROUP BY ad.advertisement_id, m.site_code;

INSERT INTO component_status_summaries (site_code, machine_name, component, infos, warnings, errors, counts_since, last_message_time)
SELECT site_code, machine_name, component,
       sum(severity = 1073741824), sum(severity = -2147483648), sum(severity = -1073741824), 0, max(time)
FROM status_messages
WHERE module_name <> 'SMS Client'
GROUP BY site_code, machine_name COLLATE NOCASE, component COLLATE NOCASE;
`,
};
