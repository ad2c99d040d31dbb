import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultAccessAccounts, statusAttributeIds as a, type AccessAccountInput } from '../../api';
import { cleanupPackage, ContentError, defaultFileThreads, distributePackage, FileWorkers, manifestPathOf, packageFolderOf, type TargetResult } from '../../content/distribution';
import type { AccessAccountRecord } from '../../db/repositories/access-account-repository';
import type { DistmgrSettingsRecord } from '../../db/repositories/component-settings-repository';
import type { DpRecord } from '../../db/repositories/distribution-point-repository';
import type { PackageDpRecord } from '../../db/repositories/package-dp-repository';
import type { PackageRecord } from '../../db/repositories/package-repository';
import { packagePathOnDp } from '../../domain/distribution-points';
import type { PathMapping } from '../../domain/path-mappings';
import { createShareProvider, disconnectUsers, type AccountPermission, type DisconnectClock, type ShareProvider } from '../../shares';
import { distributionManagerName } from './names';
import { offerManagerInbox } from '../offermgr/names';
import { CopyProgress } from './copy-progress';
import { choosePlace, localPathOf, placeFromRow, type DpPlace } from '../../site/dp-location';
import { nalPathOfLocation, removePackageInfo, writePackageInfo, type PackageLocation } from './package-info-files';
import { DeltaPatcher, pruneSignatures, signSourceVersion } from '../../site/package-deltas';
import { archivePathFor, openPackageContent, type PackageContent } from '../../site/package-content';
import type { DistmgrRepositories } from './repositories';
import type { ComponentContext } from '../site-component';
import type { ChangeSet } from '../../site/unit-of-work';

export interface PackageWorkDeps {
  readonly context: ComponentContext;
  readonly repos: DistmgrRepositories;
  readonly now: () => Date;
  /** The wait of "Disconnect users from distribution points" (tests pass one that returns at once). */
  readonly disconnectClock?: DisconnectClock;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A row due now: waiting, or a retry whose time has come. */
export function isDue(row: PackageDpRecord, now: Date): boolean {
  if (row.state !== 'installPending' && row.state !== 'installRetrying' && row.state !== 'removalPending') return false;
  return row.nextAttemptAt === null || row.nextAttemptAt <= now.toISOString();
}

function permissionsOf(accounts: readonly AccessAccountRecord[]): AccountPermission[] {
  return accounts.map((account) => {
    const input: AccessAccountInput =
      account.kind === 'generic'
        ? ({ kind: 'generic', name: account.accountName } as AccessAccountInput)
        : { kind: 'windows', name: account.accountName, accountType: account.accountType };
    return { account: input, permission: account.permission };
  });
}

function providerFor(dp: DpRecord): ShareProvider {
  if (dp.shareProvider === 'samba') return createShareProvider({ kind: 'samba', configFile: dp.sambaConf ?? '' });
  return createShareProvider({ kind: dp.shareProvider });
}

interface Prepared {
  readonly row: PackageDpRecord;
  readonly dp: DpRecord;
  readonly place: DpPlace;
  readonly previous: DpPlace | null;
  readonly provider: ShareProvider;
  readonly progress: CopyProgress;
}

/**
 * One pass over a package: every DP row that is due is copied to, removed from, or given a
 * retry time. Idempotent: it makes each DP match the package as it is now, so after a crash the
 * same wake-up runs it again and finishes what was left.
 */
export class PackageWork {
  private readonly context: ComponentContext;
  private readonly repos: DistmgrRepositories;
  private failures: string[] = [];
  private readonly pkg: PackageRecord | null;
  private readonly settings: DistmgrSettingsRecord;
  private readonly mappings: readonly PathMapping[];
  /** The source folder as the site server opens it, once resolved; null when it cannot be. */
  private sourceFolder: string | null = null;

  constructor(
    private readonly packageId: string,
    private readonly deps: PackageWorkDeps,
  ) {
    this.context = deps.context;
    this.repos = deps.repos;
    this.pkg = this.repos.packages.get(packageId);
    this.settings = this.repos.settings.distmgr();
    this.mappings = this.repos.siteSettings.listPathMappings();
  }

  private get name(): string {
    return this.pkg?.name ?? this.packageId;
  }

  private report(messageId: number, insertionStrings: readonly string[], attributes: Record<number, string>): void {
    this.context.work.run((change) => {
      change.status({ component: distributionManagerName, messageId, insertionStrings, attributes });
    });
  }

