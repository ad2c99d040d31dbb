import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-write';

/** A status message as the client sends it to the management point (docs/client-agent.md#status-messages). */
export interface ClientStatusMessage {
  /** Unique per client, so the management point stores a retried upload once. */
  readonly uid: string;
  readonly messageId: number;
  readonly severity: 'info' | 'warning' | 'error';
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly component: string;
  readonly insertionStrings: readonly string[];
  readonly attributes: { readonly 400?: string; readonly 401?: string };
}

export type NewStatusMessage = Omit<ClientStatusMessage, 'uid' | 'time'> & { readonly time?: string };

/** Upload batches: the management point takes at most 500 messages in a body of at most 1 MiB. */
export const maxBatchMessages = 500;
const maxBatchBytes = 900 * 1024;
/** Kept while the management point is unreachable; past this the oldest are dropped (and counted). */
export const defaultOutboxLimit = 10_000;
const maxMessageBytes = 16 * 1024;

/**
 * Sortable by when it was made (base-36 milliseconds, fixed width), unique by its random tail: the
 * outbox sends the oldest first by listing file names alone.
 */
export function newMessageUid(now: number): string {
  return `${now.toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
}

const uidPattern = /^[0-9a-z]{9}-[0-9a-f]{12}$/;

export interface FlushResult {
  readonly sent: number;
  readonly remaining: number;
}

/** One upload: answers the uids the management point acknowledged. */
export type SendStatus = (messages: readonly ClientStatusMessage[]) => Promise<readonly string[]>;

export interface FlushOptions {
  /**
   * Why the management point refused an upload for what it holds (a message it will never
   * store), or undefined for any other failure (unreachable, the client refused), after which
   * the messages wait for the next flush.
   */
  readonly refusedBecause?: (error: unknown) => string | undefined;
  /** Told of each message set aside in `refused/`, to log it. */
  readonly onRefused?: (message: ClientStatusMessage, reason: string) => void;
}

/** A message the management point refused, as `status/refused/<uid>.json` keeps it. */
export interface RefusedStatusMessage {
  readonly refusedAt: string;
  readonly reason: string;
  readonly message: ClientStatusMessage;
}

/**
 * The status messages the agent has not yet had acknowledged, one file per message in
 * `<clientDir>/status/outbox`, so a message survives the management point being away and the agent
 * being killed; a message is deleted only once the management point acknowledged its uid.
 */
export class StatusOutbox {
  private readonly folder: string;
  private readonly rejected: string;
  private readonly refused: string;
  dropped = 0;

  constructor(
    clientDir: string,
    private readonly limit = defaultOutboxLimit,
  ) {
    this.folder = join(clientDir, 'status', 'outbox');
    this.rejected = join(clientDir, 'status', 'rejected');
    this.refused = join(clientDir, 'status', 'refused');
    mkdirSync(this.folder, { recursive: true });
  }

  add(message: NewStatusMessage, now = Date.now()): ClientStatusMessage {
    const full: ClientStatusMessage = { ...message, uid: newMessageUid(now), time: message.time ?? new Date(now).toISOString() };
    const text = JSON.stringify(full);
    if (Buffer.byteLength(text) > maxMessageBytes) throw new Error(`Status message ${message.messageId} is larger than ${maxMessageBytes / 1024} KiB; shorten its insertion strings.`);
    writeFileAtomicSync(join(this.folder, `${full.uid}.json`), text, { fsync: true });
    this.trim();
    return full;
  }

  private names(): string[] {
    return readdirSync(this.folder)
      .filter((name) => name.endsWith('.json') && uidPattern.test(name.slice(0, -5)))
      .sort();
  }

  private trim(): void {
    const names = this.names();
    for (const name of names.slice(0, Math.max(0, names.length - this.limit))) {
      rmSync(join(this.folder, name), { force: true });
      this.dropped += 1;
    }
  }

  count(): number {
    return this.names().length;
  }

  /** The oldest messages, as many as one upload may carry. A file that is not a message is set aside in `rejected`. */
  nextBatch(): ClientStatusMessage[] {
    const batch: ClientStatusMessage[] = [];
    let bytes = 0;
    for (const name of this.names()) {
      const path = join(this.folder, name);
      let message: ClientStatusMessage;
      try {
        if (statSync(path).size > maxMessageBytes) throw new Error('too large');
        message = JSON.parse(readFileSync(path, 'utf8')) as ClientStatusMessage;
        if (message.uid !== name.slice(0, -5)) throw new Error('uid does not match its file');
      } catch {
        mkdirSync(this.rejected, { recursive: true });
        renameSync(path, join(this.rejected, name));
        continue;
      }
      const size = Buffer.byteLength(JSON.stringify(message)) + 1;
      if (batch.length >= maxBatchMessages || bytes + size > maxBatchBytes) break;
      batch.push(message);
      bytes += size;
    }
    return batch;
  }

  /**
   * Moves a message the management point refuses to `refused/`, with the reason, so it does not
   * hold back the rest and an admin can still read what it was and why it was not taken.
   */
  setAside(message: ClientStatusMessage, reason: string, now = Date.now()): void {
    if (!uidPattern.test(message.uid)) return;
    mkdirSync(this.refused, { recursive: true });
    const kept: RefusedStatusMessage = { refusedAt: new Date(now).toISOString(), reason, message };
    writeFileAtomicSync(join(this.refused, `${message.uid}.json`), JSON.stringify(kept), { fsync: true });
    rmSync(join(this.folder, `${message.uid}.json`), { force: true });
  }

  acknowledge(uids: Iterable<string>): void {
    for (const uid of uids) {
      if (uidPattern.test(uid)) rmSync(join(this.folder, `${uid}.json`), { force: true });
    }
  }

  /**
   * Sends batch after batch until the outbox is empty or a send fails (the management point
   * unreachable, the client refused): what was not acknowledged stays for the next try. The site
   * checks a whole upload before it stores any of it, so one message it refuses would refuse
   * every upload it is in; an upload refused for what it holds (`options.refusedBecause` says
   * why) is halved until each refused message stands alone, and that one is set aside in
   * `refused/`, so the rest are sent in a few more uploads rather than one at a time.
   */
  async flush(send: SendStatus, options: FlushOptions = {}): Promise<FlushResult> {
    let sent = 0;
    for (;;) {
      const batch = this.nextBatch();
      if (batch.length === 0) break;
      const done = await this.sendPart(batch, send, options);
      sent += done.sent;
      // A management point that acknowledges nothing of a batch would loop here forever.
      if (done.sent + done.refused === 0) break;
    }
    return { sent, remaining: this.count() };
  }

  private async sendPart(messages: readonly ClientStatusMessage[], send: SendStatus, options: FlushOptions): Promise<{ sent: number; refused: number }> {
    let acknowledged: ReadonlySet<string>;
    try {
      acknowledged = new Set(await send(messages));
    } catch (error) {
      const reason = options.refusedBecause?.(error);
      if (reason === undefined) throw error;
      const [only] = messages;
      if (messages.length === 1 && only) {
        this.setAside(only, reason);
        options.onRefused?.(only, reason);
        return { sent: 0, refused: 1 };
      }
      const half = Math.ceil(messages.length / 2);
      const first = await this.sendPart(messages.slice(0, half), send, options);
      const second = await this.sendPart(messages.slice(half), send, options);
      return { sent: first.sent + second.sent, refused: first.refused + second.refused };
    }
    const ours = messages.filter((message) => acknowledged.has(message.uid)).map((message) => message.uid);
    this.acknowledge(ours);
    return { sent: ours.length, refused: 0 };
  }
}
