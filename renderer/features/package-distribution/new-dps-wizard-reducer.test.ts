import { describe, expect, it } from 'vitest';
import { initialNewDpsState, newDpsReducer, pageProblem, type NewDpsAction, type NewDpsState } from './new-dps-wizard-reducer';
import { testDp, testGroup, testPlan } from './test-distribution';

const run = (state: NewDpsState, ...actions: NewDpsAction[]) => actions.reduce(newDpsReducer, state);
const withCandidates = (...names: string[]) => run(initialNewDpsState(true), { type: 'candidatesLoaded', items: names.map((n) => testDp(n)) });

describe('New Distribution Points wizard reducer', () => {
  it('goes Welcome, Copy Package, Summary, and only past Copy Package with a DP checked', () => {
    let state = withCandidates('DP02', 'DP01');
    expect(state.page).toBe('welcome');
    state = run(state, { type: 'next' });
    expect(state.page).toBe('copy');
    expect(pageProblem(state)?.message).toBe('Select at least one distribution point to copy the package to.');
    expect(run(state, { type: 'next' }).page).toBe('copy');
    state = run(state, { type: 'select', names: ['DP02'] }, { type: 'next' });
    expect(state.page).toBe('summary');
    expect(state.selected).toEqual(['DP02']);
    expect(run(state, { type: 'previous' }).page).toBe('copy');
  });

  it('lists the candidates by name and keeps the selection in that order, whatever the order of checking', () => {
    const state = run(withCandidates('DP10', 'dp02', 'DP01'), { type: 'select', names: ['DP10', 'DP01'] });
    expect(state.candidates.status === 'ready' && state.candidates.items.map((dp) => dp.name)).toEqual(['DP01', 'dp02', 'DP10']);
    expect(state.selected).toEqual(['DP01', 'DP10']);
  });

  it('ignores names that are not offered (a DP that already has the package)', () => {
    expect(run(withCandidates('DP01'), { type: 'select', names: ['DP01', 'DP09'] }).selected).toEqual(['DP01']);
  });

  it('stops on Welcome for a package without source files, and Summary cannot skip it', () => {
    const state = initialNewDpsState(false);
    expect(pageProblem(state)?.message).toBe('This package contains no source files, so it needs no distribution points.');
    expect(run(state, { type: 'next' }).page).toBe('welcome');
    expect(run(state, { type: 'summary' }).page).toBe('welcome');
  });

  it('Summary jumps to the first page still blocked, else to Summary', () => {
    const state = run(withCandidates('DP01'), { type: 'summary' });
    expect(state.page).toBe('copy');
    expect(run(state, { type: 'select', names: ['DP01'] }, { type: 'summary' }).page).toBe('summary');
  });

  it('says so when every DP already has the package', () => {
    const state = run(withCandidates(), { type: 'next' });
    expect(pageProblem(state)?.message).toBe('Every distribution point of the site already has this package.');
  });

  it('Select Group checks every member that is offered, keeps what was checked, and names the members left out', () => {
    const state = run(
      withCandidates('DP01', 'DP02', 'DP03'),
      { type: 'select', names: ['DP03'] },
      { type: 'selectGroup', group: testGroup('West', ['dp01', 'DP02', 'DP09']) },
    );
    expect(state.selected).toEqual(['DP01', 'DP02', 'DP03']);
    expect(state.groupNote).toBe('Selected the 2 members of West that do not have the package: DP01 and DP02. DP09 already has it or is being deleted.');
  });

  it('Select Group with an empty group, or one whose members all have the package, checks nothing and says why', () => {
    const empty = run(withCandidates('DP01'), { type: 'selectGroup', group: testGroup('Empty', []) });
    expect(empty.selected).toEqual([]);
    expect(empty.groupNote).toBe('The group Empty has no members; nothing was selected.');
    const done = run(withCandidates('DP01'), { type: 'selectGroup', group: testGroup('East', ['DP05', 'DP06']) });
    expect(done.selected).toEqual([]);
    expect(done.groupNote).toBe('Every member of East (DP05 and DP06) already has this package or is being deleted; nothing was selected.');
  });

  it('drops a checked DP that a new read no longer offers', () => {
    const state = run(withCandidates('DP01', 'DP02'), { type: 'select', names: ['DP01', 'DP02'] }, { type: 'candidatesLoaded', items: [testDp('DP02')] });
    expect(state.selected).toEqual(['DP02']);
  });

  it('submits only from Summary, shows the answer on Confirmation, and then changes nothing', () => {
    let state = run(withCandidates('DP01'), { type: 'select', names: ['DP01'] });
    expect(run(state, { type: 'submitStarted' }).submission.kind).toBe('editing');
    state = run(state, { type: 'next' }, { type: 'next' }, { type: 'submitStarted' });
    expect(state.submission.kind).toBe('working');
    expect(run(state, { type: 'previous' }).page).toBe('summary');
    state = run(state, { type: 'submitSucceeded', plan: testPlan() });
    expect(state.page).toBe('confirmation');
    expect(run(state, { type: 'previous' }, { type: 'jumpTo', page: 'copy' }, { type: 'select', names: [] })).toBe(state);
  });

  it('after a refusal, Previous goes back to Summary with the selection kept', () => {
    const state = run(
      withCandidates('DP01'),
      { type: 'select', names: ['DP01'] },
      { type: 'summary' },
      { type: 'submitStarted' },
      { type: 'submitFailed', error: { code: 'CONFLICT', message: 'Package A0100001 was given no new distribution point.' } },
    );
    expect(state.page).toBe('confirmation');
    const back = run(state, { type: 'previous' });
    expect(back.page).toBe('summary');
    expect(back.submission.kind).toBe('editing');
    expect(back.selected).toEqual(['DP01']);
  });

  it('the rail jumps back only', () => {
    const state = run(withCandidates('DP01'), { type: 'select', names: ['DP01'] }, { type: 'next' });
    expect(run(state, { type: 'jumpTo', page: 'summary' }).page).toBe('copy');
    expect(run(state, { type: 'jumpTo', page: 'welcome' }).page).toBe('welcome');
  });
});
