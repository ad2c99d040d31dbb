import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The inbox tree the site components wake on (architecture.md: files plus rows are the queue). */
export const inboxFolders = [
  'Distmgr.box',
  'Offermgr.box',
  'Pkginfo.box',
  'Offerinf.box',
  'Replmgr.box/Outbound',
  'Schedule.box/Tosend',
  'Schedule.box/Outboxes',
  'Despoolr.box/Receive',
] as const;

export type Inbox = 'Distmgr.box' | 'Offermgr.box';

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

/**
 * Drops a wake-up file such as `A0100003.PKN` in Distmgr.box. Written under a temporary name and
 * renamed, so a component never reads half a file; an existing one is simply replaced, since
 * the name alone carries the meaning.
 */
export function dropWakeUpFile(root: SiteRoot, inbox: Inbox, fileName: string, body: string): void {
  const folder = join(root.inboxes, inbox);
  const temporary = join(folder, `.${fileName}.${process.pid}.tmp`);
  writeFileSync(temporary, body);
  renameSync(temporary, join(folder, fileName));
}
