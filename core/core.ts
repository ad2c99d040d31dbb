import {
  CourierError,
  isRequestChannel,
  requestChannels,
  requestSchemas,
  type ApiResult,
  type CourierClient,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type SiteInfoDto,
} from './api';
import { AccessAccountRepository } from './db/repositories/access-account-repository';
import { PackageRepository } from './db/repositories/package-repository';
import { ProgramRepository } from './db/repositories/program-repository';
import { SiteRepository } from './db/repositories/site-repository';
import { SiteSettingsRepository } from './db/repositories/site-settings-repository';
import { siteFileGate, type FileGate } from './content/file-gate';
import { SiteSettingsService } from './services/site-settings-service';
import { EventHub } from './services/event-hub';
import { AccessAccountService } from './services/access-account-service';
import { createHandlers, type Handlers } from './services/handlers';
import { PackageService } from './services/package-service';
import { ProgramService } from './services/program-service';
import { ImportService } from './services/import-service';
import { defaultDefinitionsDir } from './site/definitions-dir';
import { validationError } from './domain/validation';
import { openSite } from './site/open-site';
import { createSiteLog, type SiteLog } from './site/site-log';

export { defaultSite, initSite } from './site/open-site';
export { defaultDataDir, resolveDataDir } from './site/data-dir';

export interface CoreOptions {
  /** Holds courier.db and the site root (SMS/Inboxes, SMS/Logs). Created when missing. */
  readonly dataDir: string;
  /** Clock for tests. */
  readonly now?: () => Date;
  /** The built-in package definitions (assets/package-definitions); found beside the sources when omitted. */
  readonly definitionsDir?: string;
  /** The gate of the site server's file operations; one per process (the default) unless a test needs its own limits. */
  readonly fileGate?: FileGate;
}

export interface Core {
  readonly site: SiteInfoDto;
  /** Validates `payload` against the channel's schema, runs the service, never throws. */
  invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** The same, typed per channel: what the CLI and tests use. */
  readonly client: CourierClient;
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
  close(): void;
}

// better-sqlite3 reports constraint failures with codes like SQLITE_CONSTRAINT_UNIQUE.
function isConstraintError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

function toFailure(error: unknown, channel: string, log: SiteLog): ApiResult<never> {
  if (error instanceof CourierError) return { ok: false, error: error.toDto() };
  if (isConstraintError(error)) {
    return { ok: false, error: { code: 'CONFLICT', message: `The change conflicts with data already at the site (${error.message}). Nothing was changed.` } };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.write('smsprov.log', 'SMS_PROVIDER', `Internal error in ${channel}: ${detail}`);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Courier hit an internal error handling ${channel}; details are in SMS\\Logs\\smsprov.log. Nothing was changed.` },
  };
}

/**
 * Requests that wrap the settings in an object: their field errors name the setting alone
 * (`runMode`, not `changes.runMode`), as the services' rule errors do, so forms and the CLI
 * can point at one field whichever check found it.
 */
const fieldPrefixOf: Partial<Record<RequestChannel, string>> = {
  'packages:update': 'changes',
  'programs:update': 'changes',
  'programs:create': 'program',
  'programs:create-device': 'program',
};

/** Wires the site, its database, the services and the handlers: the single entry of every transport. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const site = openSite(options.dataDir, now);
  const events = new EventHub();
  const log = createSiteLog(site.root, now);
  const repositories = {
    packages: new PackageRepository(site.db),
    programs: new ProgramRepository(site.db),
    accessAccounts: new AccessAccountRepository(site.db),
    site: new SiteRepository(site.db),
    settings: new SiteSettingsRepository(site.db),
  };
  const siteSettings = new SiteSettingsService({
    settings: repositories.settings,
    site: repositories.site,
    events,
    log,
    now,
    platform: process.platform,
    gate: options.fileGate ?? siteFileGate,
  });
  const fileAccess = () => siteSettings.fileAccess();
  const shared = { site: repositories.site, packages: repositories.packages, siteRoot: site.root, events, log, now };
  const packages = new PackageService({
    ...shared,
    fileAccess,
    siteCode: site.record.siteCode,
    programs: repositories.programs,
    accessAccounts: repositories.accessAccounts,
  });
  const programs = new ProgramService({ ...shared, programs: repositories.programs });
  const accessAccounts = new AccessAccountService({ ...shared, accounts: repositories.accessAccounts });
  const imports = new ImportService({
    packages,
    programs,
    site: repositories.site,
    definitionsDir: options.definitionsDir ?? defaultDefinitionsDir(),
    fileAccess,
  });
  const handlers: Handlers = createHandlers({ siteInfo: () => site.info, packages, programs, accessAccounts, imports, siteSettings });
  let closed = false;

  async function invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>> {
    if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'The site has been closed.' } };
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no request "${channel}".` } };
    }
    try {
      const parsed = requestSchemas[channel].safeParse(payload ?? {});
      if (!parsed.success) throw validationError(parsed.error, fieldPrefixOf[channel]);
      const handler = handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return toFailure(error, channel, log);
    }
  }

  const client = Object.fromEntries(
    requestChannels.map((channel: RequestChannel) => [channel, (request: unknown) => invoke(channel, request)]),
  ) as unknown as CourierClient;

  return {
    site: site.info,
    invoke,
    client,
    on: (channel, listener) => events.on(channel, listener),
    close() {
      if (closed) return;
      closed = true;
      site.db.close();
    },
  };
}