  private changed(): void {
    this.context.work.run((change) => change.emit('package-dps:changed', { packageId: this.packageId }));
  }

  async run(): Promise<void> {
    const now = this.deps.now();
    const due = this.repos.packageDps.forPackage(this.packageId).filter((row) => isDue(row, now));
    if (due.length === 0) {
      await this.writeInfo();
      return;
    }
    this.report(2300, [this.name, this.packageId], { [a.packageId]: this.packageId });
    for (const row of due.filter((r) => r.state === 'removalPending')) await this.remove(row);
    const installs = due.filter((r) => r.state !== 'removalPending');
    if (installs.length > 0) await this.install(installs);
    await this.writeInfo();
    if (this.failures.length > 0) {
      this.report(2302, [this.name, this.packageId, this.failures.join(' ')], { [a.packageId]: this.packageId });
    } else {
      this.report(2301, [this.name, this.packageId], { [a.packageId]: this.packageId });
    }
    await this.forgetDeletedPackage();
  }

  private fail(row: PackageDpRecord, error: string, messageId: 2328 | 2344): void {
    this.failures.push(`${row.dpName}: ${error}`);
    this.context.work.run((change) => {
      const state = this.repos.packageDps.recordFailure(row.packageId, row.dpId, error, this.settings, this.deps.now());
      change.status({
        component: distributionManagerName,
        messageId,
        insertionStrings: [this.packageId, row.nalPath, error],
        attributes: { [a.packageId]: this.packageId, [a.distributionPoint]: row.nalPath },
      });
      const after = this.repos.packageDps.get(row.packageId, row.dpId);
      if (after && (state === 'installRetrying' || state === 'removalPending')) {
        change.status({
          component: distributionManagerName,
          messageId: 2304,
          insertionStrings: [this.name, this.packageId, String(after.attempts), String(this.settings.retries), String(this.settings.retryDelayMinutes)],
          attributes: { [a.packageId]: this.packageId },
        });
      }
      change.emit('package-dps:changed', { packageId: this.packageId });
    });
    this.context.log(`${this.packageId} on ${row.dpName}: ${error}`);
  }

  /**
   * The package's advertisements are looked at again by Offer Manager, in the transaction that
   * put the package on a DP or took it off one: an advertisement deferred until its package is
   * on a DP is offered without anyone polling, and one whose package left its last DP is deferred.
   */
  private wakeOfferManager(change: ChangeSet, why: string): void {
    for (const ad of this.repos.advertisements.list({ packageId: this.packageId })) change.wake(offerManagerInbox, `${ad.advertisementId}.OFN`, `${why}\r\n`);
  }

  // ---- removal -----------------------------------------------------------------------------

  private async remove(row: PackageDpRecord): Promise<void> {
    const dp = this.repos.dps.getById(row.dpId);
    if (!dp) return;
    this.report(2343, [this.packageId, row.nalPath], { [a.packageId]: this.packageId, [a.distributionPoint]: row.nalPath });
    try {
      const place = placeFromRow(dp, this.repos.dps.volumes(dp.id), row, this.mappings);
      if (place) await removePlace(place, providerFor(dp));
    } catch (error) {
      if (this.context.stopping.aborted) throw error;
      this.fail(row, describe(error), 2344);
      return;
    }
    this.context.work.run((change) => {
      this.repos.packageDps.finishRemoval(row.packageId, row.dpId);
      this.wakeOfferManager(change, `package ${row.packageId} removed from ${row.dpName}`);
      change.status({
        component: distributionManagerName,
        messageId: 2332,
        insertionStrings: [this.packageId, row.nalPath],
        attributes: { [a.packageId]: this.packageId, [a.distributionPoint]: row.nalPath },
      });
      change.emit('package-dps:changed', { packageId: this.packageId });
      if (this.repos.dps.deleteIfDrained(row.dpId)) change.emit('distribution-points:changed', { change: 'deleted', name: row.dpName });
    });
  }

  // ---- copies --------------------------------------------------------------------------------

