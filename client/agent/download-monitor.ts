import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { advertisementIdSchema } from '../../core/api';
import { writeFileAtomicSync } from '../files/atomic-write';
import type { LogWriter } from '../logs/log-writer';
import { agentFolder } from './agent-files';
import { processAlive } from './agent-lock';
import { downloadFileOf, downloadFilePattern, type DownloadEntry, type DownloadState } from './download-state';

/** What a download is for. */
export interface DownloadSubject {
  readonly advertisementId: string;
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly programName: string;
  readonly mandatory: boolean;
}

/** Progress is written at most this often; a change of state at once. */
const writeEveryMs = 500;
/** How often a download looks for a cancel or run-when-finished request when no bytes arrive to prompt it. */
const controlEveryMs = 250;

type ControlKind = 'cancel' | 'run-when-finished';
const controlPath = (clientDir: string, kind: ControlKind, advertisementId: string) => join(agentFolder(clientDir), `${kind}-${advertisementId}.request`);

function checkedId(advertisementId: string): string {
  const parsed = advertisementIdSchema.safeParse(advertisementId.toUpperCase());
  // Checked here too: the ID names a file.
  if (!parsed.success) throw new Error(`${JSON.stringify(advertisementId)}: ${parsed.error.issues[0]?.message ?? 'not an advertisement ID'}`);
  return parsed.data;
}

/**
 * Asks the process downloading an advertisement's content (`pid`) to cancel it, or to run (or not)
 * its program when it ends: a file in the agent folder that the download reads between chunks. It
 * names the process, so a request the download never took cannot touch a later download.
 */
export function requestDownloadControl(clientDir: string, kind: ControlKind, advertisementId: string, pid: number, on = true): void {
  writeFileSync(controlPath(clientDir, kind, checkedId(advertisementId)), `${JSON.stringify({ pid, on })}\n`);
}

export function withdrawDownloadControl(clientDir: string, kind: ControlKind, advertisementId: string): void {
  rmSync(controlPath(clientDir, kind, checkedId(advertisementId)), { force: true });
}

/** One download under way, as the code that downloads sees it. */
export interface DownloadHandle {
  /** Aborted when the download is cancelled from the monitor. */
  readonly signal: AbortSignal;
  source(url: string, totalBytes: number): void;
  progress(bytesDone: number, totalBytes: number): void;
  /** Whether its program runs when it ends, after a last look for a request to change it. */
  runWhenFinished(): boolean;
  readonly cancelled: boolean;
  /** The download ended: complete (or nothing to do), and the entry goes. */
  done(): void;
  /** It is tried again later. */
  pending(waitingFor: NonNullable<DownloadEntry['waitingFor']>, reason: string): void;
  /** It was cancelled: the entry says so until a new download of the advertisement starts or it leaves policy. */
  markCancelled(reason: string): void;
}

/**
 * The downloads of this process, published for `courier-client download-monitor`: a small JSON
 * file per process (`agent/downloads-<pid>.json`), written whole and atomically at each change of
 * state and at most twice a second as bytes arrive, and removed when nothing is left in it.
 */
export class DownloadMonitor {
  readonly path: string;
  private readonly entries = new Map<string, DownloadEntry>();
  private lastWrite = 0;
  private trailing: NodeJS.Timeout | null = null;
  private cleaned = false;
  private writeProblemTold = false;

  constructor(
    private readonly clientDir: string,
    private readonly logs?: LogWriter,
    private readonly pid = process.pid,
  ) {
    this.path = downloadFileOf(clientDir, pid, randomBytes(4).toString('hex'));
  }

  list(): DownloadEntry[] {
    return [...this.entries.values()];
  }

  /** A download that waits without one under way (content location offered no DP). */
  pending(subject: DownloadSubject, waitingFor: NonNullable<DownloadEntry['waitingFor']>, reason: string): void {
    const old = this.entries.get(subject.advertisementId);
    this.put({ ...this.fresh(subject, old), state: 'pending', waitingFor, reason });
  }

  /** Keeps the pending entries of these advertisements and the cancelled ones of those still in policy; forgets the rest. */
  prune(stillPending: ReadonlySet<string>, inPolicy: ReadonlySet<string>): void {
    let changed = false;
    for (const [id, entry] of this.entries) {
      const keep = entry.state === 'cancelled' ? inPolicy.has(id) : entry.state !== 'pending' || stillPending.has(id);
      if (!keep) {
        this.entries.delete(id);
        changed = true;
      }
    }
    if (changed) this.write(true);
  }

