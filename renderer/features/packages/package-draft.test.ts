import { describe, expect, it } from 'vitest';
import { fullPackageName, packageSettingsSchema, type PackageDto, type PackageSettings } from '../../../core/api';
import {
  applyDraftChange,
  changedSettings,
  draftIssues,
  fieldsTouchedBy,
  newPackageDraft,
  settingsFromPackage,
} from './package-draft';
import { fieldFromErrorPath } from './package-fields';

const schedule = { start: '2026-11-26T22:00', every: 1, unit: 'days' as const, utc: false };

function validDraft(overrides: Partial<PackageSettings> = {}): PackageSettings {
  return { ...newPackageDraft(), name: 'Office', ...overrides };
}

describe('a new draft', () => {
  it('has the New Package Wizard\'s defaults and is invalid only for the missing Name', () => {
    const draft = newPackageDraft();
    expect(draft.sourceOption).toBe('direct');
    expect(draft.userGracePeriod).toBe(5);
    expect(draftIssues(draft)).toEqual({ name: 'Name is required.' });
  });
});

describe('applyDraftChange clears what a control disables', () => {
  const full = validDraft({
    containsSourceFiles: true,
    sourceDirectory: '\\\\server\\share\\office',
    updateSchedule: schedule,
    dataAccess: 'shareFolder',
    shareFolder: '\\\\server\\apps',
    availableOnProtectedOnRequest: true,
    mifMatching: 'customFields',
    mifFileName: 'office.mif',
    mifName: 'Office',
    mifVersion: '12',
    mifPublisher: 'Microsoft',
  });

  it('starts from a draft the core accepts', () => {
    expect(packageSettingsSchema.safeParse(full).success).toBe(true);
  });

  it('unchecking source files clears the source directory and the update schedule', () => {
    const next = applyDraftChange(full, { containsSourceFiles: false });
    expect(next.sourceDirectory).toBe('');
    expect(next.updateSchedule).toBeNull();
    expect(packageSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('a compressed copy clears the update schedule but keeps the directory', () => {
    const next = applyDraftChange(full, { sourceOption: 'compressed' });
    expect(next.updateSchedule).toBeNull();
    expect(next.sourceDirectory).toBe('\\\\server\\share\\office');
    expect(packageSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('the common package share clears the share name', () => {
    const next = applyDraftChange(full, { dataAccess: 'commonShare' });
    expect(next.shareFolder).toBe('');
    expect(packageSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('manual copies to branch distribution points clear the protected-on-request option', () => {
    const next = applyDraftChange(full, { branchContent: 'administratorCopies' });
    expect(next.availableOnProtectedOnRequest).toBe(false);
    expect(packageSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('using package properties for MIF matching clears the MIF fields', () => {
    const next = applyDraftChange(full, { mifMatching: 'packageProperties' });
    expect([next.mifFileName, next.mifName, next.mifVersion, next.mifPublisher]).toEqual(['', '', '', '']);
    expect(packageSettingsSchema.safeParse(next).success).toBe(true);
  });

  it('does not touch the original draft', () => {
    applyDraftChange(full, { containsSourceFiles: false });
    expect(full.sourceDirectory).toBe('\\\\server\\share\\office');
  });
});

describe('draftIssues reuses the core rules', () => {
  it('asks for a source directory once the package contains source files', () => {
    const issues = draftIssues(validDraft({ containsSourceFiles: true }));
    expect(issues.sourceDirectory).toBe('Set the source directory: this package contains source files.');
  });

  it('checks the share form', () => {
    const issues = draftIssues(validDraft({ dataAccess: 'shareFolder', shareFolder: 'apps' }));
    expect(issues.shareFolder).toMatch(/UNC path/);
  });

  it('keys schedule problems by the schedule field', () => {
    const issues = draftIssues(
      validDraft({ containsSourceFiles: true, sourceDirectory: 'C:\\Sources', updateSchedule: { ...schedule, unit: 'hours', every: 30 } }),
    );
    expect(issues.updateSchedule).toBe('An interval in hours can be at most 23.');
  });
});

describe('fieldsTouchedBy', () => {
  it('includes the read-only source directory once source files are checked', () => {
    expect(fieldsTouchedBy({ containsSourceFiles: true })).toEqual(['containsSourceFiles', 'sourceDirectory']);
    expect(fieldsTouchedBy({ dataAccess: 'shareFolder' })).toEqual(['dataAccess']);
    expect(fieldsTouchedBy({ name: 'x' })).toEqual(['name']);
  });
});

describe('changedSettings', () => {
  it('lists only the fields that differ', () => {
    const saved = validDraft();
    const draft = applyDraftChange(saved, { version: '2007', containsSourceFiles: true, sourceDirectory: 'C:\\Src' });
    expect(changedSettings(saved, draft)).toEqual({ version: '2007', containsSourceFiles: true, sourceDirectory: 'C:\\Src' });
  });

  it('compares schedules by value', () => {
    const saved = validDraft({ containsSourceFiles: true, sourceDirectory: 'C:\\Src', updateSchedule: schedule });
    expect(changedSettings(saved, { ...saved, updateSchedule: { ...schedule } })).toEqual({});
    expect(changedSettings(saved, { ...saved, updateSchedule: { ...schedule, every: 2 } })).toEqual({
      updateSchedule: { ...schedule, every: 2 },
    });
  });
});

describe('settingsFromPackage', () => {
  it('keeps exactly the settings of a package', () => {
    const settings = validDraft({ version: '1.0' });
    const dto: PackageDto = {
      ...settings,
      packageId: 'A0100001',
      sourceVersion: 1,
      sourceDate: '2026-11-26T22:00:00Z',
      createdAt: '2026-11-26T22:00:00Z',
      lastModified: '2026-11-26T22:00:00Z',
      pkgFlags: 0,
      pkgSourceFlag: 1,
      shareType: 1,
      shareName: '',
      priority: 2,
      refreshSchedule: '',
    };
    expect(settingsFromPackage(dto)).toEqual(settings);
    expect(packageSettingsSchema.safeParse(settingsFromPackage(dto)).success).toBe(true);
  });
});

describe('helpers', () => {
  it('builds the full package name from publisher, name, version and language', () => {
    expect(fullPackageName({ publisher: 'Microsoft', name: 'Office', version: '2007', language: 'ENU' })).toBe(
      'Microsoft Office 2007 ENU',
    );
    expect(fullPackageName({ publisher: '', name: 'Office', version: '', language: '' })).toBe('Office');
  });

  it('finds the setting an error path names', () => {
    expect(fieldFromErrorPath('name')).toBe('name');
    expect(fieldFromErrorPath('changes.sourceDirectory')).toBe('sourceDirectory');
    expect(fieldFromErrorPath('updateSchedule.every')).toBe('updateSchedule');
    expect(fieldFromErrorPath('packageId')).toBeUndefined();
    expect(fieldFromErrorPath(undefined)).toBeUndefined();
  });
});
