import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asidePrefix, journalPathOf, manifestPathOf, packageFolderOf, stagingPrefix, type PackageTarget } from './package-target';
import { syncFolder, writeFileAtomic } from './manifest';

/**
 * Putting a staged version in place. The journal is written (atomically) only once the staging
 * folder and its manifest are whole and synced, so from then on the commit only goes forward:
 *
 *   1. journal written           crash: the journal names a whole staging folder; roll forward.
 *   2. <folder> → .old-…         crash: no package folder for a moment; roll forward renames the
 *                                staging folder in.
 *   3. .staging-… → <folder>     crash: the new version is in place; the manifest beside it is
 *                                still the old one until step 4, which roll forward does.
 *   4. manifest temp → <folder>.manifest
 *   5. .old-… removed, journal removed.
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
    aside: `${asidePrefix(target)}${randomBytes(4).toString('hex')}`,
  };
  await writeFileAtomic(journalPathOf(target), JSON.stringify(journal));
  if (stopAfter === 'journal') return;
  await rollForward(target, journal, stopAfter);
}

async function rollForward(target: PackageTarget, journal: Journal, stopAfter?: CommitStep): Promise<void> {
  const live = packageFolderOf(target);
  const staging = join(target.root, journal.staging);
  if (await exists(staging)) {
    if (await exists(live)) await rename(live, join(target.root, journal.aside));
    if (stopAfter === 'aside') return;
    await rename(staging, live);
    await syncFolder(target.root);
  }
  if (stopAfter === 'staging-in') return;
  const stagingManifest = join(target.root, journal.stagingManifest);
  if (await exists(stagingManifest)) {
    await rename(stagingManifest, manifestPathOf(target));
    await syncFolder(target.root);
  }
  if (stopAfter === 'manifest') return;
  await rm(join(target.root, journal.aside), { recursive: true, force: true });
  if (stopAfter === 'removed') return;
  await rm(journalPathOf(target), { force: true });
}

function isJournal(value: unknown): value is Journal {
  const record = value as Record<string, unknown> | null;
  const name = (key: string) => typeof record?.[key] === 'string' && !(record[key] as string).includes('/') && (record[key] as string).startsWith('.');
  return record?.format === 'courier-content-commit' && name('staging') && name('stagingManifest') && name('aside');
}

export interface CleanupReport {
  /** A commit a crash had stopped was finished. */
  readonly rolledForward: boolean;
  /** Leftovers removed: staging folders no journal named, set-aside old versions, temp files. */
  readonly removed: readonly string[];
  /** The staging folder of the resumed version that was left in place, if there was one. */
  readonly kept?: string;
}

/**
 * After a crash, or before any copy: finishes a commit the journal says was under way, then
 * removes what an interrupted copy left for this package. Must not run while another copy of the
 * same package to the same root is under way (the Distribution Manager runs one thread per package).
 * `resume` is the name prefix of staging folders a copy may go on with (its version's): the first
 * one found is kept and named in the report. The root is listed once, after any roll forward: it
 * holds every package on the volume, so each listing costs more as the DP fills.
 */
export async function cleanupPackage(target: PackageTarget, packageId: string, resume?: string): Promise<CleanupReport> {
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
  const removed: string[] = [];
  const entries = await readdir(target.root, { withFileTypes: true }).catch(() => [] as Dirent[]);
  const keep = resume === undefined ? undefined : entries.find((entry) => entry.isDirectory() && entry.name.startsWith(resume))?.name;
  const staging = stagingPrefix(packageId);
  const aside = asidePrefix(target);
  // writeFileAtomic's temp files for the manifest, the journal and a staging folder's manifest.
  const tempOf = (name: string) =>
    (name.startsWith(`.${target.folder}.manifest.`) || name.startsWith(`..commit-${target.folder}.json.`) || name.startsWith(`.${staging}`)) && name.endsWith('.tmp');
  for (const { name } of entries) {
    if (name === keep) continue;
    if (name.startsWith(staging) || name.startsWith(aside) || tempOf(name)) {
      await rm(join(target.root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  if (removed.length > 0) await syncFolder(target.root);
  return { rolledForward, removed, ...(keep === undefined ? {} : { kept: keep }) };
}