  begin(subject: DownloadSubject): DownloadHandle {
    const id = subject.advertisementId;
    const controller = new AbortController();
    let runWhenFinished = true;
    let cancelled = false;
    let ended = false;
    // An old request of this process for this advertisement is no request for this download.
    for (const kind of ['cancel', 'run-when-finished'] as const) rmSync(controlPath(this.clientDir, kind, id), { force: true });
    const now = new Date().toISOString();
    this.put({ ...this.fresh(subject, undefined), state: 'downloading', startedAt: now });

    const update = (change: Partial<DownloadEntry>, force: boolean) => {
      const entry = this.entries.get(id);
      if (entry === undefined || ended) return;
      this.entries.set(id, { ...entry, ...change, updatedAt: new Date().toISOString() });
      this.write(force);
    };
    const take = (kind: ControlKind): { on: boolean } | null => {
      const path = controlPath(this.clientDir, kind, id);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return null;
      }
      let asked: { pid?: unknown; on?: unknown } = {};
      try {
        asked = JSON.parse(text) as typeof asked;
      } catch {
        // Not what requestDownloadControl writes.
      }
      if (asked.pid !== this.pid) return null;
      rmSync(path, { force: true });
      return { on: asked.on !== false };
    };
    const check = () => {
      if (ended) return;
      const cancel = take('cancel');
      if (cancel !== null && !cancelled) {
        cancelled = true;
        this.logs?.info('cas', `The download of ${subject.packageId}.${subject.sourceVersion} for ${id} is cancelled from the Program Download Monitor.`);
        controller.abort();
      }
      const run = take('run-when-finished');
      if (run !== null && !subject.mandatory) {
        runWhenFinished = run.on;
        this.logs?.info('execmgr', `${id}: run when the download finishes is ${run.on ? 'on' : 'off'}.`);
        update({ runWhenFinished }, true);
      }
    };
    const timer = setInterval(check, controlEveryMs);
    timer.unref();
    const end = () => {
      ended = true;
      clearInterval(timer);
    };

    return {
      signal: controller.signal,
      get cancelled() {
        return cancelled;
      },
      source: (url, totalBytes) => update({ distributionPoint: url, totalBytes }, true),
      progress: (bytesDone, totalBytes) => {
        check();
        const state: DownloadState = bytesDone >= totalBytes ? 'verifying' : 'downloading';
        update({ bytesDone, totalBytes, state }, this.entries.get(id)?.state !== state);
      },
      runWhenFinished: () => {
        check();
        return runWhenFinished;
      },
      done: () => {
        end();
        this.entries.delete(id);
        this.write(true);
      },
      pending: (waitingFor, reason) => {
        end();
        const entry = this.entries.get(id);
        if (entry !== undefined) this.put({ ...entry, state: 'pending', waitingFor, reason, updatedAt: new Date().toISOString() });
      },
      markCancelled: (reason) => {
        end();
        const entry = this.entries.get(id);
        if (entry !== undefined) this.put({ ...entry, state: 'cancelled', waitingFor: null, reason, updatedAt: new Date().toISOString() });
      },
    };
  }

  /** This process stops: nothing of it is under way any more. */
  close(): void {
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
    this.entries.clear();
    rmSync(this.path, { force: true });
  }

  private fresh(subject: DownloadSubject, old: DownloadEntry | undefined): DownloadEntry {
    return {
      advertisementId: subject.advertisementId,
      packageId: subject.packageId,
      sourceVersion: subject.sourceVersion,
      programName: subject.programName,
      state: 'pending',
      waitingFor: null,
      reason: null,
      bytesDone: old?.bytesDone ?? 0,
      totalBytes: old?.totalBytes ?? null,
      distributionPoint: old?.distributionPoint ?? null,
      startedAt: old?.startedAt ?? null,
      updatedAt: new Date().toISOString(),
      mandatory: subject.mandatory,
      runWhenFinished: true,
      pid: this.pid,
    };
  }

  private put(entry: DownloadEntry): void {
    this.entries.set(entry.advertisementId, entry);
    this.write(true);
  }

  private write(force: boolean): void {
    const wait = this.lastWrite + writeEveryMs - Date.now();
    if (!force && wait > 0) {
      // The last progress of a burst still gets written.
      this.trailing ??= setTimeout(() => {
        this.trailing = null;
        this.write(true);
      }, wait).unref();
      return;
    }
    if (this.trailing !== null) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastWrite = Date.now();
    try {
      mkdirSync(agentFolder(this.clientDir), { recursive: true });
      if (!this.cleaned) this.removeStale();
      if (this.entries.size === 0) rmSync(this.path, { force: true });
      else writeFileAtomicSync(this.path, `${JSON.stringify({ format: 'courier-client-downloads', formatVersion: 1, pid: this.pid, entries: this.list() })}\n`);
    } catch (error) {
      // The monitor only shows the download; it never stops it.
      if (!this.writeProblemTold) this.logs?.warning('cas', `The Program Download Monitor's state ${this.path} cannot be written: ${error instanceof Error ? error.message : String(error)}`);
      this.writeProblemTold = true;
    }
  }

  /** The files of processes that no longer run: their downloads resume in this one. */
  private removeStale(): void {
    this.cleaned = true;
    const folder = agentFolder(this.clientDir);
    for (const name of readdirSync(folder)) {
      const pid = Number(downloadFilePattern.exec(name)?.[1]);
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) rmSync(join(folder, name), { force: true });
    }
  }
}
