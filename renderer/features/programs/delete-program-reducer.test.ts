import { describe, expect, it } from 'vitest';
import { canDelete, deleteProgramReducer, deletesAdvertisements, initialDeleteProgramState } from './delete-program-reducer';

describe('Delete Program Wizard', () => {
  it('deletes from General when the program has no advertisements', () => {
    const started = deleteProgramReducer(initialDeleteProgramState, { type: 'deleteStarted' });
    expect(started.busy).toBe(true);
    expect(deletesAdvertisements(started)).toBe(false);
    const done = deleteProgramReducer(started, {
      type: 'deleted',
      result: { packageId: 'A0100001', programName: 'Setup', deletedAdvertisements: [] },
    });
    expect(done.page).toBe('confirmation');
    expect(canDelete(done)).toBe(false);
  });

  it('lists the advertisements and asks once more before deleting them too', () => {
    let state = deleteProgramReducer(initialDeleteProgramState, { type: 'deleteStarted' });
    state = deleteProgramReducer(state, {
      type: 'failed',
      error: { code: 'CONFLICT', message: 'Program Setup is advertised (A0120001).', field: 'deleteAdvertisements' },
    });
    expect(state.page).toBe('advertisements');
    expect(state.advertisements).toContain('A0120001');
    expect(canDelete(state)).toBe(false);
    state = deleteProgramReducer(state, { type: 'confirm', confirmed: true });
    expect(canDelete(state)).toBe(true);
    expect(deletesAdvertisements(state)).toBe(true);
  });

  it('shows any other refusal in the core\'s words where the user is', () => {
    let state = deleteProgramReducer(initialDeleteProgramState, { type: 'deleteStarted' });
    state = deleteProgramReducer(state, {
      type: 'failed',
      error: { code: 'CONFLICT', message: 'Program Setup cannot be deleted: Office runs it first.', field: 'programName' },
    });
    expect(state).toMatchObject({ page: 'general', busy: false, error: 'Program Setup cannot be deleted: Office runs it first.' });
    expect(canDelete(state)).toBe(true);
  });
});
