// Shared by the status message store's tests: a real site database, and the message a site
// server's component reports most (SMS_DISTRIBUTION_MANAGER 2301, package A0100001 distributed).
import { StatusMessageRepository, type StatusMessageRecord } from '../../core/db/repositories/status-message-repository';
import { openSite, type OpenSite } from '../../core/site/open-site';
import { makeTempDir } from './temp-dir';

/** A site server's status message at `time`, with `overrides` in place. */
export function serverStatusMessage(time: number, overrides: Partial<StatusMessageRecord> = {}): StatusMessageRecord {
  return {
    messageId: 2301,
    severity: 'info',
    type: 'milestone',
    moduleName: 'SMS Server',
    component: 'SMS_DISTRIBUTION_MANAGER',
    siteCode: 'A01',
    machine: 'SRV01',
    time,
    processId: 100,
    threadId: 7,
    insertionStrings: ['Office', 'A0100001'],
    attributes: [[400, 'A0100001']],
    ...overrides,
  };
}

export interface StatusStore {
  readonly site: OpenSite;
  readonly repo: StatusMessageRepository;
  /** Closes the database and removes its folder. */
  readonly close: () => void;
}

/** A new site in a folder of its own (named from `prefix`), its clock stopped at `now`. */
export function openStatusStore(prefix: string, now: number): StatusStore {
  const data = makeTempDir(prefix);
  const site = openSite(data.path, () => new Date(now));
  return {
    site,
    repo: new StatusMessageRepository(site.db),
    close: () => {
      site.db.close();
      data.remove();
    },
  };
}
