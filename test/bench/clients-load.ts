// One load process of `npm run bench:clients` (clients.ts forks several): it plays a slice of
// the simulated clients, each a ManagementPointClient of the client agent (client/mp), so the
// requests, the Authorization header and the schema checks of the answers are the agent's own
// (the paced polls use its requestJson and check their answers by hand: see pacedPoll);
// downloads go through the agent's fetchManifest and http-get (client/download).
// The parent sends one command at a time over IPC and gets back what the slice measured.
import { createHash } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { globalAgent, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fetchManifest } from '../../client/download/fetch-manifest';
import { contentUrl, fileUrl, get } from '../../client/download/http-get';
import { requestJson, UnreachableError } from '../../client/mp/json-request';
import { ManagementPointClient, type OutgoingStatusMessage } from '../../client/mp/mp-client';
import { newMessageUid } from '../../client/status/status-outbox';
import { mpAuthorization, mpRoutes, type MpPolicyResponse } from '../../core/api';
import { seededRandom } from '../helpers/seeded-random';
import { jitteredPolls, openLoop, type Paced } from './clients-pacing';

export type LoadCommand =
  | { readonly kind: 'init'; readonly url: string; readonly bareUrl: string; readonly first: number; readonly count: number; readonly randomSeed: number; readonly packageId: string; readonly connections: number }
  | { readonly kind: 'register'; readonly concurrency: number }
  /** Every client once, since the version it holds; each must be told its policy changed. */
  | { readonly kind: 'full-policy'; readonly concurrency: number }
  /** Polls since the version each holds, for `seconds`, against the MP or the bare server, `concurrency` at once. */
  | { readonly kind: 'poll'; readonly concurrency: number; readonly seconds: number; readonly target: 'mp' | 'bare' }
  /** Every client polls every `intervalMs` ± 10 %, for `seconds`. */
  | { readonly kind: 'steady'; readonly intervalMs: number; readonly seconds: number }
  /** Polls sent at `rate` a second whatever the answers' latency, for `seconds`, by clients in turn. */
  | { readonly kind: 'burst'; readonly rate: number; readonly seconds: number; readonly offsetMs: number }
  /**
   * Every client uploads `messages` new status messages the way a flaky network makes an agent
   * send them: some batches sent twice at once, some again after the answer was lost, some
   * split and then re-sent whole; each upload retried while the MP is unreachable or busy.
   * `again`: the batches of the last round once more (every message acknowledged, nothing new).
   */
  | { readonly kind: 'status'; readonly concurrency: number; readonly messages: number; readonly again: boolean }
  | { readonly kind: 'content-location'; readonly concurrency: number; readonly seconds: number }
  /**
   * The first `count` clients at once: content location at the MP, the manifest and every file
   * of the package from the DP it names (from `origin` instead when given: the same path on
   * another server). The first `verify` hash what they got against the manifest.
   */
  | { readonly kind: 'download'; readonly count: number; readonly origin: string | null; readonly verify: number }
  | { readonly kind: 'exit' };

export interface LoadResult {
  readonly requests: number;
  readonly ms: number;
  /** Each request's time, in ms (for paced phases, from the time it was due). */
  readonly latencies: number[];
  /** Response bodies, by their Content-Length (downloads: bytes received). */
  readonly bytes: number;
  /** Answers that were not what the phase expects (a poll told of a change, fewer acknowledgements). */
  readonly unexpected: number;
  readonly errors: string[];
  /** Paced phases: the polls answered "changed" and their latencies, apart. */
  readonly changed?: number;
  readonly changedLatencies?: number[];
  /** Paced phases: how late each request left against its schedule, in ms. */
  readonly sendLag?: number[];
  /** Paced phases: each request's time from when it left (what the server and the connection took). */
  readonly fromSent?: number[];
  /** Status phases: "<machine>\t<uid>" of every message sent. */
  readonly sent?: string[];
  /** Status phases: uploads retried after an unreachable or busy answer. */
  readonly retries?: number;
}

/** What a client keeps of its policy: the advertisement of the bench package (for content location and status). */
interface Offered {
  readonly advertisementId: string;
  readonly advertisementName: string;
  readonly packageId: string;
  readonly sourceVersion: number;
}

interface SimulatedClient {
  readonly index: number;
  readonly name: string;
  readonly mp: ManagementPointClient;
  bare: ManagementPointClient | null;
  credentials: { resourceId: number; secret: string } | null;
  version: number;
  offered: Offered | null;
  /** The client's last paced poll: the next waits for it, as an agent's cycle does. */
  polling: Promise<void>;
  lastBatch: OutgoingStatusMessage[];
}

