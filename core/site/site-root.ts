import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { isProcessRunning } from './processes';

/** The inbox tree the site components wake on (docs/site-components.md). */
export const inboxFolders = [
  'Distmgr.box',
  'Offermgr.box',
  'Mpcontrol.box',
  'Pkginfo.box',
  'Offerinf.box',
  'Replmgr.box/Outbound',
  'Schedule.box/Tosend',
  'Schedule.box/Outboxes',
  'Despoolr.box/Receive',
] as const;

/** The inboxes a wake-up can be queued for: Distribution Manager's, Offer Manager's and the management point's. */
export type Inbox = 'Distmgr.box' | 'Offermgr.box' | 'Mpcontrol.box';
export const wakeUpInboxes: readonly Inbox[] = ['Distmgr.box', 'Offermgr.box', 'Mpcontrol.box'];

export interface SiteRoot {
  readonly path: string;
  readonly inboxes: string;
  readonly logs: string;
}

export function siteRootAt(path: string): SiteRoot {
  return { path, inboxes: join(path, 'SMS', 'Inboxes'), logs: join(path, 'SMS', 'Logs') };
}

export function ensureSiteRoot(root: SiteRoot): void {
  for (const folder of inboxFolders) mkdirSync(join(root.inboxes, ...folder.split('/')), { recursive: true });
  mkdirSync(root.logs, { recursive: true });
}

// `.A0100003.PKN.<pid>-<thread>.tmp`, and `.A0100003.PKN.<pid>.tmp` as earlier versions named them.
const temporaryName = /^\.(.+)\.(\d+)(?:-\d+)?\.tmp$/;

/**
 * Writes a wake-up file such as `A0100003.PKN` in Distmgr.box: under a temporary name first and
 * then renamed, so a component never reads half a file; an existing one is simply replaced,
 * since the name alone carries the meaning. The temporary name carries the process and thread,
 * so two writers never share one, and start-up can tell a dead writer's leftovers.
 *
 * No fsync: the file only wakes the component, which takes its work from the outbox row in the
 * database, committed before this runs and kept until the work is done. A file lost to a power
 * failure costs a wake-up (the component drains its queue when it starts), never the work;
 * syncing the file and its folder would double the cost of every change for nothing.
 */
export function writeWakeUpFile(root: SiteRoot, inbox: Inbox, fileName: string, body: string): void {
  const folder = join(root.inboxes, inbox);
  const temporary = join(folder, `.${fileName}.${process.pid}-${threadId}.tmp`);
  try {
    try {
      writeFileSync(temporary, body);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Someone removed the inbox folder; a component needs it back, not a failed wake-up.
      mkdirSync(folder, { recursive: true });
      writeFileSync(temporary, body);
    }
    renameSync(temporary, join(folder, fileName));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A writer's temporary file older than this is a leftover even if its process id came back. */
const temporaryFileLifetimeMs = 60 * 60 * 1000;

/**
 * Removes temporary files that writers killed between write and rename left in the inboxes. A
 * file of a live process is its write in flight and stays, unless it is implausibly old.
 */
export function removeStrayTemporaryFiles(root: SiteRoot, nowMs: number): string[] {
  const removed: string[] = [];
  for (const folder of inboxFolders) {
    const path = join(root.inboxes, ...folder.split('/'));
    let names: string[];
    try {
      names = readdirSync(path);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = temporaryName.exec(name);
      if (!match) continue;
      const file = join(path, name);
      const pid = Number(match[2]);
      try {
        const live = pid === process.pid || isProcessRunning(pid);
        if (live && nowMs - statSync(file).mtimeMs < temporaryFileLifetimeMs) continue;
        rmSync(file, { force: true });
        removed.push(`${folder}/${name}`);
      } catch {
        // Gone meanwhile, or not ours to remove: the next start-up looks again.
      }
    }
  }
  return removed;
}

/** The wake-up files waiting in an inbox (not the writers' temporary files, not folders). */
export function listWakeUpFiles(root: SiteRoot, inbox: Inbox): string[] {
  try {
    return readdirSync(join(root.inboxes, inbox), { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** A wake-up body is a line or two; a larger file dropped by hand is read only so far. */
const maxWakeUpBytes = 4096;

export function readWakeUpFile(root: SiteRoot, inbox: Inbox, fileName: string): string | null {
  let fd: number | null = null;
  try {
    // O_NONBLOCK: a FIFO put there under a wake-up's name must not hang the component.
    fd = openSync(join(root.inboxes, inbox, fileName), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return null;
    const buffer = Buffer.alloc(maxWakeUpBytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, maxWakeUpBytes, 0)).toString('utf8');
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The component has taken the work the file stood for; a file already gone is fine. */
export function removeWakeUpFile(root: SiteRoot, inbox: Inbox, fileName: string): void {
  try {
    rmSync(join(root.inboxes, inbox, fileName), { force: true });
  } catch {
    // A folder someone put in its place is not ours to delete; the outbox row is the work.
  }
}
