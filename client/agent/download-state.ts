import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { advertisementIdSchema } from '../../core/api';
import { agentFolder } from './agent-files';
import { processAlive } from './agent-lock';

/**
 * What a download is doing, as the Program Download Monitor shows it:
 * - `pending`: not under way now, tried again later (`waitingFor` says for what);
 * - `downloading`: bytes are arriving;
 * - `verifying`: every byte is on disk, the hashes are checked and the content moved into the cache;
 * - `cancelled`: cancelled from the monitor; the bytes on disk are kept for a later resume;
 * - `stopped`: never written, only read: the process that wrote it no longer runs.
 */
export const downloadStates = ['pending', 'downloading', 'verifying', 'cancelled', 'stopped'] as const;
export type DownloadState = (typeof downloadStates)[number];

/**
 * Why a pending download waits: room in the cache, a distribution point (content location
 * offered none, or the one it came from broke off), or its time (a mandatory assignment still to
 * come, or due outside its maintenance windows).
 */
export const waitingReasons = ['space', 'distributionPoint', 'time'] as const;

const isoTime = z.iso.datetime({ offset: true });

/** One download, as `courier-client download-monitor --json` prints it. */
export const downloadEntrySchema = z.strictObject({
  advertisementId: advertisementIdSchema,
  packageId: z.string().min(1).max(16),
  sourceVersion: z.number().int().min(0),
  programName: z.string().min(1).max(256),
  state: z.enum(downloadStates),
  waitingFor: z.enum(waitingReasons).nullable(),
  /** Why it waits, was cancelled or stopped, in words; null while it runs. */
  reason: z.string().max(4096).nullable(),
  bytesDone: z.number().int().min(0),
  /** Null until the content's manifest has been read. */
  totalBytes: z.number().int().min(0).nullable(),
  /** The distribution point's content URL the bytes come from now. */
  distributionPoint: z.string().max(2048).nullable(),
  startedAt: isoTime.nullable(),
  updatedAt: isoTime,
  /** A mandatory assignment always runs its program when the download ends. */
  mandatory: z.boolean(),
  runWhenFinished: z.boolean(),
  /** The process (the agent, or a foreground run-advertised-programs) that downloads it. */
  pid: z.number().int().min(1),
});
export type DownloadEntry = z.infer<typeof downloadEntrySchema>;

export const downloadFileSchema = z.strictObject({
  format: z.literal('courier-client-downloads'),
  formatVersion: z.literal(1),
  pid: z.number().int().min(1),
  entries: z.array(downloadEntrySchema.extend({ state: z.enum(['pending', 'downloading', 'verifying', 'cancelled']) })).max(10_000),
});

/** Each process that downloads keeps its own file (one per monitor, should a process make two), so two writers never race on one. */
export const downloadFilePattern = /^downloads-(\d+)(?:-[0-9a-f]{1,16})?\.json$/;
export const downloadFileOf = (clientDir: string, pid: number, tag: string): string => join(agentFolder(clientDir), `downloads-${pid}-${tag}.json`);

const maxFileBytes = 8 * 1024 * 1024;

export interface DownloadListing {
  readonly entries: DownloadEntry[];
  /** Files that could not be read, with why (they are left alone: their writer may be rewriting them). */
  readonly problems: string[];
}

/**
 * Every download of every process on this client folder. The entries of a process that no longer
 * runs (an agent killed with -9, a power cut) are `stopped`, never shown as running.
 */
export function readDownloads(clientDir: string, alive: (pid: number) => boolean = processAlive): DownloadListing {
  const folder = agentFolder(clientDir);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => downloadFilePattern.test(name));
  } catch {
    return { entries: [], problems: [] };
  }
  const entries: DownloadEntry[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    const path = join(folder, name);
    try {
      if (statSync(path).size > maxFileBytes) throw new Error(`larger than ${maxFileBytes / 1024 / 1024} MiB`);
      const parsed = downloadFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`refused at ${parsed.error.issues[0]?.path.map(String).join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`);
      const running = alive(parsed.data.pid);
      for (const entry of parsed.data.entries) {
        if (running || entry.state === 'cancelled') entries.push(entry);
        else entries.push({ ...entry, state: 'stopped', reason: `The process that downloaded it (${entry.pid}) no longer runs; the agent resumes the download from the bytes on disk when it is due again.` });
      }
    } catch (error) {
      // Gone between the listing and the read: its writer ended.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { entries, problems };
}
