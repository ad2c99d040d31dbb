import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface MpSettingsRecord {
  readonly address: string;
  readonly port: number;
  readonly certificateFile: string | null;
  readonly keyFile: string | null;
  readonly approval: 'automatic' | 'manual';
  readonly lastModified: string;
}

/** Where the management point listens now, as its component last recorded it. */
export interface MpEndpointRecord {
  readonly url: string | null;
  readonly port: number | null;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  readonly error: string | null;
  readonly lastRequestAt: string | null;
}

/** The management point's settings and its endpoint (migration 0018): one row each. */
export class MpSettingsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(): MpSettingsRecord {
    return prepared(
      this.db,
      'SELECT address, port, certificate_file AS certificateFile, key_file AS keyFile, approval, last_modified AS lastModified FROM mp_settings WHERE id = 1',
    ).get() as MpSettingsRecord;
  }

  save(record: MpSettingsRecord): void {
    prepared(this.db, 'UPDATE mp_settings SET address = ?, port = ?, certificate_file = ?, key_file = ?, approval = ?, last_modified = ? WHERE id = 1').run(
      record.address,
      record.port,
      record.certificateFile,
      record.keyFile,
      record.approval,
      record.lastModified,
    );
  }

  endpoint(): MpEndpointRecord {
    return prepared(this.db, 'SELECT url, port, started_at AS startedAt, stopped_at AS stoppedAt, error, last_request_at AS lastRequestAt FROM mp_endpoint WHERE id = 1').get() as MpEndpointRecord;
  }

  listening(url: string, port: number, at: string): void {
    prepared(this.db, 'UPDATE mp_endpoint SET url = ?, port = ?, started_at = ?, stopped_at = NULL, error = NULL WHERE id = 1').run(url, port, at);
  }

  /**
   * Records that it does not listen. `url`: the one this host listened on, cleared only if it is
   * still the recorded one, so a host that stops after another took over does not erase the new
   * one's endpoint.
   */
  stopped(at: string, error: string | null, url: string | null = null): void {
    if (url === null) prepared(this.db, 'UPDATE mp_endpoint SET url = NULL, port = NULL, stopped_at = ?, error = ? WHERE id = 1').run(at, error);
    else prepared(this.db, 'UPDATE mp_endpoint SET url = NULL, port = NULL, stopped_at = ?, error = ? WHERE id = 1 AND url = ?').run(at, error, url);
  }

  /** At most once a minute (the caller passes the bound), so requests do not become writes. */
  noteRequest(at: string, notBefore: string): void {
    prepared(this.db, 'UPDATE mp_endpoint SET last_request_at = ? WHERE id = 1 AND (last_request_at IS NULL OR last_request_at < ?)').run(at, notBefore);
  }
}
