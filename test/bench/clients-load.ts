// One load process of `npm run bench:clients` (clients.ts forks one or more): it plays a slice of
// the simulated clients, each a ManagementPointClient of the client agent (client/mp), so the
// requests, the Authorization header and the schema checks of every answer are the agent's own.
// The parent sends one command at a time over IPC and gets back what the slice measured.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ManagementPointClient, type OutgoingStatusMessage } from '../../client/mp/mp-client';
import { newMessageUid } from '../../client/status/status-outbox';
import type { MpOfferBody } from '../../core/api';

export type LoadCommand =
  | { readonly kind: 'init'; readonly url: string; readonly bareUrl: string; readonly first: number; readonly count: number }
  | { readonly kind: 'register'; readonly concurrency: number }
  /** Every client once, since the version it holds; each must be told its policy changed. */
  | { readonly kind: 'full-policy'; readonly concurrency: number }
  /** Polls since the version each holds, for `seconds`, against the MP or the bare server. */
  | { readonly kind: 'poll'; readonly concurrency: number; readonly seconds: number; readonly target: 'mp' | 'bare' }
  /** Every client once: 10 messages, a new batch or the last one again. */
  | { readonly kind: 'status'; readonly concurrency: number; readonly retry: boolean }
  | { readonly kind: 'content-location'; readonly concurrency: number; readonly seconds: number; readonly packageId: string }
  | { readonly kind: 'exit' };

export interface LoadResult {
  readonly requests: number;
  readonly ms: number;
  /** Each request's time, in ms. */
  readonly latencies: number[];
  /** Response bodies, by their Content-Length. */
  readonly bytes: number;
  /** Answers that were not what the phase expects (a poll told of a change, fewer acknowledgements). */
  readonly unexpected: number;
  readonly errors: string[];
}

interface SimulatedClient {
  readonly index: number;
  readonly mp: ManagementPointClient;
  bare: ManagementPointClient | null;
  credentials: { resourceId: number; secret: string } | null;
  version: number;
  advertisements: MpOfferBody[];
  lastBatch: OutgoingStatusMessage[];
}

let clients: SimulatedClient[] = [];
let bareUrl = '';
let bytes = 0;

subscribe('http.client.response.finish', (message) => {
  const { response } = message as { response: IncomingMessage };
  bytes += Number(response.headers['content-length'] ?? 0);
});

const pad = (n: number) => String(n).padStart(6, '0');

function registration(index: number) {
  const subnet = `10.${1 + ((index >> 8) & 255)}.${index & 255}`;
  return {
    name: `WKS${pad(index)}`,
    smsUniqueIdentifier: `GUID:${index.toString(16).toUpperCase().padStart(8, '0')}-BE4C-4C1E-9A11-0000C1E47000`,
    domain: 'CONTOSO',
    operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1',
    platform: index % 2 === 0 ? ('x64' as const) : ('I386' as const),
    ipAddresses: [`${subnet}.10`],
    ipSubnets: [`${subnet}.0`],
    adSiteName: 'HQ',
    loggedOnUsers: [`CONTOSO\\user${index}`],
    clientVersion: '4.00.6487.2000',
  };
}

/**
 * `concurrency` loops, each taking the next client (round robin over the slice) until `more()`
 * says stop; each request is timed on its own.
 */
async function drive(concurrency: number, more: (done: number) => boolean, one: (client: SimulatedClient) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let unexpected = 0;
  let next = 0;
  const bytesBefore = bytes;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more(next)) {
        const client = clients[next++ % clients.length]!;
        const t = performance.now();
        try {
          if (!(await one(client))) unexpected++;
        } catch (error) {
          if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
          unexpected++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { requests: latencies.length, ms: performance.now() - started, latencies, bytes: bytes - bytesBefore, unexpected, errors };
}

const eachOnce = () => (done: number) => done < clients.length;
const forSeconds = (seconds: number) => {
  const until = performance.now() + seconds * 1000;
  return () => performance.now() < until;
};

function statusBatch(client: SimulatedClient): OutgoingStatusMessage[] {
  const ad = client.advertisements[client.index % Math.max(1, client.advertisements.length)]?.advertisement;
  const now = Date.now();
  return Array.from({ length: 10 }, (_, k) => ({
    uid: newMessageUid(now + k),
    messageId: k === 9 ? 10009 : 10002,
    severity: 'info' as const,
    time: new Date(now + k).toISOString(),
    component: 'Software Distribution',
    insertionStrings: [ad?.name ?? 'Bench', ad?.advertisementId ?? 'A0120000'],
    attributes: ad ? { 400: ad.packageId, 401: ad.advertisementId } : {},
  }));
}

async function run(command: Exclude<LoadCommand, { kind: 'init' | 'exit' }>): Promise<LoadResult> {
  switch (command.kind) {
    case 'register':
      return drive(command.concurrency, eachOnce(), async (client) => {
        const answer = await client.mp.register(registration(client.index));
        client.credentials = { resourceId: answer.resourceId, secret: answer.secret };
        client.mp.credentials = client.credentials;
        return answer.approval === 'approved';
      });
    case 'full-policy':
      return drive(command.concurrency, eachOnce(), async (client) => {
        const answer = await client.mp.machinePolicy(client.version);
        if (!answer.changed) return false;
        client.version = answer.policyVersion;
        client.advertisements = answer.advertisements;
        return true;
      });
    case 'poll':
      return drive(command.concurrency, forSeconds(command.seconds), async (client) => {
        if (command.target === 'bare') {
          client.bare ??= new ManagementPointClient(bareUrl, { credentials: client.credentials! });
          return !(await client.bare.machinePolicy(client.version)).changed;
        }
        return !(await client.mp.machinePolicy(client.version)).changed;
      });
    case 'status':
      return drive(command.concurrency, eachOnce(), async (client) => {
        if (!command.retry) client.lastBatch = statusBatch(client);
        const acknowledged = await client.mp.uploadStatus(client.lastBatch);
        return acknowledged.length === client.lastBatch.length;
      });
    case 'content-location':
      return drive(command.concurrency, forSeconds(command.seconds), async (client) => {
        const body = client.advertisements.find((a) => a.advertisement.packageId === command.packageId);
        if (!body) throw new Error(`Client ${client.index} is not offered package ${command.packageId}.`);
        const answer = await client.mp.contentLocation({ advertisementId: body.advertisement.advertisementId, packageId: command.packageId, sourceVersion: body.package.sourceVersion });
        return answer.dps.length > 0;
      });
  }
}

process.on('message', (command: LoadCommand) => {
  if (command.kind === 'exit') {
    process.exit(0);
  }
  if (command.kind === 'init') {
    bareUrl = command.bareUrl;
    clients = Array.from({ length: command.count }, (_, k) => ({
      index: command.first + k,
      mp: new ManagementPointClient(command.url),
      bare: null,
      credentials: null,
      version: 0,
      advertisements: [],
      lastBatch: [],
    }));
    process.send!({ ready: true });
    return;
  }
  run(command).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
