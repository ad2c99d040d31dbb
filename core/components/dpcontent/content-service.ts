import { createContentHandler } from '../../content/http/content-server';
import { listenForContent, type ContentListener } from '../../content/http/content-listener';
import { ContentServiceRepository, type ContentServiceSettingsRecord } from '../../db/repositories/content-service-repository';
import { SiteSettingsRepository } from '../../db/repositories/site-settings-repository';
import type { ComponentContext, SiteComponent } from '../site-component';
import { contentServiceLog, contentServiceName } from './names';
import { ServedCopies } from './served-copies';

export interface ContentServiceOptions {
  /** How long a connection may send and take nothing before it is closed (tests shorten it). */
  readonly idleTimeoutMs?: number;
  /** How long a connection may take to send its first request's head (tests shorten it). */
  readonly headersTimeoutMs?: number;
  readonly pollMs?: number;
}

/** A miss may be a package put on a DP since the last look: looked for again, at most this often. */

const listenKey = (s: ContentServiceSettingsRecord) => JSON.stringify([s.address, s.port, s.certificate, s.key]);

/**
 * SMS_DP_CONTENT_SERVICE: serves over HTTP (HTTPS with a certificate) the content of the site's
 * BITS-enabled distribution points whose shares this computer reaches, as the DP's IIS serves
 * `SMS_DP_<share>` virtual directories to BITS clients (docs/content-service.md). No inbox: each
 * wake reads the settings and the copies again when the database changed, and the server itself
 * answers requests between wakes on the component's thread.
 */
export function createContentService(options: ContentServiceOptions = {}): SiteComponent {
  let context: ComponentContext | null = null;
  let settingsRepo: ContentServiceRepository | null = null;
  let siteSettings: SiteSettingsRepository | null = null;
  let copies = new ServedCopies([], []);
  let listener: ContentListener | null = null;
  let listeningAs: string | null = null;
  let seenVersion = -1;
  /** data_version when the copies were last read: a miss reads them again only when it moved. */
  let refreshedVersion = -1;
  let lastProblem = '';
  const loggedProblems = new Set<string>();

  function log(text: string): void {
    context?.log(text);
  }

  function refresh(): void {
    if (!settingsRepo || !siteSettings || !context) return;
    refreshedVersion = context.db.pragma('data_version', { simple: true }) as number;
    copies = new ServedCopies(settingsRepo.servedCopies(), siteSettings.listPathMappings());
    for (const problem of copies.problems) {
      if (loggedProblems.has(problem)) continue;
      loggedProblems.add(problem);
      log(problem);
    }
  }

  const handler = createContentHandler({
    log,
    resolver: {
      resolve(share, segments, host) {
        const found = copies.resolve(share, segments, host);
        // A copy Distribution Manager installed since the last read must be served at once: the
        // management point may already have named it to a client. A flood of requests for what is
        // not there costs one pragma each while nothing changed.
        if (found || !context || (context.db.pragma('data_version', { simple: true }) as number) === refreshedVersion) return found;
        refresh();
        return copies.resolve(share, segments, host);
      },
    },
  });

  async function stopListening(): Promise<void> {
    const closing = listener;
    listener = null;
    listeningAs = null;
    if (closing) await closing.close();
    if (context && settingsRepo) {
      const repo = settingsRepo;
      // Every console shows whether the service listens (Site Systems): tell them, as a settings change does.
      context.work.run((change) => {
        repo.setListening(null, null);
        change.emit('components:settings-changed', { component: 'dpcontent' });
      });
    }
  }

  async function ensureListening(settings: ContentServiceSettingsRecord): Promise<void> {
    if (!context || !settingsRepo) return;
    const key = listenKey(settings);
    if (listener && listeningAs === key) return;
    if (listener) {
      log(`The settings changed; no longer listening at ${listener.url}.`);
      await stopListening();
    }
    try {
      listener = await listenForContent({ ...settings, handler, ...(options.idleTimeoutMs !== undefined && { idleTimeoutMs: options.idleTimeoutMs }), ...(options.headersTimeoutMs !== undefined && { headersTimeoutMs: options.headersTimeoutMs }) });
    } catch (error) {
      const problem = `Cannot listen at ${settings.address} port ${settings.port}${settings.certificate ? ' with HTTPS' : ''}: ${error instanceof Error ? error.message : String(error)}; trying again at the next poll.`;
      if (problem !== lastProblem) log(problem);
      lastProblem = problem;
      return;
    }
    if (context.stopping.aborted) {
      await listener.close();
      listener = null;
      return;
    }
    lastProblem = '';
    listeningAs = key;
    const repo = settingsRepo;
    const url = listener.url;
    context.work.run((change) => {
      repo.setListening(url, context?.now().toISOString() ?? null);
      change.emit('components:settings-changed', { component: 'dpcontent' });
    });
    log(`Serving the content of BITS-enabled distribution points at ${url}/SMS_DP_<share>/<package>/ (${copies.size} package copies).`);
  }

  return {
    name: contentServiceName,
    inbox: null,
    logFile: contentServiceLog,
    pollMs: options.pollMs ?? 2_000,
    start(given) {
      context = given;
      settingsRepo = new ContentServiceRepository(given.db);
      siteSettings = new SiteSettingsRepository(given.db);
    },
    async wake() {
      if (!context || !settingsRepo || context.stopping.aborted) return;
      // data_version moves only when another connection committed: an idle site costs one pragma per poll.
      const version = context.db.pragma('data_version', { simple: true }) as number;
      if (version !== seenVersion || !listener) {
        seenVersion = version;
        refresh();
        await ensureListening(settingsRepo.settings());
      }
    },
    async stop() {
      await stopListening();
      context = null;
      settingsRepo = null;
      siteSettings = null;
    },
  };
}
