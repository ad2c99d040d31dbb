import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asidePrefix, journalPathOf, manifestPathOf, packageFolderOf, workFolderOf, type PackageTarget } from './package-target';
import { syncFolder, writeFileAtomic } from './manifest';

/**
 * Putting a staged version in place. The staging folder, its manifest, the journal and the old
 * version set aside all live in the package's work folder (`.courier-<folder>` beside the package
 * folder). The journal is written (atomically) only once the staging folder and its manifest are
 * whole and synced, so from then on the commit only goes forward:
 *
 *   1. journal written           crash: the journal names a whole staging folder; roll forward.
 *   2. <folder> → work/old-…     crash: no package folder for a moment; roll forward renames the
 *                                staging folder in.
 *   3. work/staging-… → <folder> crash: the new version is in place; the manifest beside it is
 *                                still the old one until step 4, which roll forward does.
 *   4. staging manifest → <folder>.manifest
 *   5. old-… removed, journal removed, the work folder removed when nothing else is in it.
 *
 * A crash before step 1 leaves only a staging folder no journal names: cleanup removes it and the
 * package folder was never touched. A client never sees a half-copied package folder: it sees the
 * old version, briefly none (between 2 and 3, a rename apart), or the new one.
 */
interface Journal {
  readonly format: 'courier-content-commit';
  readonly staging: string;
  readonly stagingManifest: string;
  readonly aside: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Steps at which `commitStaged` can be told to stop, for tests that play a crash. */
export type CommitStep = 'journal' | 'aside' | 'staging-in' | 'manifest' | 'removed';

export async function commitStaged(target: PackageTarget, staging: string, stagingManifest: string, stopAfter?: CommitStep): Promise<void> {
  const journal: Journal = {
    format: 'courier-content-commit',
    staging,
    stagingManifest,
    aside: `${asidePrefix}${randomBytes(4).toString('hex')}`,
  };
  await writeFileAtomic(journalPathOf(target), JSON.stringify(journal));
  if (stopAfter === 'journal') return;
  await rollForward(target, journal, stopAfter);
}

async function rollForward(target: PackageTarget, journal: Journal, stopAfter?: CommitStep): Promise<void> {
  const live = packageFolderOf(target);
  const work = workFolderOf(target);
  const staging = join(work, journal.staging);
  if (await exists(staging)) {
    if (await exists(live)) await rename(live, join(work, journal.aside));
    if (stopAfter === 'aside') return;
    await rename(staging, live);
    await syncFolder(target.root);
  }
  if (stopAfter === 'staging-in') return;
  const stagingManifest = join(work, journal.stagingManifest);
  if (await exists(stagingManifest)) {
    await rename(stagingManifest, manifestPathOf(target));
    await syncFolder(target.root);
  }
  if (stopAfter === 'manifest') return;
  await rm(join(work, journal.aside), { recursive: true, force: true });
  if (stopAfter === 'removed') return;
  await rm(journalPathOf(target), { force: true });
  // Not synced: a work folder a power cut brings back empty is removed by the next cleanup.
  await rmdir(work).catch(() => undefined);
}

function isJournal(value: unknown): value is Journal {
  const record = value as Record<string, unknown> | null;
  // Names inside the work folder, nothing that reaches out of it.
  const name = (key: string) => typeof record?.[key] === 'string' && /^(staging|old)-[\w.-]+$/u.test(record[key] as string);
  return record?.format === 'courier-content-commit' && name('staging') && name('stagingManifest') && name('aside');
}

export interface CleanupReport {
  /** A commit a crash had stopped was finished. */
  readonly rolledForward: boolean;
  /** Leftovers removed from the work folder: staging folders no journal named, set-aside old versions, temp files. */
  readonly removed: readonly string[];
  /** The staging folder of the resumed version that was left in place, if there was one. */
  readonly kept?: string;
}

/**
 * After a crash, or before any copy: finishes a commit the journal says was under way, then
 * removes what an interrupted copy left in the package's work folder. Must not run while another
 * copy of the same package to the same root is under way (the Distribution Manager runs one thread
 * per package). `resume` is the name prefix of staging folders a copy may go on with (its
 * version's, `stagingPrefix`): the first one found is kept and named in the report. Only the work
 * folder is listed, never the root, so the cost does not grow with the packages on the volume.
 */
export async function cleanupPackage(target: PackageTarget, resume?: string): Promise<CleanupReport> {
  let rolledForward = false;
  const journalPath = journalPathOf(target);
  const text = await readFile(journalPath, 'utf8').catch(() => null);
  if (text !== null) {
    let journal: unknown;
    try {
      journal = JSON.parse(text);
    } catch {
      journal = null;
    }
    // A journal is written atomically, so one that does not parse was not written by us: leave the
    // package folder alone and drop it, and the leftovers below go with it.
    if (isJournal(journal)) {
      await rollForward(target, journal);
      rolledForward = true;
    } else {
      await rm(journalPath, { force: true });
    }
  }
  const work = workFolderOf(target);
  const entries = await readdir(work, { withFileTypes: true }).catch(() => null);
  if (entries === null) return { rolledForward, removed: [] };
  const keep = resume === undefined ? undefined : entries.find((entry) => entry.isDirectory() && entry.name.startsWith(resume))?.name;
  const removed: string[] = [];
  for (const { name } of entries) {
    if (name === keep) continue;
    await rm(join(work, name), { recursive: true, force: true });
    removed.push(name);
  }
  if (keep === undefined) {
    await rmdir(work).catch(() => undefined);
    await syncFolder(target.root);
  } else if (removed.length > 0) {
    await syncFolder(work);
  }
  return { rolledForward, removed, ...(keep === undefined ? {} : { kept: keep }) };
}
