import { describe, expect, it } from 'vitest';
import type { CollectionDeletedDto } from '../../../core/api';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  deleteBlocked,
  deleteCollectionReducer,
  deletesAdvertisements,
  initialDeleteCollectionState,
  type DeleteCollectionAction,
  type DeleteCollectionState,
} from './delete-collection-reducer';

const run = (...actions: DeleteCollectionAction[]): DeleteCollectionState => actions.reduce(deleteCollectionReducer, initialDeleteCollectionState);
const next: DeleteCollectionAction = { type: 'next' };
const answer: CollectionDeletedDto = { deleted: [{ collectionId: 'A0100010', name: 'Pilot' }], unlinked: [], deletedAdvertisements: [] };

describe('Delete Collection wizard', () => {
  it('walks General, Subcollections and Advertisements to Summary, and only Summary\'s Next deletes', () => {
    const walked = run({ type: 'advertisementsRead', count: 0, round: 0 }, next, next, next);
    expect(walked.page).toBe('summary');
    expect(deleteCollectionReducer(walked, next).page).toBe('summary');
    const deleting = deleteCollectionReducer(walked, { type: 'deleteStarted' });
    expect(deleting.submission.kind).toBe('deleting');
    expect(canGoBack(deleting)).toBe(false);
    expect(deletesAdvertisements(deleting)).toBe(false);
    const done = deleteCollectionReducer(deleting, { type: 'deleted', result: answer });
    expect(done).toMatchObject({ page: 'confirmation', submission: { kind: 'deleted', result: answer } });
    expect(canGoBack(done)).toBe(false);
    expect(canJumpToPage(done, 'general')).toBe(false);
  });

  it('holds Next on Advertisements until they are read and, when there are some, confirmed; then asks for their deletion', () => {
    const reading = run(next, next);
    expect(reading.page).toBe('advertisements');
    expect(canGoNext(reading)).toBe(false);
    expect(deleteBlocked(reading)).toMatch(/Reading/);
    const read = deleteCollectionReducer(reading, { type: 'advertisementsRead', count: 2, round: 0 });
    expect(deleteBlocked(read)).toMatch(/Confirm/);
    expect(deleteCollectionReducer(read, next).page).toBe('advertisements');
    const confirmed = deleteCollectionReducer(read, { type: 'confirm', confirmed: true });
    const summary = deleteCollectionReducer(confirmed, next);
    expect(summary.page).toBe('summary');
    expect(deletesAdvertisements(summary)).toBe(true);
    // Unconfirming on the way back blocks the delete again.
    const back = deleteCollectionReducer(summary, { type: 'previous' });
    expect(deleteCollectionReducer(back, { type: 'confirm', confirmed: false }).confirmed).toBe(false);
  });

  it('goes back to Advertisements when the site server names ones the list lacked, and ignores a reading of the old round', () => {
    const summary = run({ type: 'advertisementsRead', count: 0, round: 0 }, next, next, next, { type: 'deleteStarted' });
    const refused = deleteCollectionReducer(summary, {
      type: 'failed',
      error: { code: 'CONFLICT', field: 'deleteAdvertisements', message: 'Collection A0100010 cannot be deleted while advertisements target it: A0120001 (New) targets A0100010.' },
    });
    expect(refused).toMatchObject({ page: 'advertisements', advertisements: null, confirmed: false, round: 1, submission: { kind: 'editing' } });
    expect(refused.notice).toContain('A0120001');
    expect(deleteCollectionReducer(refused, { type: 'advertisementsRead', count: 0, round: 0 }).advertisements).toBeNull();
    const reread = deleteCollectionReducer(refused, { type: 'advertisementsRead', count: 1, round: 1 });
    expect(reread.advertisements).toBe(1);
    expect(canGoNext(reread)).toBe(false);
  });

  it('shows any other refusal on Confirmation, from which Previous goes back to Summary', () => {
    const summary = run({ type: 'advertisementsRead', count: 0, round: 0 }, next, next, next, { type: 'deleteStarted' });
    const failed = deleteCollectionReducer(summary, { type: 'failed', error: { code: 'CONFLICT', field: 'collectionId', message: 'limited to it' } });
    expect(failed).toMatchObject({ page: 'confirmation', submission: { kind: 'failed' } });
    expect(canGoBack(failed)).toBe(true);
    expect(deleteCollectionReducer(failed, { type: 'previous' })).toMatchObject({ page: 'summary', submission: { kind: 'editing' } });
  });

  it('lets the rail jump back but never forward', () => {
    const advertisements = run(next, next);
    expect(canJumpToPage(advertisements, 'general')).toBe(true);
    expect(canJumpToPage(advertisements, 'summary')).toBe(false);
    expect(deleteCollectionReducer(advertisements, { type: 'jumpTo', page: 'general' }).page).toBe('general');
  });
});