  private async install(rows: readonly PackageDpRecord[]): Promise<void> {
    const pkg = this.pkg;
    if (!pkg || !pkg.containsSourceFiles) {
      for (const row of rows) this.fail(row, `Package ${this.packageId} has no source files to copy; give it a source directory or remove it from the distribution point.`, 2328);
      return;
    }
    let content: PackageContent;
    try {
      content = await this.openContent(pkg);
    } catch (error) {
      if (this.context.stopping.aborted) throw error;
      const why = describe(error);
      this.report(2307, [pkg.sourceDirectory, this.packageId, why], { [a.packageId]: this.packageId });
      for (const row of rows) this.fail(row, why, 2328);
      return;
    }
    const patcher = await this.deltaPatcher(pkg, content);
    const workers = new FileWorkers(Math.min(defaultFileThreads(), content.manifest.files.length || 1));
    try {
      // The Package Thread Limit is how many DPs get the package at once, as the suite's
      // SMS_SCI_Component Package Thread Limit is: an admin lowers it to spare the network.
      const size = Math.max(1, this.settings.threadsPerPackage);
      for (let i = 0; i < rows.length; i += size) {
        if (this.context.stopping.aborted) throw new ContentError('ABORTED', 'Distribution Manager is stopping.');
        await this.copyBatch(pkg, content, rows.slice(i, i + size), patcher, workers);
      }
    } finally {
      await workers.close();
      await patcher?.close();
      await content.close();
    }
    if (patcher) await pruneSignatures(this.context.root, pkg.packageId).catch((error: unknown) => this.context.log(`Old signatures of ${pkg.packageId} could not be deleted: ${describe(error)}`));
  }

  /**
   * With binary differential replication, the files of this version are signed (for the next
   * update) and changed files are patched from what each DP holds. It needs the source folder:
   * a compressed package whose source is gone is sent file by file.
   */
  private async deltaPatcher(pkg: PackageRecord, content: PackageContent): Promise<DeltaPatcher | null> {
    if (!pkg.binaryDifferentialReplication || this.sourceFolder === null) return null;
    try {
      const signed = await signSourceVersion(this.context.root, pkg.packageId, content.manifest, this.sourceFolder);
      if (signed > 0) this.context.log(`Signed ${signed} files of ${pkg.packageId} source version ${pkg.sourceVersion} for binary differential replication.`);
    } catch (error) {
      this.context.log(`The files of ${pkg.packageId} could not be signed (${describe(error)}); changed files are copied whole.`);
      return null;
    }
    return new DeltaPatcher(this.context.root, pkg.packageId, this.sourceFolder);
  }

  private async openContent(pkg: PackageRecord): Promise<PackageContent> {
    let sourceFolder: string | null = null;
    let sourceProblem: string | null = null;
    try {
      sourceFolder = localPathOf(pkg.sourceDirectory, this.mappings);
    } catch (error) {
      sourceProblem = describe(error);
    }
    this.sourceFolder = sourceFolder;
    const content = await openPackageContent({
      root: this.context.root,
      packageId: pkg.packageId,
      version: pkg.sourceVersion,
      compressed: pkg.sourceOption === 'compressed',
      sourceFolder,
      sourceProblem,
      archivePath: archivePathFor(this.context.root, this.settings.storedPackagesLocation, pkg.packageId),
      signal: this.context.stopping,
    });
    // Built beside this pass's copy (package-content.ts): 2311 once it is written.
    void content.archiveBuilt.then(
      (built) => {
        if (built) this.report(2311, [pkg.packageId, String(pkg.sourceVersion)], { [a.packageId]: pkg.packageId, [a.packageVersion]: String(pkg.sourceVersion) });
      },
      (error: unknown) => this.context.log(`The compressed package of ${pkg.packageId} source version ${pkg.sourceVersion} could not be built (${describe(error)}); the next copy builds it again.`),
    );
    return content;
  }

