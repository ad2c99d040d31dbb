import { describe, expect, it } from 'vitest';
import { packageDefaults, PkgFlags, type PackageSettings } from '../api';
import { pkgFlagsOf, pkgSourceFlagOf, priorityOf, shareTypeOf } from './package-fields';

const base: PackageSettings = { ...packageDefaults, name: 'Contoso Viewer' };

describe('the suite numeric package fields', () => {
  it('gives a default package PkgSourceFlag 1, ShareType 1, Priority 2 and no PkgFlags', () => {
    expect([pkgSourceFlagOf(base), shareTypeOf(base), priorityOf(base), pkgFlagsOf(base)]).toEqual([1, 1, 2, 0]);
  });

  it('maps the data source options to STORAGE_DIRECT and STORAGE_COMPRESS', () => {
    expect(pkgSourceFlagOf({ containsSourceFiles: true, sourceOption: 'direct' })).toBe(2);
    expect(pkgSourceFlagOf({ containsSourceFiles: true, sourceOption: 'compressed' })).toBe(3);
    expect(pkgSourceFlagOf({ containsSourceFiles: false, sourceOption: 'compressed' })).toBe(1);
  });

  it('maps a shared distribution folder to SHARE_SPECIFIC and priorities to 1-3', () => {
    expect(shareTypeOf({ dataAccess: 'shareFolder' })).toBe(2);
    expect(['high', 'medium', 'low'].map((p) => priorityOf({ sendingPriority: p as PackageSettings['sendingPriority'] }))).toEqual([1, 2, 3]);
  });

  it('sets each PkgFlags bit from its own option and combines them', () => {
    expect(pkgFlagsOf({ ...base, branchContent: 'administratorCopies' })).toBe(PkgFlags.DO_NOT_DOWNLOAD);
    expect(pkgFlagsOf({ ...base, persistInClientCache: true })).toBe(0x02000000);
    expect(pkgFlagsOf({ ...base, binaryDifferentialReplication: true })).toBe(0x04000000);
    expect(pkgFlagsOf({ ...base, mifMatching: 'customFields' })).toBe(0x20000000);
    expect(pkgFlagsOf({ ...base, availableOnProtectedOnRequest: true })).toBe(0x40000000);
    expect(
      pkgFlagsOf({ ...base, persistInClientCache: true, binaryDifferentialReplication: true, mifMatching: 'customFields', availableOnProtectedOnRequest: true }),
    ).toBe(0x66000000);
  });
});
