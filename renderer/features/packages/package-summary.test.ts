import { describe, expect, it } from 'vitest';
import { applyDraftChange, newPackageDraft } from './package-draft';
import { fieldLabels, type PackageField } from './package-fields';
import { packageSummary } from './package-summary';

describe('packageSummary', () => {
  it('describes the defaults in plain words', () => {
    const sections = packageSummary({ ...newPackageDraft(), name: 'Office' });
    expect(sections.map((section) => section.title)).toEqual([
      'General',
      'Data Source',
      'Data Access',
      'Distribution Settings',
      'Reporting',
      'Security',
    ]);
    const rows = Object.fromEntries(sections.flatMap((section) => section.rows).map((row) => [row.label, row.value]));
    expect(rows['Name']).toBe('Office');
    expect(rows['Version']).toBe('(none)');
    expect(rows['Source files']).toBe('None: this package contains no source files');
    expect(rows['Sending priority']).toBe('Medium');
    expect(rows['Preferred sender']).toBe('<No Preference>');
    expect(rows['Disconnect users from distribution points']).toBe('No');
  });

  it('names the source, schedule, share and disconnect settings', () => {
    const draft = applyDraftChange(
      { ...newPackageDraft(), name: 'Office' },
      {
        containsSourceFiles: true,
        sourceDirectory: '\\\\fs1\\sources\\office',
        updateSchedule: { start: '2026-11-26T22:00', every: 2, unit: 'hours', utc: false },
        dataAccess: 'shareFolder',
        shareFolder: '\\\\dp1\\apps\\office',
        disconnectUsers: true,
      },
    );
    const text = packageSummary(draft)
      .flatMap((section) => section.rows)
      .map((row) => `${row.label}: ${row.value}`)
      .join('\n');
    expect(text).toContain('Source files: Yes, from \\\\fs1\\sources\\office');
    expect(text).toContain('Update distribution points on a schedule: Every 2 hours from 2026-11-26 22:00 local');
    expect(text).toContain('Distribution folder: Shared as \\\\dp1\\apps\\office');
    expect(text).toContain('Disconnect users from distribution points: Yes, after 2 retries and a grace period of 5 minutes');
  });

  it('has a label for every setting', () => {
    for (const label of Object.values(fieldLabels) as string[]) expect(label).not.toBe('');
    expect(Object.keys(fieldLabels).sort()).toEqual(Object.keys(newPackageDraft()).sort() as PackageField[]);
  });
});
