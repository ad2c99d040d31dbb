import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { packageSettingsSchema, type PackageSettings } from '../../../core/api';
import { fakeCourier, type FakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { DataAccessPage } from './data-access-page';
import { DataSourcePage } from './data-source-page';
import { DistributionSettingsPage } from './distribution-settings-page';
import { GeneralPage } from './general-page';
import { applyDraftChange, draftIssues, newPackageDraft } from './package-draft';
import type { PackagePageProps } from './package-page-props';
import { ReportingPage } from './reporting-page';


/** Renders a page over a live draft, the way the wizard and the property sheet own it. */
function Harness({ Page, initial, onDraft }: {
  readonly Page: (props: PackagePageProps) => React.ReactNode;
  readonly initial: PackageSettings;
  readonly onDraft: (draft: PackageSettings) => void;
}) {
  const [draft, setDraft] = useState(initial);
  return (
    <Page
      draft={draft}
      issues={draftIssues(draft)}
      onChange={(changes) => {
        const next = applyDraftChange(draft, changes);
        setDraft(next);
        onDraft(next);
      }}
    />
  );
}

function renderPage(Page: (props: PackagePageProps) => React.ReactNode, initial: Partial<PackageSettings> = {}, courier?: FakeCourier) {
  const drafts: PackageSettings[] = [];
  renderWithCourier(<Harness Page={Page} initial={{ ...newPackageDraft(), name: 'Office', ...initial }} onDraft={(d) => drafts.push(d)} />, courier);
  return { latest: () => drafts[drafts.length - 1] };
}

describe('Data Source page', () => {
  it('edits the update schedule in the Custom Schedule dialog, offering intervals only', async () => {
    const courier = fakeCourier({ 'schedules:next': () => Promise.resolve({ ok: true, value: { runs: [{ at: '2026-12-03T00:00:00.000Z', schedules: [0] }] } }) });
    const schedule = { start: '2026-12-02T22:00', every: 1, unit: 'days', utc: false } as const;
    const { latest } = renderPage(DataSourcePage, { containsSourceFiles: true, sourceDirectory: '\\\\fs01\\office', updateSchedule: schedule }, courier);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Update schedule').textContent).toBe('Every day from 2026-12-02 22:00 local');
    await user.click(screen.getByRole('button', { name: 'Schedule…' }));
    const dialog = screen.getByRole('dialog', { name: 'Custom Schedule' });
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['interval']);
    await user.click(within(dialog).getByRole('combobox', { name: 'Interval unit' }));
    await user.click(screen.getByRole('option', { name: 'hours' }));
    const every = within(dialog).getByRole('spinbutton');
    await user.clear(every);
    await user.type(every, '6');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(latest()?.updateSchedule).toEqual({ start: '2026-12-02T22:00', every: 6, unit: 'hours', utc: false });
    expect(screen.getByLabelText('Update schedule').textContent).toBe('Every 6 hours from 2026-12-02 22:00 local');
  });
});

describe('General page', () => {
  it('labels every input with the console\'s wording and shows the full package name', async () => {
    const { latest } = renderPage(GeneralPage);
    const user = userEvent.setup();
    for (const label of ['Name', 'Version', 'Publisher', 'Language', 'Comment']) {
      expect(screen.getByRole('textbox', { name: label })).toBeTruthy();
    }
    await user.type(screen.getByRole('textbox', { name: 'Version' }), '2007');
    await user.type(screen.getByRole('textbox', { name: 'Publisher' }), 'Microsoft');
    expect(latest()?.version).toBe('2007');
    expect(screen.getByTitle('Full package name').textContent).toBe('Microsoft Office 2007');
  });

  it('says Name is required when it is emptied', async () => {
    renderPage(GeneralPage);
    await userEvent.setup().clear(screen.getByRole('textbox', { name: 'Name' }));
    expect(screen.getByText('Name is required.')).toBeTruthy();
  });
});

describe('Data Access page', () => {
  it('enables the disconnect settings with their checkbox', async () => {
    const { latest } = renderPage(DataAccessPage);
    const user = userEvent.setup();
    const grace = screen.getByRole('spinbutton', { name: 'User grace period (minutes)' }) as HTMLInputElement;
    const retries = screen.getByRole('spinbutton', { name: 'Number of retries before disconnecting users' }) as HTMLInputElement;
    expect(grace.disabled).toBe(true);
    expect(grace.value).toBe('5');
    expect(retries.value).toBe('2');
    await user.click(screen.getByRole('checkbox', { name: 'Disconnect users from distribution points' }));
    expect(grace.disabled).toBe(false);
    expect(latest()?.disconnectUsers).toBe(true);
  });

  it('asks for a share in the right form and clears it when the common share is chosen again', async () => {
    const { latest } = renderPage(DataAccessPage);
    const user = userEvent.setup();
    const share = screen.getByRole('textbox', { name: /Share name/ }) as HTMLInputElement;
    expect(share.disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Share the distribution folder' }));
    expect(screen.getByText('Type the share: \\\\server\\share or \\\\server\\share\\path.')).toBeTruthy();
    await user.type(share, '\\\\dp1\\apps');
    expect(latest()?.shareFolder).toBe('\\\\dp1\\apps');
    await user.click(screen.getByRole('radio', { name: 'Access the distribution folder through common ConfigMgr package share' }));
    expect(latest()?.shareFolder).toBe('');
    expect(packageSettingsSchema.safeParse(latest()).success).toBe(true);
  });
});

describe('Distribution Settings page', () => {
  it('allows the protected-boundaries option only with automatic download, and clears it otherwise', async () => {
    const { latest } = renderPage(DistributionSettingsPage);
    const user = userEvent.setup();
    const onProtected = screen.getByRole('checkbox', {
      name: 'Make this package available on protected distribution points when requested by clients inside the protected boundaries',
    }) as HTMLInputElement;
    await user.click(onProtected);
    expect(latest()?.availableOnProtectedOnRequest).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Administrator manually copies this package to branch distribution points' }));
    expect(latest()?.availableOnProtectedOnRequest).toBe(false);
    expect(onProtected.disabled).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Sending priority' }).textContent).toContain('Medium');
    expect(screen.getByRole('combobox', { name: 'Preferred sender' }).textContent).toContain('<No Preference>');
  });
});

describe('Reporting page', () => {
  it('enables the MIF fields only for "Use these fields for status MIF matching"', async () => {
    const { latest } = renderPage(ReportingPage);
    const user = userEvent.setup();
    const fileName = screen.getByRole('textbox', { name: 'MIF file name' }) as HTMLInputElement;
    expect(fileName.disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Use these fields for status MIF matching' }));
    await user.type(fileName, 'office.mif');
    expect(latest()?.mifFileName).toBe('office.mif');
    await user.click(screen.getByRole('radio', { name: 'Use package properties for status MIF matching' }));
    expect(latest()?.mifFileName).toBe('');
  });
});
