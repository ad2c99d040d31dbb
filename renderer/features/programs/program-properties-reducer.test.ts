import { describe, expect, it } from 'vitest';
import { computerProgramDefaults, deviceProgramDefaults, type ProgramDto } from '../../../core/api';
import { programProperties, type ProgramPropertiesAction, type ProgramPropertiesState, type ReadyProgramState } from './program-properties-reducer';

const { blockingProblem, initialState: initialProgramPropertiesState, isDirty, pendingChanges, reducer: programPropertiesReducer, propertiesIssues } =
  programProperties;

const suite = { packageId: 'A0100001', programFlags: 0, diskSpaceReq: 'Unknown', dependentProgram: '', createdAt: '', lastModified: '' };
const computer: ProgramDto = { ...computerProgramDefaults, ...suite, kind: 'computer', name: 'Setup', commandLine: 'setup.exe' };
const device: ProgramDto = { ...deviceProgramDefaults, ...suite, kind: 'device', name: 'Viewer', commandLine: 'viewer.cab', deviceFlags: 0 };

function run(program: ProgramDto, ...actions: ProgramPropertiesAction[]): ReadyProgramState {
  const state = [{ type: 'loaded', saved: program } as ProgramPropertiesAction, ...actions].reduce<ProgramPropertiesState>(
    programPropertiesReducer,
    initialProgramPropertiesState,
  );
  if (state.kind !== 'ready') throw new Error('not ready');
  return state;
}

describe('program Properties', () => {
  it('sends only what changed, a rename included', () => {
    const state = run(computer, { type: 'edit', changes: { name: 'Silent', run: 'hidden' } });
    expect(pendingChanges(state)).toEqual({ name: 'Silent', run: 'hidden' });
    expect(isDirty(run(computer))).toBe(false);
  });

  it('applies the same draft rules as the wizard, and names the tab a problem is on', () => {
    const state = run(computer, { type: 'edit', changes: { runMode: 'adminRights', useInstallAccount: true } }, { type: 'edit', changes: { canRunWhen: 'userLoggedOn', runMode: 'userRights' } });
    expect(state.draft.settings).toMatchObject({ useInstallAccount: false });
    const blocked = run(computer, { type: 'edit', changes: { anyPlatform: false } });
    expect(blockingProblem(blocked)).toEqual({
      tab: 'requirements',
      message: 'Choose at least one platform, or let the program run on any platform.',
      field: 'platforms',
      fieldLabel: 'This program can run only on specified client platforms',
    });
  });

  it('edits a device program with the device rules and tabs', () => {
    const state = run(device, { type: 'edit', changes: { runFrom: 'folder' } });
    expect(blockingProblem(state)).toEqual({
      tab: 'general',
      message: 'Give the folder the program runs from.',
      field: 'runFolder',
      fieldLabel: 'Run command line from this folder',
    });
    const fixed = programPropertiesReducer(state, { type: 'edit', changes: { runFrom: 'downloadFolder' } }) as ReadyProgramState;
    expect(pendingChanges(fixed)).toEqual({});
  });

  it('puts a core error on changes.x at its field and opens its tab', () => {
    let state = run(computer, { type: 'selectTab', tab: 'mom' }, { type: 'edit', changes: { name: 'Typical' } }, { type: 'saveStarted' });
    state = programPropertiesReducer(state, {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'Package A0100001 already has a program named "Typical".', field: 'changes.name' },
    }) as ReadyProgramState;
    expect(state.tab).toBe('general');
    expect(propertiesIssues(state).name).toContain('already has a program');
    state = programPropertiesReducer(state, { type: 'edit', changes: { name: 'Custom' } }) as ReadyProgramState;
    expect(state.error).toBeNull();
  });
});
