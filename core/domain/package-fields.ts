import { PkgFlags, PkgSourceFlag, ShareType, type PackageSettings } from '../api';

/**
 * The suite's numeric package fields, derived from the console's settings, so that tools that
 * compare Courier with the original see the same numbers (SMS_Package; docs/formats.md#package-fields).
 */
export function pkgSourceFlagOf(s: Pick<PackageSettings, 'containsSourceFiles' | 'sourceOption'>): number {
  if (!s.containsSourceFiles) return PkgSourceFlag.STORAGE_NO_SOURCE;
  return s.sourceOption === 'compressed' ? PkgSourceFlag.STORAGE_COMPRESS : PkgSourceFlag.STORAGE_DIRECT;
}

export function shareTypeOf(s: Pick<PackageSettings, 'dataAccess'>): number {
  return s.dataAccess === 'shareFolder' ? ShareType.SHARE_SPECIFIC : ShareType.SHARE_COMMON;
}

export function priorityOf(s: Pick<PackageSettings, 'sendingPriority'>): number {
  switch (s.sendingPriority) {
    case 'high':
      return 1;
    case 'medium':
      return 2;
    case 'low':
      return 3;
  }
}

export function pkgFlagsOf(s: PackageSettings): number {
  let flags = 0;
  if (s.branchContent === 'administratorCopies') flags |= PkgFlags.DO_NOT_DOWNLOAD;
  if (s.persistInClientCache) flags |= PkgFlags.PERSIST_IN_CACHE;
  if (s.binaryDifferentialReplication) flags |= PkgFlags.USE_BINARY_DELTA_REP;
  if (s.mifMatching === 'customFields') flags |= PkgFlags.USE_SPECIAL_MIF;
  if (s.availableOnProtectedOnRequest) flags |= PkgFlags.DISTRIBUTE_ON_DEMAND;
  return flags >>> 0;
}

/** Settings whose change means the content on distribution points must be refreshed. */
export const contentSettings = ['containsSourceFiles', 'sourceDirectory', 'sourceOption'] as const satisfies readonly (keyof PackageSettings)[];