let clients: SimulatedClient[] = [];
let mpUrl = '';
let bareUrl = '';
let packageId = '';
let random = seededRandom(1);
let bytes = 0;

subscribe('http.client.response.finish', (message) => {
  const { response } = message as { response: IncomingMessage };
  bytes += Number(response.headers['content-length'] ?? 0);
});

const pad = (n: number) => String(n).padStart(6, '0');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function registration(client: SimulatedClient) {
  const index = client.index;
  const subnet = `10.${1 + ((index >> 8) & 255)}.${index & 255}`;
  return {
    name: client.name,
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
 * A policy answer as an agent takes it: the new version, and of the bodies only what the bench
 * needs later (an agent writes them to disk; ten thousand clients' parsed bodies would not fit
 * a load process).
 */
function take(client: SimulatedClient, answer: MpPolicyResponse): boolean {
  if (!answer.changed) return false;
  client.version = answer.policyVersion;
  const body = answer.advertisements.find((a) => a.advertisement.packageId === packageId);
  client.offered = body ? { advertisementId: body.advertisement.advertisementId, advertisementName: body.advertisement.name, packageId, sourceVersion: body.package.sourceVersion } : null;
  return true;
}

/**
 * A paced poll: the agent's request (requestJson, its Authorization header), its answer checked
 * by hand for what the bench uses rather than by the agent's schemas. The schemas cost a load
 * process more CPU for a whole policy than the site spends answering it, and in the burst the
 * load processes, not the site, would be what is measured.
 */
async function pacedPoll(client: SimulatedClient): Promise<boolean> {
  const { resourceId, secret } = client.credentials!;
  const response = await requestJson({ method: 'GET', url: new URL(`${mpRoutes.machinePolicy}?since=${client.version}`, mpUrl), headers: { Authorization: mpAuthorization(resourceId, secret) } });
  if (response.status !== 200) throw new Error(`The machine policy request was answered HTTP ${response.status}.`);
  const answer = response.body as { changed?: unknown; policyVersion?: unknown; advertisements?: unknown };
  if (typeof answer.policyVersion !== 'number' || typeof answer.changed !== 'boolean') throw new Error('A machine policy answer without changed and policyVersion.');
  if (!answer.changed) return false;
  if (!Array.isArray(answer.advertisements)) throw new Error('A changed machine policy without advertisements.');
  return take(client, answer as MpPolicyResponse);
}

class Tally {
  readonly latencies: number[] = [];
  readonly errors: string[] = [];
  unexpected = 0;
  private readonly bytesBefore = bytes;
  private readonly started = performance.now();

  fail(error: unknown): void {
    if (this.errors.length < 5) this.errors.push(messageOf(error));
    this.unexpected++;
  }

  result(extra: Partial<LoadResult> = {}): LoadResult {
    return { requests: this.latencies.length, ms: performance.now() - this.started, latencies: this.latencies, bytes: bytes - this.bytesBefore, unexpected: this.unexpected, errors: this.errors, ...extra };
  }
}

/**
 * `concurrency` loops, each taking the next client (round robin over the slice) until `more()`
 * says stop; each request is timed on its own.
 */
async function drive(concurrency: number, more: (done: number) => boolean, one: (client: SimulatedClient) => Promise<boolean>): Promise<LoadResult> {
  const tally = new Tally();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more(next)) {
        const client = clients[next++ % clients.length]!;
        const t = performance.now();
        try {
          if (!(await one(client))) tally.unexpected++;
        } catch (error) {
          tally.fail(error);
        }
        tally.latencies.push(performance.now() - t);
      }
    }),
  );
  return tally.result();
}

const eachOnce = () => (done: number) => done < clients.length;
const forSeconds = (seconds: number) => {
  const until = performance.now() + seconds * 1000;
  return () => performance.now() < until;
};

/**
 * Paced polls of the MP: latency from when each was due, changed answers apart. A client whose
 * poll comes due while its last is unanswered polls once that answer is in (an agent's timer
 * firing during its cycle), with the version it was given.
 */
