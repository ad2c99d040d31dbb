import { describe, expect, it } from 'vitest';
import type { ComputerProgramSettings, ProgramDto } from '../../../core/api';
import { newProgramDraft, programRules } from './program-draft';
import type { ProgramSettingPageId } from './program-fields';
import {
  canGoNext,
  canJumpToSummary,
  initialWizardState,
  pageProblem,
  settingsWizardReducer,
  visibleIssues,
  wizardPages,
  type SettingsWizardAction,
  type SettingsWizardState,
} from './settings-wizard-reducer';

type State = SettingsWizardState<ComputerProgramSettings, ProgramSettingPageId, ProgramDto>;
type Action = SettingsWizardAction<ComputerProgramSettings, ProgramSettingPageId, ProgramDto>;

const reduce = (state: State, action: Action): State => settingsWizardReducer(programRules, state, action);
const run = (...actions: Action[]): State => actions.reduce(reduce, initialWizardState<ComputerProgramSettings, ProgramSettingPageId, ProgramDto>(programRules, newProgramDraft()));

const named: Action = { type: 'edit', changes: { name: 'Unattended', commandLine: 'setup.exe /q' } };
const next: Action = { type: 'next' };
const created = { packageId: 'A0100001', name: 'Unattended' } as ProgramDto;

describe('New Program Wizard', () => {
  it('has the New Program Wizard\'s pages in order', () => {
    expect(wizardPages(programRules)).toEqual([
      'general',
      'requirements',
      'environment',
      'advanced',
      'windowsInstaller',
      'mom',
      'summary',
      'confirmation',
    ]);
  });

  it('holds Next on General until Name and Command line are given', () => {
    const empty = run();
    expect(canGoNext(programRules, empty)).toBe(false);
    expect(pageProblem(programRules, empty)).toEqual({ field: 'name', message: 'Name is required.' });
    expect(reduce(empty, next).page).toBe('general');
    expect(run(named, next).page).toBe('requirements');
  });

  it('walks every page to Summary, and Summary\'s Next only creates', () => {
    let state = run(named);
    const visited: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      visited.push(state.page);
      state = reduce(state, next);
    }
    expect(visited).toEqual(['general', 'requirements', 'environment', 'advanced', 'windowsInstaller', 'mom']);
    expect(state.page).toBe('summary');
    expect(reduce(state, next)).toBe(state);
    const creating = reduce(state, { type: 'createStarted' });
    expect(creating.submission.kind).toBe('creating');
    const done = reduce(creating, { type: 'createSucceeded', result: created });
    expect(done.page).toBe('confirmation');
    expect(reduce(done, { type: 'previous' }).page).toBe('confirmation');
  });

  it('gates a page on the New Program Wizard\'s rules and shows a problem inline once its field is touched', () => {
    const state = run(named, next, { type: 'edit', changes: { anyPlatform: false } });
    expect(state.page).toBe('requirements');
    expect(canGoNext(programRules, state)).toBe(false);
    expect(canJumpToSummary(programRules, state)).toBe(false);
    // Not touched yet: the footer says it, not the field.
    expect(visibleIssues(programRules, state).platforms).toBeUndefined();
    const chosen = reduce(state, { type: 'edit', changes: { platforms: ['win7-x86'] } });
    expect(canGoNext(programRules, chosen)).toBe(true);
    const cleared = reduce(chosen, { type: 'edit', changes: { platforms: [] } });
    expect(visibleIssues(programRules, cleared).platforms).toBe('Choose at least one platform, or let the program run on any platform.');
  });

  it('clears dependent values through the draft rules as the user edits', () => {
    const state = run(named, { type: 'edit', changes: { runMode: 'adminRights', useInstallAccount: true } }, { type: 'edit', changes: { runMode: 'userRights' } });
    expect(state.draft.useInstallAccount).toBe(false);
    expect(canGoNext(programRules, state)).toBe(true);
  });

  it('takes a core error on program.x or changes.x back to its page, shown at its field', () => {
    let state = run(named);
    for (let i = 0; i < 6; i += 1) state = reduce(state, next);
    state = reduce(state, { type: 'createStarted' });
    state = reduce(state, { type: 'createFailed', error: { code: 'CONFLICT', message: 'Package A0100001 already has a program named "Unattended".', field: 'program.name' } });
    expect(state.page).toBe('confirmation');
    expect(state.submission).toMatchObject({ kind: 'failed', field: 'name' });
    state = reduce(state, { type: 'fixProblem' });
    expect(state.page).toBe('general');
    expect(visibleIssues(programRules, state).name).toContain('already has a program');
    state = reduce(state, { type: 'edit', changes: { name: 'Silent' } });
    expect(visibleIssues(programRules, state).name).toBeUndefined();
  });

  it('goes back to Summary when the core names no field', () => {
    let state = run(named, { type: 'summary' });
    expect(state.page).toBe('summary');
    state = reduce(reduce(state, { type: 'createStarted' }), { type: 'createFailed', error: { code: 'INTERNAL', message: 'Disk full.' } });
    expect(reduce(state, { type: 'fixProblem' }).page).toBe('summary');
  });

  it('jumps back on the rail but never forward', () => {
    const state = run(named, next, next);
    expect(reduce(state, { type: 'jumpTo', page: 'general' }).page).toBe('general');
    expect(reduce(state, { type: 'jumpTo', page: 'mom' }).page).toBe('environment');
  });
});
