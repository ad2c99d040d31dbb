import type { Migration } from './migration';

/**
 * Each client's last state for each advertisement, as its status messages tell it (the suite's
 * SMS_ClientAdvertisementStatus: LastAcceptanceState and LastState), kept up to date in the
 * transaction that stores the upload, so the console reads states and counts without scanning
 * the status messages; an advertisement's states go with it. `message_time` is the client's own time of the message that set the state:
 * an older message that arrives late (an outbox emptied after a newer one) does not overwrite it.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'advertisement-client-states',
  sql: `
CREATE TABLE advertisement_client_states (
  advertisement_id  TEXT NOT NULL REFERENCES advertisements (advertisement_id) ON DELETE CASCADE,
  resource_id       INTEGER NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE,
  state             TEXT NOT NULL CHECK (state IN ('accepted', 'rejected', 'waiting', 'downloading', 'running', 'succeeded', 'failed', 'retrying', 'restartPending')),
  message_id        INTEGER NOT NULL,
  message_time      INTEGER NOT NULL,
  record_id         INTEGER NOT NULL,
  PRIMARY KEY (advertisement_id, resource_id)
) WITHOUT ROWID;
CREATE INDEX advertisement_client_states_resource ON advertisement_client_states (resource_id);
`,
};
