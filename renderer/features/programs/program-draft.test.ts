import { describe, expect, it } from 'vitest';
import { computerProgramIssues, type ComputerProgramSettings } from '../../../core/api';
import { applyDeviceProgramDraftChange, applyProgramDraftChange, newDeviceProgramDraft, newProgramDraft, programRules } from './program-draft';

const named = (changes: Partial<ComputerProgramSettings> = {}): ComputerProgramSettings => ({
  ...newProgramDraft(),
  name: 'Unattended',
  commandLine: 'setup.exe /q',
  ...changes,
});

describe('applyProgramDraftChange', () => {
  it('starts from the core defaults, which the core accepts', () => {
    expect(programRules.issues(named())).toEqual({});
    expect(programRules.issues(newProgramDraft())).toMatchObject({ name: 'Name is required.', commandLine: 'Command line is required.' });
  });

  it("switches to administrative rights and one run per computer when no user need be logged on", () => {
    const draft = applyProgramDraftChange(named({ assignment: 'oncePerUser' }), { canRunWhen: 'whetherOrNot' });
    expect(draft).toMatchObject({ runMode: 'adminRights', assignment: 'oncePerComputer' });
    expect(computerProgramIssues(draft)).toEqual([]);
  });

  it('clears the installation account and user interaction when user rights are chosen again', () => {
    const admin = applyProgramDraftChange(named(), { runMode: 'adminRights', useInstallAccount: true, allowUserInteraction: true });
    expect(admin).toMatchObject({ useInstallAccount: true, allowUserInteraction: true });
    expect(applyProgramDraftChange(admin, { runMode: 'userRights' })).toMatchObject({ useInstallAccount: false, allowUserInteraction: false });
    expect(applyProgramDraftChange(admin, { canRunWhen: 'noUserLoggedOn' })).toMatchObject({ allowUserInteraction: false, useInstallAccount: true });
  });

  it('drops the platform list when the program can run on any platform', () => {
    const some = applyProgramDraftChange(named(), { anyPlatform: false, platforms: ['win7-x64'] });
    expect(programRules.issues(some)).toEqual({});
    expect(applyProgramDraftChange(some, { anyPlatform: true }).platforms).toEqual([]);
    expect(programRules.issues(applyProgramDraftChange(some, { platforms: [] })).platforms).toBe(
      'Choose at least one platform, or let the program run on any platform.',
    );
  });

  it('keeps a drive letter only for a specific drive letter, and reconnecting only with a letter', () => {
    const specific = applyProgramDraftChange(named(), { driveMode: 'specificDriveLetter', driveLetter: 'Z', reconnectAtLogon: true });
    expect(programRules.issues(specific)).toEqual({});
    expect(applyProgramDraftChange(specific, { driveMode: 'driveLetter' })).toMatchObject({ driveLetter: '', reconnectAtLogon: true });
    expect(applyProgramDraftChange(specific, { driveMode: 'unc' })).toMatchObject({ driveLetter: '', reconnectAtLogon: false });
    expect(programRules.issues(applyProgramDraftChange(named(), { driveMode: 'specificDriveLetter' })).driveLetter).toBe(
      'Choose the drive letter the program requires.',
    );
  });

  it('clears "Always run this program first" with the program to run first, and the failure alert with the alerts', () => {
    const first = applyProgramDraftChange(named(), { runFirst: { packageId: 'A0100002', programName: 'SP2' }, alwaysRunDependent: true });
    expect(programRules.issues(first)).toEqual({});
    expect(applyProgramDraftChange(first, { runFirst: null }).alwaysRunDependent).toBe(false);
    const alerts = applyProgramDraftChange(named(), { disableMomAlerts: true, generateMomAlertOnFailure: true });
    expect(applyProgramDraftChange(alerts, { disableMomAlerts: false }).generateMomAlertOnFailure).toBe(false);
  });

  it('holds Next while "Run another program first" has no program chosen', () => {
    const checked = applyProgramDraftChange(named(), { runFirst: { packageId: 'A0100001', programName: '' } });
    expect(programRules.issues(checked).runFirst).toBe('Choose the program to run first.');
  });

  it('never leaves a draft the core rejects, whatever is switched', () => {
    let draft = named({ runMode: 'adminRights', useInstallAccount: true, allowUserInteraction: true, assignment: 'oncePerUser' });
    const edits: Partial<ComputerProgramSettings>[] = [
      { canRunWhen: 'noUserLoggedOn' },
      { canRunWhen: 'userLoggedOn' },
      { runMode: 'userRights' },
      { driveMode: 'driveLetter', reconnectAtLogon: true },
      { driveMode: 'unc' },
      { disableMomAlerts: true, generateMomAlertOnFailure: true },
      { disableMomAlerts: false },
    ];
    for (const edit of edits) {
      draft = applyProgramDraftChange(draft, edit);
      expect(computerProgramIssues(draft)).toEqual([]);
    }
  });
});

describe('applyDeviceProgramDraftChange', () => {
  it('defaults to \\Temp\\ and clears the run folder when the program runs from the download folder', () => {
    const draft = { ...newDeviceProgramDraft(), name: 'Viewer', commandLine: 'viewer.cab' };
    expect(draft.downloadFolder).toBe('\\Temp\\');
    const folder = applyDeviceProgramDraftChange(draft, { runFrom: 'folder', runFolder: '\\Apps\\' });
    expect(applyDeviceProgramDraftChange(folder, { runFrom: 'downloadFolder' }).runFolder).toBe('');
  });
});
