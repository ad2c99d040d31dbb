import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ComputerProgramSettings } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { adminInteractionWarning } from './program-labels';
import { newProgramDraft, programRules } from './program-draft';
import type { ProgramPageProps } from './program-page-props';
import { ProgramSettingsPage } from './program-settings-page';
import type { ProgramSettingPageId } from './program-fields';

function Harness({ page, initial, onDraft }: {
  readonly page: ProgramSettingPageId;
  readonly initial: ComputerProgramSettings;
  readonly onDraft: (draft: ComputerProgramSettings) => void;
}): ReactNode {
  const [draft, setDraft] = useState(initial);
  const props: ProgramPageProps = {
    draft,
    issues: programRules.issues(draft),
    packageId: 'A0100001',
    onChange: (changes) => {
      const next = programRules.apply(draft, changes);
      setDraft(next);
      onDraft(next);
    },
  };
  return <ProgramSettingsPage page={page} {...props} />;
}

function renderPage(page: ProgramSettingPageId, initial: Partial<ComputerProgramSettings> = {}) {
  const drafts: ComputerProgramSettings[] = [];
  renderWithCourier(
    <Harness page={page} initial={{ ...newProgramDraft(), name: 'Setup', commandLine: 'setup.exe', ...initial }} onDraft={(d) => drafts.push(d)} />,
    fakeCourier({ 'programs:list': async () => ({ ok: true, value: [] }) }),
  );
  return { latest: () => drafts[drafts.length - 1] };
}

describe('program pages', () => {
  it('General: labels in the console\'s words', async () => {
    const { latest } = renderPage('general');
    for (const label of ['Name', 'Comment', 'Command line', 'Start in']) expect(screen.getByRole('textbox', { name: label })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Run' })).toBeTruthy();
    const after = screen.getByRole('combobox', { name: 'After running' });
    const user = userEvent.setup();
    await user.click(after);
    for (const option of ['No action required', 'ConfigMgr restarts computer', 'Program restarts computer', 'ConfigMgr logs user off']) {
      expect(screen.getByRole('option', { name: option })).toBeTruthy();
    }
    await user.click(screen.getByRole('option', { name: 'ConfigMgr logs user off' }));
    expect(latest()?.afterRunning).toBe('configMgrLogsOff');
  });

  it('Environment: disables user rights when no user need be logged on, and warns about interaction with admin rights', async () => {
    renderPage('environment');
    const user = userEvent.setup();
    const userRights = screen.getByRole('radio', { name: "Run with user's rights" });
    expect((userRights as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Use Software Installation Account' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('combobox', { name: 'Program can run' }));
    await user.click(screen.getByRole('option', { name: 'Whether or not a user is logged on' }));
    expect((screen.getByRole('radio', { name: "Run with user's rights" }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: 'Run with administrative rights' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Allow users to interact with this program' }));
    expect(screen.getByText(adminInteractionWarning)).toBeTruthy();
    for (const name of ['Runs with UNC name', 'Requires drive letter', 'Requires specific drive letter']) {
      expect(screen.getByRole('radio', { name })).toBeTruthy();
    }
    expect((screen.getByRole('checkbox', { name: 'Reconnect to distribution point at logon' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('Requirements: the platform list is enabled only for specified platforms', async () => {
    const { latest } = renderPage('requirements');
    const user = userEvent.setup();
    const win7 = screen.getByRole('checkbox', { name: 'All x64 Windows 7' }) as HTMLInputElement;
    expect(win7.disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'This program can run only on specified client platforms' }));
    await user.click(screen.getByRole('checkbox', { name: 'All x64 Windows 7' }));
    expect(latest()).toMatchObject({ anyPlatform: false, platforms: ['win7-x64'] });
    expect(screen.getByRole('group', { name: 'Maximum allowed run time (minutes)' })).toBeTruthy();
  });

  it('Advanced and MOM Maintenance Mode: the console\'s options', () => {
    renderPage('advanced');
    for (const name of [
      'Run another program first',
      'Always run this program first',
      'Suppress program notifications',
      'Disable this program on clients where it is advertised',
      'Allow this program to be installed from the Install Software task sequence without being advertised',
    ]) {
      expect(screen.getByRole('checkbox', { name })).toBeTruthy();
    }
    expect(screen.getByRole('radio', { name: 'Run once for the computer' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Run once for every user who logs on' })).toBeTruthy();
  });

  it('MOM Maintenance Mode: the alert on failure needs alerts disabled first', async () => {
    const { latest } = renderPage('mom');
    const failure = screen.getByRole('checkbox', { name: 'Generate Operations Manager alert if this program fails' }) as HTMLInputElement;
    expect(failure.disabled).toBe(true);
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Disable Operations Manager alerts while this program runs' }));
    expect(latest()?.disableMomAlerts).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Generate Operations Manager alert if this program fails' }) as HTMLInputElement).disabled).toBe(false);
  });
});