function pacedTally() {
  const tally = new Tally();
  const changedLatencies: number[] = [];
  const sendLag: number[] = [];
  const fromSent: number[] = [];
  const one = async (client: SimulatedClient, dueAt: number) => {
    const sentAt = performance.now();
    try {
      const changed = await pacedPoll(client);
      (changed ? changedLatencies : tally.latencies).push(performance.now() - dueAt);
    } catch (error) {
      tally.fail(error);
      tally.latencies.push(performance.now() - dueAt);
    } finally {
      fromSent.push(performance.now() - sentAt);
    }
  };
  const poll = (client: SimulatedClient, paced: Paced): Promise<void> => {
    sendLag.push(paced.sentAt - paced.dueAt);
    client.polling = client.polling.then(() => one(client, paced.dueAt));
    return client.polling;
  };
  const result = () => {
    const base = tally.result();
    return { ...base, requests: base.requests + changedLatencies.length, changed: changedLatencies.length, changedLatencies, sendLag, fromSent };
  };
  return { poll, result };
}

function statusBatch(client: SimulatedClient, count: number): OutgoingStatusMessage[] {
  const ad = client.offered;
  const now = Date.now();
  return Array.from({ length: count }, (_, k) => {
    const uid = newMessageUid(now + k);
    return {
      uid,
      messageId: k === count - 1 ? 10009 : 10002,
      severity: 'info' as const,
      time: new Date(now + k).toISOString(),
      component: 'Software Distribution',
      // The uid as a third insertion string, so the bench can count the stored rows by client and uid.
      insertionStrings: [ad?.advertisementName ?? 'Bench', ad?.advertisementId ?? 'A0120000', uid],
      attributes: ad ? { 400: ad.packageId, 401: ad.advertisementId } : {},
    };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How each client's batch travels (by its index): as the agent's outbox meets a lossy network. */
const statusPatterns = ['once', 'twice at once', 'again after a lost answer', 'halves at once, then whole', 'first part, then whole'] as const;

async function uploadStatus(command: Extract<LoadCommand, { kind: 'status' }>): Promise<LoadResult> {
  const tally = new Tally();
  const sent: string[] = [];
  let retries = 0;
  /** One upload, retried while the MP is unreachable or busy (the agent would wait for its next cycle; the bench waits a moment). */
  const upload = async (client: SimulatedClient, messages: OutgoingStatusMessage[]): Promise<Set<string>> => {
    for (let attempt = 0; ; attempt++) {
      const t = performance.now();
      try {
        const acknowledged = await client.mp.uploadStatus(messages);
        tally.latencies.push(performance.now() - t);
        return new Set(acknowledged);
      } catch (error) {
        tally.latencies.push(performance.now() - t);
        if (!(error instanceof UnreachableError) || attempt >= 10) throw error;
        retries++;
        await sleep(Math.min(2_000, 50 * 2 ** attempt));
      }
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: command.concurrency }, async () => {
      while (next < clients.length) {
        const client = clients[next++]!;
        if (!command.again) client.lastBatch = statusBatch(client, command.messages);
        const batch = client.lastBatch;
        for (const message of batch) sent.push(`${client.name}\t${message.uid}`);
        try {
          const acknowledged = new Set<string>();
          const note = (set: Set<string>) => set.forEach((uid) => acknowledged.add(uid));
          const pattern = command.again ? 'once' : statusPatterns[client.index % statusPatterns.length]!;
          const half = Math.ceil(batch.length / 2);
          switch (pattern) {
            case 'once':
              note(await upload(client, batch));
              break;
            case 'twice at once':
              (await Promise.all([upload(client, batch), upload(client, batch)])).forEach(note);
              break;
            case 'again after a lost answer':
              await upload(client, batch);
              note(await upload(client, batch));
              break;
            case 'halves at once, then whole':
              (await Promise.all([upload(client, batch.slice(0, half)), upload(client, batch.slice(half))])).forEach(note);
              note(await upload(client, batch));
              break;
            case 'first part, then whole':
              note(await upload(client, batch.slice(0, 3)));
              note(await upload(client, batch));
              break;
          }
          if (!batch.every((message) => acknowledged.has(message.uid))) tally.unexpected++;
        } catch (error) {
          tally.fail(error);
        }
      }
    }),
  );
  return tally.result({ sent, retries });
}

async function download(command: Extract<LoadCommand, { kind: 'download' }>): Promise<LoadResult> {
  const tally = new Tally();
  let received = 0;
  const one = async (client: SimulatedClient, verify: boolean) => {
    const t = performance.now();
    const offered = client.offered;
    if (offered === null) throw new Error(`${client.name} is not offered package ${packageId}.`);
    const located = await client.mp.contentLocation({ advertisementId: offered.advertisementId, packageId, sourceVersion: offered.sourceVersion });
    const httpUrl = located.dps.find((dp) => dp.httpUrl !== null)?.httpUrl;
    if (httpUrl === undefined || httpUrl === null) throw new Error(`Content location named no BITS-enabled DP for ${client.name} (${located.reason}).`);
    const base = contentUrl(command.origin === null ? httpUrl : new URL(new URL(httpUrl).pathname, command.origin).href);
    const { manifest } = await fetchManifest([base.href]);
    const signal = new AbortController().signal;
    for (const file of manifest.files) {
      const response = await get(fileUrl(base, file.path), {}, signal, 60_000);
      if (response.statusCode !== 200) {
        response.resume();
        throw new Error(`${file.path}: HTTP ${response.statusCode}`);
      }
      const hash = verify ? createHash('sha256') : null;
      let length = 0;
      // 'data' rather than an async iterator: the client's cost per chunk is what limits a loopback download here.
      await new Promise<void>((resolve, reject) => {
        response.on('data', (chunk: Buffer) => {
          length += chunk.length;
          hash?.update(chunk);
        });
        response.once('end', resolve);
        response.once('error', reject);
        response.once('aborted', () => reject(new Error(`${file.path}: the answer broke off`)));
      });
      received += length;
      if (length !== file.size) throw new Error(`${file.path}: ${length} bytes where the manifest says ${file.size}`);
      if (hash !== null && hash.digest('hex') !== file.sha256) throw new Error(`${file.path}: not the bytes of the manifest's SHA-256`);
    }
    tally.latencies.push(performance.now() - t);
  };
  await Promise.all(
    clients.slice(0, command.count).map((client, i) =>
      one(client, i < command.verify).catch((error: unknown) => {
        tally.fail(error);
      }),
    ),
  );
  const result = tally.result();
  return { ...result, requests: command.count, bytes: received };
}

async function run(command: Exclude<LoadCommand, { kind: 'init' | 'exit' }>): Promise<LoadResult> {
  switch (command.kind) {
    case 'register':
      return drive(command.concurrency, eachOnce(), async (client) => {
        const answer = await client.mp.register(registration(client));
        client.credentials = { resourceId: answer.resourceId, secret: answer.secret };
        client.mp.credentials = client.credentials;
        return answer.approval === 'approved';
      });
    case 'full-policy':
      return drive(command.concurrency, eachOnce(), async (client) => take(client, await client.mp.machinePolicy(client.version)));
    case 'poll':
      return drive(command.concurrency, forSeconds(command.seconds), async (client) => {
        if (command.target === 'bare') {
          client.bare ??= new ManagementPointClient(bareUrl, { credentials: client.credentials! });
          return !(await client.bare.machinePolicy(client.version)).changed;
        }
        return !(await client.mp.machinePolicy(client.version)).changed;
      });
    case 'steady': {
      const paced = pacedTally();
      await jitteredPolls(clients, command.intervalMs, command.seconds * 1000, () => random.next(), paced.poll);
      return paced.result();
    }
    case 'burst': {
      const paced = pacedTally();
      // The k-th poll is client k's (round robin over the slice): every client polls every
      // clients / rate seconds, as a fleet on one interval does.
      let next = 0;
      const pick = () => clients[next++ % clients.length]!;
      await openLoop(command.rate, command.seconds * 1000, command.offsetMs, (due) => paced.poll(pick(), due));
      return paced.result();
    }
    case 'status':
      return uploadStatus(command);
    case 'content-location':
      return drive(command.concurrency, forSeconds(command.seconds), async (client) => {
        const offered = client.offered;
        if (!offered) throw new Error(`${client.name} is not offered package ${packageId}.`);
        const answer = await client.mp.contentLocation({ advertisementId: offered.advertisementId, packageId, sourceVersion: offered.sourceVersion });
        return answer.dps.length > 0;
      });
    case 'download':
      return download(command);
  }
}

process.on('message', (command: LoadCommand) => {
  if (command.kind === 'exit') {
    process.exit(0);
  }
  if (command.kind === 'init') {
    mpUrl = command.url;
    bareUrl = command.bareUrl;
    packageId = command.packageId;
    random = seededRandom(command.randomSeed);
    // A fixed number of connections, as wrk2 keeps: a request due while every one is busy waits
    // for one (its latency still counted from when it was due) rather than opening the
    // thousands of connections a lagging pacer would, which only measure the listen backlog.
    globalAgent.maxSockets = command.connections;
    clients = Array.from({ length: command.count }, (_, k) => ({
      index: command.first + k,
      name: `WKS${pad(command.first + k)}`,
      mp: new ManagementPointClient(command.url),
      bare: null,
      credentials: null,
      version: 0,
      offered: null,
      polling: Promise.resolve(),
      lastBatch: [],
    }));
    process.send!({ ready: true });
    return;
  }
  run(command).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ failed: messageOf(error) }),
  );
});
