import { describe, expect, it } from 'vitest';
import { CourierError, dpCreateSchema, type DistributionPointDto } from '../../../core/api';
import { volumeRowIssue } from './dp-settings-draft';
import {
  canGoNext,
  canJumpToSummary,
  createRequest,
  initialNewSiteSystemState,
  newSiteSystemReducer,
  pageProblem,
  visibleIssues,
  type NewSiteSystemAction,
  type NewSiteSystemState,
} from './new-site-system-reducer';

const run = (state: NewSiteSystemState, ...actions: NewSiteSystemAction[]) => actions.reduce(newSiteSystemReducer, state);
const edit = (changes: Extract<NewSiteSystemAction, { type: 'edit' }>['changes']): NewSiteSystemAction => ({ type: 'edit', changes });
const next: NewSiteSystemAction = { type: 'next' };

/** A server named, its role chosen and one volume given: every page valid. */
function filledServer(): NewSiteSystemState {
  return run(
    initialNewSiteSystemState('server'),
    edit({ name: 'dp01.contoso.com' }),
    next,
    edit({ dpRole: true }),
    next,
    edit({ settings: { volumes: [{ letter: 'd', path: '/srv/dp01/d', reserveMb: '100' }] } }),
  );
}

const dp = { name: 'dp01.contoso.com', serverName: 'dp01.contoso.com' } as DistributionPointDto;

