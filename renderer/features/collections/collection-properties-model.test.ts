import { describe, expect, it } from 'vitest';
import { collectionProperties } from './collection-properties-model';
import { testCollection } from './test-collections';

const model = collectionProperties;
const saved = testCollection('A0100010', 'Pilot', { comment: 'First wave', limitToCollectionId: 'SMS00001' });

function loaded() {
  return model.reducer(model.initialState, { type: 'loaded', saved });
}

describe('collection Properties', () => {
  it('sends only what changed, with no limit as null', () => {
    let state = loaded();
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(model.isDirty(state)).toBe(false);
    state = model.reducer(state, { type: 'edit', changes: { comment: '  Second wave ', limitToCollectionId: '' } });
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(model.pendingChanges(state)).toEqual({ comment: 'Second wave', limitToCollectionId: null });
  });

  it('blocks OK on an empty name, and puts the core\'s refusal at its field and tab', () => {
    let state = model.reducer(loaded(), { type: 'edit', changes: { name: '  ' } });
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(model.blockingProblem(state)).toMatchObject({ field: 'name', tab: 'general', message: 'A collection needs a name.' });
    state = model.reducer(state, { type: 'edit', changes: { name: 'All Systems' } });
    state = model.reducer(state, { type: 'selectTab', tab: 'rules' });
    state = model.reducer(state, { type: 'saveStarted' });
    state = model.reducer(state, { type: 'saveFailed', error: { code: 'CONFLICT', message: 'A collection named All Systems already exists.', field: 'changes.name' } });
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(state.tab).toBe('general');
    expect(model.propertiesIssues(state).name).toBe('A collection named All Systems already exists.');
  });

  it('sends the schedule and the whole window list when they change, and puts a window\'s refusal on its tab', () => {
    let state = loaded();
    const window = { name: 'Nightly', schedule: '00012CC0001A2000', durationMinutes: 90, enabled: true };
    state = model.reducer(state, { type: 'edit', changes: { membershipSchedule: '00012CC0001A2000', maintenanceWindows: [window] } });
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(model.pendingChanges(state)).toEqual({ membershipSchedule: '00012CC0001A2000', maintenanceWindows: [window] });
    state = model.reducer(state, { type: 'saveStarted' });
    state = model.reducer(state, { type: 'saveFailed', error: { code: 'VALIDATION_FAILED', message: 'Two maintenance windows are named Nightly.', field: 'changes.maintenanceWindows.1.name' } });
    if (state.kind !== 'ready') throw new Error('not ready');
    expect(state.tab).toBe('windows');
    expect(model.propertiesIssues(state).maintenanceWindows).toBe('Two maintenance windows are named Nightly.');
  });
});