  private async prepare(pkg: PackageRecord, row: PackageDpRecord, bytes: number): Promise<Prepared> {
    const dp = this.repos.dps.getById(row.dpId);
    if (!dp) throw new Error(`The distribution point ${row.dpName} no longer exists.`);
    const provider = providerFor(dp);
    const unavailable = provider.unavailable?.() ?? null;
    if (unavailable !== null) throw new Error(unavailable);
    const volumes = this.repos.dps.volumes(dp.id);
    const previous = placeFromRow(dp, volumes, row, this.mappings);
    const place = await choosePlace(dp, volumes, pkg, row, bytes, this.mappings);
    const accounts = permissionsOf(this.repos.accounts.list(pkg.packageId));
    if (place.managesShare) {
      const sharePermissions = place.ownShare ? accounts : defaultAccessAccounts.map((entry) => ({ account: entry.account, permission: entry.permission }));
      await provider.ensureShare({ name: place.shareName, path: place.shareRoot, comment: place.ownShare ? `Package ${pkg.packageId}` : 'Courier package share', permissions: sharePermissions });
    }
    if (pkg.disconnectUsers && previous !== null) {
      await disconnectUsers({
        provider,
        share: place.shareName,
        ...(place.ownShare ? {} : { folder: pkg.packageId }),
        graceMinutes: pkg.userGracePeriod,
        retries: pkg.disconnectRetries,
        report: (event) => {
          const attributes = { [a.packageId]: pkg.packageId, [a.distributionPoint]: row.nalPath };
          if (event.kind === 'usersConnected') {
            const who = event.connections.map((c) => `${c.user} from ${c.machine}`).join(', ');
            this.report(2345, [pkg.packageId, row.nalPath, who, String(event.attempt), String(event.attempts), String(event.graceMinutes)], attributes);
          } else if (event.kind === 'disconnecting') this.context.log(`Disconnecting ${event.connections.length} users from ${place.shareName} on ${dp.name}.`);
          else this.report(2346, [pkg.packageId, row.nalPath, String(event.count)], attributes);
        },
        ...(this.deps.disconnectClock ? { clock: this.deps.disconnectClock } : {}),
        signal: this.context.stopping,
      });
    }
    return { row, dp, place, previous, provider, progress: new CopyProgress(pkg.packageId, dp.name) };
  }

  /**
   * A batch of DPs (up to the Package Thread Limit) from one read of the source: each file is read
   * and hashed once and written to all of them, each file system flushed once, and the DPs are
   * prepared (shares made, connected users waited for and disconnected) side by side.
   */
  private async copyBatch(pkg: PackageRecord, content: PackageContent, rows: readonly PackageDpRecord[], patcher: DeltaPatcher | null, workers: FileWorkers): Promise<void> {
    const { manifest } = content;
    // Every DP of the batch starts together, so their 2342s are one transaction.
    this.context.work.run((change) => {
      for (const row of rows) change.status({ component: distributionManagerName, messageId: 2342, insertionStrings: [pkg.packageId, row.nalPath], attributes: { [a.packageId]: pkg.packageId, [a.distributionPoint]: row.nalPath } });
    });
    let stop: unknown = null;
    const prepared = await Promise.all(
      rows.map(async (row): Promise<Prepared | null> => {
        try {
          return await this.prepare(pkg, row, manifest.totalBytes);
        } catch (error) {
          if (this.context.stopping.aborted) stop ??= error;
          else this.fail(row, describe(error), 2328);
          return null;
        }
      }),
    );
    if (stop !== null) throw stop;
    const ready = prepared.filter((entry) => entry !== null);
    if (ready.length === 0) return;
    const emitProgress = (done: { files: number; bytes: number; totalFiles: number; totalBytes: number }, finished: boolean) => {
      const at = Date.now();
      const events = ready.map((entry) => entry.progress.next(done, at, finished)).filter((event) => event !== null);
      if (events.length > 0) this.context.work.run((change) => events.forEach((event) => change.emit('distribution:progress', event)));
    };
    let results: TargetResult[];
    try {
      results = await distributePackage({
        packageId: pkg.packageId,
        version: pkg.sourceVersion,
        manifest,
        source: content.source,
        targets: ready.map((entry) => entry.place.target),
        signal: this.context.stopping,
        workers,
        onProgress: (progress) => emitProgress(progress, false),
        ...(patcher ? { patch: patcher.patch } : {}),
      });
    } catch (error) {
      emitProgress({ files: 0, bytes: 0, totalFiles: manifest.fileCount, totalBytes: manifest.totalBytes }, true);
      if (this.context.stopping.aborted) throw error;
      for (const entry of ready) this.fail(entry.row, describe(error), 2328);
      return;
    }
    emitProgress({ files: manifest.fileCount, bytes: manifest.totalBytes, totalFiles: manifest.fileCount, totalBytes: manifest.totalBytes }, true);
    const accounts = permissionsOf(this.repos.accounts.list(pkg.packageId));
    const copied: { entry: Prepared; result: TargetResult }[] = [];
    for (const [i, result] of results.entries()) {
      const entry = ready[i]!;
      if (result.error) {
        this.fail(entry.row, describe(result.error), 2328);
        continue;
      }
      try {
        await entry.provider.setFolderPermissions(packageFolderOf(entry.place.target), accounts);
        if (entry.previous && packageFolderOf(entry.previous.target) !== packageFolderOf(entry.place.target)) await removePlace(entry.previous, entry.provider);
      } catch (error) {
        this.fail(entry.row, describe(error), 2328);
        continue;
      }
      copied.push({ entry, result });
    }
    this.recordCopied(pkg, content, copied);
  }

