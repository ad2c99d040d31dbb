import type { PackageDto } from '../api';
import { encodeIntervalToken } from '../formats/schedule-token';
import { pkgFlagsOf, pkgSourceFlagOf, priorityOf, shareTypeOf } from './package-fields';

/** A package as stored: everything but the suite's fields derived from it. */
export type StoredPackage = Omit<PackageDto, 'pkgFlags' | 'pkgSourceFlag' | 'shareType' | 'shareName' | 'priority' | 'refreshSchedule'>;

/** The package as the contract shows it; services and site components both send it in `packages:changed`. */
export function packageDtoOf(record: StoredPackage): PackageDto {
  // packageId first, as every record has it (the table's first column, and first in a new
  // record): it is what an admin looks for in JSON output. One spread of the record is the
  // fastest copy V8 makes, which matters when 100,000 packages are listed; rest destructuring or
  // a second spread costs two to four times as much.
  return {
    ...record,
    pkgFlags: pkgFlagsOf(record),
    pkgSourceFlag: pkgSourceFlagOf(record),
    shareType: shareTypeOf(record),
    shareName: record.shareFolder,
    priority: priorityOf(record),
    refreshSchedule: record.updateSchedule ? encodeIntervalToken(record.updateSchedule) : '',
  };
}