describe('New Site System Server Wizard reducer', () => {
  it('holds each page until its fields are right, and names the first problem', () => {
    let state = initialNewSiteSystemState('server');
    expect(pageProblem(state)?.field).toBe('name');
    expect(canGoNext(state)).toBe(false);
    expect(run(state, next).page).toBe('general');

    state = run(state, edit({ name: 'dp 01' }));
    expect(visibleIssues(state).name).toMatch(/letters, digits, hyphens/);
    state = run(state, edit({ name: 'dp01.contoso.com' }), next);
    expect(state.page).toBe('roles');
    expect(pageProblem(state)?.field).toBe('dpRole');

    state = run(state, edit({ dpRole: true }), next);
    expect(state.page).toBe('distributionPoint');
    // A server DP needs a volume: Next waits, but nothing is shown inline before the admin acts.
    expect(pageProblem(state)).toEqual({ field: 'volumes', message: expect.stringMatching(/at least one volume/) });
    expect(visibleIssues(state)).toEqual({});
  });

  it('checks volume rows as the core does, showing only what the admin typed in', () => {
    let state = run(filledServer(), edit({ settings: { volumes: [{ letter: 'D', path: '/srv/dp01/d', reserveMb: '0' }, { letter: 'E', path: '', reserveMb: '0' }] } }));
    // The new row is empty: Next is blocked at it, but no message is put under an untouched field.
    expect(pageProblem(state)?.field).toBe('volumes.1.path');
    expect(visibleIssues(state)['volumes.1.path']).toBeUndefined();

    state = run(state, edit({ settings: { volumes: [{ letter: 'D', path: '/srv/dp01/d', reserveMb: '0' }, { letter: 'D', path: 'relative', reserveMb: 'lots' }] } }));
    const issues = visibleIssues(state);
    expect(issues['volumes.1.path']).toMatch(/not a full path/);
    expect(issues['volumes.1.reserveMb']).toMatch(/whole number/);
    expect(issues['volumes.1.letter']).toBeUndefined();
    // Next names the problem the row shows (its path), not the reserve after it.
    expect(pageProblem(state)).toEqual({ field: 'volumes.1.path', message: volumeRowIssue(issues, 1) });

    state = run(state, edit({ settings: { volumes: [{ letter: 'D', path: '/srv/dp01/d', reserveMb: '0' }, { letter: 'D', path: '/srv/dp01/e', reserveMb: '5' }] } }));
    expect(pageProblem(state)).toEqual({ field: 'volumes', message: 'The drive letter D is given twice; each volume has its own.' });
  });

  it('asks for smb.conf with Samba and for a boundary when protected', () => {
    let state = run(filledServer(), edit({ settings: { shareProvider: 'samba' } }));
    expect(pageProblem(state)?.field).toBe('sambaConf');
    state = run(state, edit({ settings: { sambaConf: '/etc/samba/smb.conf' } }), next);
    expect(state.page).toBe('protected');
    expect(canGoNext(state)).toBe(true);

    state = run(state, edit({ settings: { protected: true } }));
    expect(pageProblem(state)?.field).toBe('boundaries');
    state = run(state, edit({ settings: { boundaries: [{ kind: 'ipSubnet', value: '10.1.2.3/16' }] } }));
    expect(visibleIssues(state)['boundaries.0.value']).toMatch(/10\.1\.0\.0\/16/);
    state = run(state, edit({ settings: { boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }, { kind: 'adSite', value: 'Default-First-Site-Name' }] } }), next);
    expect(state.page).toBe('summary');
  });

  it('builds a request the contract accepts, without the settings the choices leave out', () => {
    const state = run(filledServer(), edit({ settings: { sambaConf: '/etc/samba/smb.conf', boundaries: [{ kind: 'adSite', value: 'Lab' }] } }));
    // smb.conf is for Samba and boundaries for a protected DP: neither goes while not chosen.
    const request = createRequest(state);
    expect(request).toMatchObject({ name: 'dp01.contoso.com', serverShare: '', sambaConf: '', boundaries: [], protected: false, volumes: [{ letter: 'd', path: '/srv/dp01/d', reserveMb: 100 }] });
    expect(dpCreateSchema.safeParse(request).success).toBe(true);
  });

  it('asks a server share for its share and gives it no volumes', () => {
    let state = run(initialNewSiteSystemState('serverShare'), edit({ name: 'files' }));
    expect(pageProblem(state)?.field).toBe('serverShare');
    state = run(state, edit({ serverShare: '\\\\files\\C$' }));
    expect(visibleIssues(state).serverShare).toBeDefined();
    state = run(state, edit({ serverShare: '\\\\files\\dist' }), next, edit({ dpRole: true }), next);
    expect(canGoNext(state)).toBe(true);
    expect(createRequest(state)).toMatchObject({ serverShare: '\\\\files\\dist', volumes: [], shareReserveMb: 0 });
  });

  it('jumps to Summary only when every page is valid, and goes back freely', () => {
    let state = run(initialNewSiteSystemState('server'), edit({ name: 'DP01' }));
    expect(canJumpToSummary(state)).toBe(false);
    state = filledServer();
    expect(canJumpToSummary(state)).toBe(true);
    state = run(state, { type: 'summary' });
    expect(state.page).toBe('summary');
    state = run(state, { type: 'jumpTo', page: 'general' });
    expect(state.page).toBe('general');
    expect(run(state, { type: 'jumpTo', page: 'protected' }).page).toBe('general');
  });

  it('creates from Summary only, and locks the pages once created', () => {
    let state = run(filledServer(), { type: 'createStarted' });
    expect(state.submission.kind).toBe('editing');
    state = run(state, { type: 'summary' }, { type: 'createStarted' });
    expect(state.submission.kind).toBe('creating');
    expect(run(state, edit({ name: 'other' })).draft.name).toBe('dp01.contoso.com');
    state = run(state, { type: 'createSucceeded', dp });
    expect(state.page).toBe('confirmation');
    expect(run(state, { type: 'previous' }).page).toBe('confirmation');
  });

  it('takes a refusal back to the field the core named, until that field is edited', () => {
    const error = new CourierError('CONFLICT', '/srv/dp01/d is already volume D of distribution point DP02.', 'volumes.0.path').toDto();
    let state = run(filledServer(), { type: 'summary' }, { type: 'createStarted' }, { type: 'createFailed', error });
    expect(state.page).toBe('confirmation');
    expect(state.submission).toMatchObject({ kind: 'failed', field: 'volumes.0.path' });
    state = run(state, { type: 'fixProblem' });
    expect(state.page).toBe('distributionPoint');
    expect(visibleIssues(state)['volumes.0.path']).toBe(error.message);
    // The core's complaint does not block Next: the cause may lie outside the form.
    expect(canGoNext(state)).toBe(true);
    state = run(state, edit({ settings: { volumes: [{ letter: 'D', path: '/srv/dp01/e', reserveMb: '100' }] } }));
    expect(visibleIssues(state)['volumes.0.path']).toBeUndefined();

    const named = new CourierError('CONFLICT', 'There is already a distribution point DP01.', 'name').toDto();
    state = run(filledServer(), { type: 'summary' }, { type: 'createStarted' }, { type: 'createFailed', error: named }, { type: 'fixProblem' });
    expect(state.page).toBe('general');
    const unplaced = new CourierError('INTERNAL', 'The site database is locked.').toDto();
    state = run(filledServer(), { type: 'summary' }, { type: 'createStarted' }, { type: 'createFailed', error: unplaced }, { type: 'fixProblem' });
    expect(state.page).toBe('summary');
  });
});