  /** The DPs a copy put the package on, recorded in one transaction: they finished together. */
  private recordCopied(pkg: PackageRecord, content: PackageContent, copied: readonly { entry: Prepared; result: TargetResult }[]): void {
    if (copied.length === 0) return;
    for (const { entry, result } of copied) {
      if (result.patchedFiles > 0) {
        this.context.log(`${pkg.packageId} on ${entry.row.dpName}: ${result.patchedFiles} changed files sent as deltas (${result.patchedBytes} bytes), ${result.copiedFiles} copied whole, ${result.linkedFiles} unchanged.`);
      }
    }
    this.context.work.run((change) => {
      for (const { entry, result } of copied) this.recordOne(change, pkg, content, entry, result);
      change.emit('package-dps:changed', { packageId: pkg.packageId });
      this.wakeOfferManager(change, `package ${pkg.packageId} installed on ${copied.map(({ entry }) => entry.row.dpName).join(', ')}`);
    });
  }

  private recordOne(change: ChangeSet, pkg: PackageRecord, content: PackageContent, entry: Prepared, result: TargetResult): void {
    const { row, place } = entry;
    this.repos.packageDps.recordInstalled(row.packageId, row.dpId, {
      volumeLetter: place.volumeLetter,
      shareName: place.shareName,
      folder: place.folder,
      sourceVersion: pkg.sourceVersion,
      files: content.manifest.fileCount,
      bytes: content.manifest.totalBytes,
      stamp: this.deps.now().toISOString(),
    });
    // Removed from the DP while it copied: the removal that follows must know where the folder is.
    this.repos.packageDps.recordPlaceForRemoval(row.packageId, row.dpId, place);
    const attributes = { [a.packageId]: pkg.packageId, [a.distributionPoint]: row.nalPath };
    change.status({ component: distributionManagerName, messageId: 2329, insertionStrings: [pkg.packageId, row.nalPath, String(result.copiedFiles + result.patchedFiles), String(result.copiedBytes + result.patchedBytes)],
      attributes,
    });
    change.status({ component: distributionManagerName, messageId: 2330, insertionStrings: [pkg.packageId, row.nalPath], attributes });
  }

  // ---- what clients read ---------------------------------------------------------------------

  private async writeInfo(): Promise<void> {
    const pkg = this.pkg;
    const installed = this.repos.packageDps.forPackage(this.packageId).filter((row) => row.state === 'installed' && row.shareName !== null && row.folder !== null);
    if (!pkg || installed.length === 0) {
      await removePackageInfo(this.context.root, this.packageId);
      return;
    }
    const locations: PackageLocation[] = installed.map((row) => ({
      distributionPoint: row.dpName,
      nalPath: nalPathOfLocation(packagePathOnDp(row.serverName, row.shareName!, row.folder!, row.serverShare), this.context.siteCode),
      sourceVersion: row.sourceVersion ?? pkg.sourceVersion,
    }));
    await writePackageInfo(this.context.root, this.context.siteCode, pkg, this.repos.programs.list(pkg.packageId), locations);
  }

  /** A deleted package whose last DP row went: its manifests and compressed package go too. */
  private async forgetDeletedPackage(): Promise<void> {
    if (this.pkg || this.repos.packageDps.forPackage(this.packageId).length > 0) return;
    await rm(join(this.context.root.path, 'SMS', 'Manifests', this.packageId), { recursive: true, force: true });
    await rm(archivePathFor(this.context.root, this.settings.storedPackagesLocation, this.packageId), { force: true });
    this.report(2303, [this.name, this.packageId], { [a.packageId]: this.packageId });
  }
}

/** Deletes a package's folder on a DP (after finishing any commit a crash left), and the share when nothing else is in it. */
export async function removePlace(place: DpPlace, provider: ShareProvider): Promise<void> {
  await cleanupPackage(place.target);
  const wholeShare = place.ownShare && place.folder === '.';
  if (wholeShare && place.managesShare) await provider.removeShare(place.shareName);
  await rm(packageFolderOf(place.target), { recursive: true, force: true });
  await rm(manifestPathOf(place.target), { force: true });
  if (!place.managesShare || wholeShare) return;
  const left = await readdir(place.shareRoot).catch(() => null);
  if (left !== null && left.length === 0) {
    await provider.removeShare(place.shareName);
    await rmdir(place.shareRoot).catch(() => undefined);
  }
}
