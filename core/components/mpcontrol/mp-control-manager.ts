import { readFileSync } from 'node:fs';
import { checkpointWal, deferCheckpoints } from '../../db/connection';
import { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import { CollectionRepository } from '../../db/repositories/collection-repository';
import { MembershipRepository } from '../../db/repositories/membership-repository';
import { MpClientRepository } from '../../db/repositories/mp-client-repository';
import { MpRefusalRepository } from '../../db/repositories/mp-refusal-repository';
import { MpSettingsRepository, type MpSettingsRecord } from '../../db/repositories/mp-settings-repository';
import { OfferRepository } from '../../db/repositories/offer-repository';
import { ResourceRepository } from '../../db/repositories/resource-repository';
import { ContentServiceRepository } from '../../db/repositories/content-service-repository';
import { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import { AdvertisementClientStateRepository } from '../../db/repositories/advertisement-client-state-repository';
import { StatusMessageRepository } from '../../db/repositories/status-message-repository';
import { queryRuleResourceIds } from '../../db/wql/collection-rules';
import { ManagementPoint } from '../../services/management-point/management-point';
import { ResourceService } from '../../services/resources/resource-service';
import { CollectionMembership } from '../../site/collection-membership';
import { productVersion } from '../../site/product';
import type { ComponentContext, SiteComponent } from '../site-component';
import { createMpServer, listenMp, type MpListening } from './mp-http-server';
import { mpControlInbox, mpControlLog, mpControlName } from './names';

export interface MpControlOptions {
  /** Deadlines for a request's head and for the whole request (tests shorten them). */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Bytes of bodies read at once (tests make it small). */
  readonly bodyBudgetBytes?: number;
}

/** What the server was started with: a change of any of it starts it again. */
function keyOf(settings: MpSettingsRecord): string {
  return JSON.stringify([settings.address, settings.port, settings.certificateFile, settings.keyFile]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * SMS_MP_CONTROL_MANAGER: runs the management point's HTTP(S) service on the address and port of
 * its settings (docs/management-point.md). A settings change drops a wake-up in Mpcontrol.box;
 * the wake starts the server again with them. A server that could not listen (the port taken,
 * a certificate unreadable) is tried again on every wake, its schedule included, and the reason
 * is recorded where the console reads the service's status.
 */
export function createMpControlManager(options: MpControlOptions = {}): SiteComponent {
  let context: ComponentContext | null = null;
  let mp: ManagementPoint | null = null;
  let settings: MpSettingsRepository | null = null;
  let listening: { key: string; at: MpListening } | null = null;
  let lastFailure: string | null = null;
  let checkpoints: NodeJS.Timeout | null = null;

  async function closeServer(): Promise<void> {
    const current = listening;
    listening = null;
    if (current) await current.at.close();
  }

  /** Where it listens is recorded with an event, so open consoles show the role's state at once. */
  function record(ctx: ComponentContext, write: () => void): void {
    ctx.work.run((change) => {
      write();
      change.emit('management-point:changed', { change: 'status', resourceId: null });
    });
  }

  async function reconcile(ctx: ComponentContext, repo: MpSettingsRepository, service: ManagementPoint): Promise<void> {
    const wanted = repo.get();
    const key = keyOf(wanted);
    if (listening?.key === key) return;
    if (listening) {
      const url = listening.at.url;
      ctx.log(`The management point's settings changed; it stops listening on ${url}.`);
      await closeServer();
      record(ctx, () => repo.stopped(ctx.now().toISOString(), null, url));
    }
    const https = wanted.certificateFile !== null && wanted.keyFile !== null;
    try {
      const tls = https ? { cert: readFileSync(wanted.certificateFile!), key: readFileSync(wanted.keyFile!) } : undefined;
      const server = createMpServer({
        mp: service,
        health: { siteCode: ctx.siteCode, version: productVersion },
        tls,
        log: ctx.log,
        ...(options.headersTimeoutMs !== undefined ? { headersTimeoutMs: options.headersTimeoutMs } : {}),
        ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        ...(options.bodyBudgetBytes !== undefined ? { bodyBudgetBytes: options.bodyBudgetBytes } : {}),
      });
      const at = await listenMp(server, wanted.address, wanted.port, https, ctx.log);
      listening = { key, at };
      lastFailure = null;
      record(ctx, () => repo.listening(at.url, at.port, ctx.now().toISOString()));
      ctx.log(`The management point listens on ${at.url}${https ? ` with the certificate ${wanted.certificateFile}` : ' (HTTP: no certificate and key are set)'}.`);
    } catch (error) {
      const reason = `It cannot listen on ${wanted.address}:${wanted.port}: ${describe(error)}`;
      record(ctx, () => repo.stopped(ctx.now().toISOString(), reason));
      // Said once per distinct reason: the schedule tries again every minute.
      if (reason !== lastFailure) ctx.log(`${reason}. It tries again on its next wake.`);
      lastFailure = reason;
    }
  }

  return {
    name: mpControlName,
    inbox: mpControlInbox,
    logFile: mpControlLog,
    pollMs: 60_000,
    start(given) {
      context = given;
      const db = given.db;
      const resources = new ResourceRepository(db);
      const collections = new CollectionRepository(db);
      const memberships = new MembershipRepository(db);
      const membership = new CollectionMembership({ collections, memberships, now: given.now, evaluateQueryRule: queryRuleResourceIds });
      const resourceService = new ResourceService({
        resources,
        collections,
        membership,
        work: given.work,
        now: given.now,
        fileAccess: () => {
          throw new Error('The management point reads no files of the site server.');
        },
      });
      settings = new MpSettingsRepository(db);
      // A checkpoint on the commit of a registration or an upload held every request behind it
      // (two fsyncs and a thousand page copies, every few dozen registrations); once a second,
      // between requests, it costs them a fraction of that (npm run bench:clients).
      deferCheckpoints(db);
      checkpoints = setInterval(() => {
        try {
          checkpointWal(db);
        } catch (error) {
          given.log(`A WAL checkpoint failed: ${describe(error)}`);
        }
      }, 1_000);
      checkpoints.unref();
      mp = new ManagementPoint({
        siteCode: given.siteCode,
        work: given.work,
        resources,
        resourceService,
        clients: new MpClientRepository(db),
        settings,
        offers: new OfferRepository(db),
        memberships,
        clientAgents: new ClientAgentRepository(db),
        boundaries: new SiteBoundaryRepository(db),
        contentService: new ContentServiceRepository(db),
        statusMessages: new StatusMessageRepository(db),
        clientStates: new AdvertisementClientStateRepository(db),
        refusals: new MpRefusalRepository(db),
        now: given.now,
        logAs: { file: mpControlLog, component: mpControlName },
      });
    },
    async wake() {
      const ctx = context;
      if (!ctx || !mp || !settings || ctx.stopping.aborted) return;
      const queue = ctx.queue;
      // Each wake-up only says "read the settings again": they are read once for all of them.
      if (queue) {
        queue.adoptFiles();
        for (let item = queue.claim(); item !== null; item = queue.claim()) queue.complete(item);
      }
      await reconcile(ctx, settings, mp);
    },
    async stop() {
      const ctx = context;
      const url = listening?.at.url ?? null;
      await closeServer();
      if (checkpoints) clearInterval(checkpoints);
      checkpoints = null;
      if (ctx && settings && url !== null) {
        try {
          const repo = settings;
          record(ctx, () => repo.stopped(ctx.now().toISOString(), null, url));
        } catch (error) {
          ctx.log(`Could not record that the management point stopped: ${describe(error)}`);
        }
      }
      context = null;
      mp = null;
      settings = null;
    },
  };
}
