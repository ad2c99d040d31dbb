import { CourierError, type ChangeKind, type EventChannel, type EventOf } from '../api';
import type { PackageRecord, PackageRepository } from '../db/repositories/package-repository';
import type { ChangeSet } from '../site/unit-of-work';

export const changeVerbs: Readonly<Record<ChangeKind, string>> = { created: 'Created', updated: 'Modified', deleted: 'Deleted' };

export function packageNotFound(packageId: string): CourierError {
  return new CourierError('NOT_FOUND', `There is no package ${packageId} at this site.`, 'packageId');
}

/** The package a request names, or NOT_FOUND on its packageId field. */
export function requirePackage(packages: PackageRepository, packageId: string): PackageRecord {
  const record = packages.get(packageId);
  if (!record) throw packageNotFound(packageId);
  return record;
}

export interface PackageChangeNote<E extends EventChannel> {
  /** The line of the `<PackageID>.PKN` wake-up file: what changed, for whoever reads the inbox. */
  readonly wakeUp: string;
  readonly event: E;
  readonly payload: EventOf<E>;
  /** The provider log line (smsprov.log). */
  readonly log: string;
}

/**
 * Everything a change to a package, one of its programs or its access accounts tells, inside the
 * change's unit of work: they all reach the distribution points through the package, so each
 * wakes Distribution Manager with the package's `.PKN` file (as SMS_Package changes do), tells the
 * consoles and writes the provider log.
 */
export function notePackageChange<E extends EventChannel>(change: ChangeSet, packageId: string, note: PackageChangeNote<E>): void {
  change.wake('Distmgr.box', `${packageId}.PKN`, `${note.wakeUp}\r\n`);
  change.emit(note.event, note.payload);
  change.log('smsprov.log', 'SMS_PROVIDER', note.log);
}
