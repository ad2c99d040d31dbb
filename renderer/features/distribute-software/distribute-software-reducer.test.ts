import { describe, expect, it } from 'vitest';
import { deploymentPlanSchema, type DefinitionPreviewDto, type DeploymentResultDto } from '../../../core/api';
import { testDp, testGroup } from '../package-distribution/test-distribution';
import {
  advertisementNameOf,
  canGoNext,
  canJumpToSummary,
  distributeReducer,
  firstBlockedPage,
  initialDistributeState,
  pageProblem,
  pagesFor,
  planOf,
  resourcesCollectionName,
  visibleIssues,
  wizardTitle,
  type DistributeAction,
  type DistributeContext,
  type DistributeStart,
  type DistributeState,
} from './distribute-software-reducer';

const now = new Date(2026, 11, 3, 9, 30);
const noContext: DistributeContext = { now, pkg: null, programName: null, resourceNames: [] };
const office = { packageId: 'A0100001', name: 'Office 2007 English', fullName: 'Microsoft Office 2007 English', containsSourceFiles: true };

const run = (state: DistributeState, ...actions: DistributeAction[]) => actions.reduce(distributeReducer, state);
const open = (start: DistributeStart, context: Partial<DistributeContext> = {}) => initialDistributeState(start, { ...noContext, ...context });
/** Presses Next until the page is `page`, failing if Next stops first. */
function nextTo(state: DistributeState, page: DistributeState['page']): DistributeState {
  let current = state;
  for (let i = 0; i < 30 && current.page !== page; i++) {
    const moved = run(current, { type: 'next' });
    if (moved.page === current.page) throw new Error(`Next stopped on ${current.page}: ${pageProblem(current)?.message ?? 'no problem'}`);
    current = moved;
  }
  return current;
}

const preview: DefinitionPreviewDto = {
  format: '2.0',
  package: { name: 'Contoso Reader', version: '4.2', publisher: 'Contoso', language: 'English', comment: '', containsNoFiles: false },
  programs: [
    { name: 'Typical', commandLine: 'setup.exe /q' },
    { name: 'Uninstall', commandLine: 'setup.exe /x' },
  ],
  msi: null,
  suggestedSourceDirectory: '/srv/apps/reader',
  notes: [],
  warnings: [],
};
const source = { kind: 'file' as const, path: '/srv/defs/reader.sms' };

/** A new package with source files and a program, ready for Distribution Points and on. */
function withNewPackage(state: DistributeState): DistributeState {
  return run(
    state,
    { type: 'setPackageChoice', choice: 'new' },
    { type: 'editPackage', changes: { name: 'Contoso Tool', version: '1.0', publisher: 'Contoso' } },
    { type: 'editPackage', changes: { containsSourceFiles: true, sourceDirectory: '/srv/apps/tool' } },
    { type: 'editProgram', changes: { name: 'Install', commandLine: 'setup.exe /s' } },
  );
}

describe('Distribute Software wizard: the pages of each starting point and choice', () => {
  it('from a collection: a new package and program, a new advertisement to that collection', () => {
    const state = withNewPackage(open({ from: 'collection', collectionId: 'A0100010' }));
    expect(wizardTitle(state.start)).toBe('Distribute Software To Collection Wizard');
    expect(pagesFor(state)).toEqual([
      'welcome', 'package', 'packageIdentification', 'packageSource', 'distributionPoints', 'programIdentification',
      'advertise', 'target', 'advertisementName', 'subcollection', 'schedule', 'assign', 'summary', 'confirmation',
    ]);
    expect(state.collectionId).toBe('A0100010');
  });

  it('a new package without source files has no Distribution Points page', () => {
    const state = run(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), { type: 'editPackage', changes: { containsSourceFiles: false } });
    expect(pagesFor(state)).not.toContain('distributionPoints');
    expect(state.newPackage.sourceDirectory).toBe('');
    expect(planOf(state).distributionPoints).toEqual([]);
  });

  it('from a definition: its pages, the Source Directory page only with source files, and its program picked', () => {
    let state = run(open({ from: 'collection', collectionId: 'A0100010' }), { type: 'setPackageChoice', choice: 'definition' });
    expect(pagesFor(state).slice(0, 7)).toEqual(['welcome', 'package', 'definition', 'definitionSourceFiles', 'definitionSourceDirectory', 'distributionPoints', 'program']);
    state = run(state, { type: 'definition', action: { type: 'setSourceFiles', mode: 'none' } });
    expect(pagesFor(state).slice(0, 5)).toEqual(['welcome', 'package', 'definition', 'definitionSourceFiles', 'program']);
  });

  it('from an existing package: Distribution Points (when it has files), then Program', () => {
    const state = open({ from: 'package', packageId: office.packageId }, { pkg: office });
    expect(wizardTitle(state.start)).toBe('Distribute Software Wizard');
    expect(state.packageChoice).toBe('existing');
    expect(pagesFor(state).slice(0, 5)).toEqual(['welcome', 'package', 'distributionPoints', 'program', 'advertise']);
    const noFiles = open({ from: 'package', packageId: 'A0100002' }, { pkg: { ...office, packageId: 'A0100002', containsSourceFiles: false } });
    expect(pagesFor(noFiles).slice(0, 4)).toEqual(['welcome', 'package', 'program', 'advertise']);
  });

  it('not advertising leaves out every advertisement page', () => {
    const state = run(open({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: office, programName: 'Typical' }), {
      type: 'edit',
      changes: { advertise: false },
    });
    expect(pagesFor(state).slice(-4)).toEqual(['program', 'advertise', 'summary', 'confirmation']);
    expect(planOf(state).advertisement).toBeNull();
  });

  it('a new collection as the target adds its two pages', () => {
    const state = run(open({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: office, programName: 'Typical' }), {
      type: 'edit',
      changes: { targetKind: 'newCollection' },
    });
    expect(pagesFor(state)).toContain('collectionName');
    expect(pagesFor(state).indexOf('collectionRules')).toBe(pagesFor(state).indexOf('collectionName') + 1);
  });

  it('from resources: the target is a new collection of direct rules for them, named after them', () => {
    const state = open({ from: 'resources', collectionId: 'SMS00001', resourceIds: [16777220, 16777221] }, { resourceNames: ['PC01', 'PC02'] });
    expect(wizardTitle(state.start)).toBe('Distribute Software To Resource Wizard');
    expect(state.targetKind).toBe('newCollection');
    expect(state.newCollection.name).toBe('PC01, PC02');
    expect(state.newCollection.rules).toEqual([
      { kind: 'direct', resourceId: 16777220 },
      { kind: 'direct', resourceId: 16777221 },
    ]);
    expect(pagesFor(state)).toContain('collectionRules');
  });

  it('a long list of resources is cut to a collection name the site keeps', () => {
    const name = resourcesCollectionName(Array.from({ length: 40 }, (_, i) => `WORKSTATION-${i}`));
    expect(name.length).toBe(127);
    expect(name.endsWith('…')).toBe(true);
  });

  it('from a program or an advertisement: its package and program are picked, and a new advertisement is offered', () => {
    const fromProgram = open({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: office, programName: 'Typical' });
    expect(fromProgram.existingPackage?.packageId).toBe('A0100001');
    expect(fromProgram.programName).toBe('Typical');
    const fromAdvertisement = open({ from: 'advertisement', advertisementId: 'A0120001' }, { pkg: office, programName: 'Typical' });
    expect(fromAdvertisement.programName).toBe('Typical');
    expect(fromAdvertisement.advertise).toBe(true);
    expect(advertisementNameOf(fromAdvertisement)).toBe('Office 2007 English - Typical');
  });
});

describe('Distribute Software wizard: each page checks its settings', () => {
  it('Package: an existing package must be browsed for', () => {
    const state = nextTo(run(open({ from: 'collection', collectionId: 'A0100010' }), { type: 'setPackageChoice', choice: 'existing' }), 'package');
    expect(pageProblem(state)?.message).toBe('Browse for the package to distribute.');
    expect(run(state, { type: 'next' }).page).toBe('package');
    const chosen = run(state, { type: 'chooseExistingPackage', pkg: office }, { type: 'next' });
    expect(chosen.page).toBe('distributionPoints');
  });

  it('Package Identification and Program Identification use the core rules of a package and a program', () => {
    let state = nextTo(open({ from: 'collection', collectionId: 'A0100010' }), 'packageIdentification');
    expect(pageProblem(state)?.message).toBe('Name is required.');
    expect(visibleIssues(state)).toEqual({});
    state = run(state, { type: 'editPackage', changes: { name: ' ' } });
    expect(visibleIssues(state).name).toBe('Name is required.');
    state = nextTo(run(state, { type: 'editPackage', changes: { name: 'Contoso Tool' } }), 'programIdentification');
    expect(pageProblem(state)?.field).toBe('name');
    state = run(state, { type: 'editProgram', changes: { name: 'Install' } });
    expect(pageProblem(state)?.field).toBe('commandLine');
    state = run(state, { type: 'editProgram', changes: { commandLine: 'setup.exe', runMode: 'adminRights', allowUserInteraction: true } }, { type: 'next' });
    expect(state.page).toBe('advertise');
  });

  it('Source Files: a package with source files needs its directory', () => {
    const state = run(nextTo(run(open({ from: 'collection', collectionId: 'A0100010' }), { type: 'editPackage', changes: { name: 'Tool' } }), 'packageSource'), {
      type: 'editPackage',
      changes: { containsSourceFiles: true },
    });
    expect(pageProblem(state)?.field).toBe('sourceDirectory');
    expect(visibleIssues(state).sourceDirectory).toBeDefined();
  });

  it('Program Identification: without administrative rights the program cannot take user input', () => {
    const state = run(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), { type: 'editProgram', changes: { runMode: 'userRights', allowUserInteraction: true } });
    expect(state.newProgram.allowUserInteraction).toBe(false);
  });

  it('Package Definition waits for the definition to be read; Program offers what it lists', () => {
    let state = nextTo(run(open({ from: 'collection', collectionId: 'A0100010' }), { type: 'setPackageChoice', choice: 'definition' }), 'definition');
    expect(pageProblem(state)?.message).toBe('Select a package definition, or give the path of a .sms, .pdf or .msi file.');
    state = run(state, { type: 'definition', action: { type: 'choose', source } });
    expect(pageProblem(state)?.message).toBe('Reading the package definition…');
    state = run(state, { type: 'definition', action: { type: 'readSucceeded', source, preview } });
    expect(state.programName).toBe('Typical');
    state = nextTo(state, 'definitionSourceDirectory');
    expect(state.definition.sourceDirectory).toBe('/srv/apps/reader');
    state = run(state, { type: 'definition', action: { type: 'setSourceDirectory', path: '' } });
    expect(pageProblem(state)?.message).toBe('Set the source directory that holds the package files.');
    state = nextTo(run(state, { type: 'definition', action: { type: 'setSourceDirectory', path: '/srv/apps/reader2' } }), 'program');
    state = run(state, { type: 'chooseProgram', programName: 'Uninstall' }, { type: 'next' });
    expect(state.page).toBe('advertise');
    const plan = deploymentPlanSchema.parse(planOf(state));
    expect(plan.package).toEqual({ kind: 'definition', definition: { source, sourceFiles: 'direct', sourceDirectory: '/srv/apps/reader2' } });
    expect(plan.program).toEqual({ kind: 'existing', programName: 'Uninstall' });
  });

  it('Program: an existing package needs one of its programs picked', () => {
    const state = nextTo(open({ from: 'package', packageId: office.packageId }, { pkg: { ...office, containsSourceFiles: false } }), 'program');
    expect(pageProblem(state)?.message).toBe('Select the program to distribute.');
    expect(run(state, { type: 'chooseProgram', programName: 'Typical' }, { type: 'next' }).page).toBe('advertise');
  });

  it('Distribution Points: only the offered DPs are kept, Select Group checks the members offered, and the page waits for the list', () => {
    let state = nextTo(open({ from: 'package', packageId: office.packageId }, { pkg: office }), 'distributionPoints');
    state = run(state, { type: 'dpCandidatesReading', forKey: 'package:A0100001' });
    expect(pageProblem(state)?.message).toBe('Reading the distribution points…');
    state = run(
      state,
      { type: 'dpCandidatesLoaded', forKey: 'package:A0100001', items: [testDp('DP02'), testDp('DP01'), testDp('DP03')] },
      { type: 'selectDps', names: ['DP03', 'DP09'] },
      { type: 'selectGroup', group: testGroup('West', ['dp01', 'DP07']) },
    );
    expect(state.dps).toEqual(['DP01', 'DP03']);
    expect(state.groupNote).toBe('Selected the members of West that do not have the package: DP01.');
    // A list read for another package is dropped.
    expect(run(state, { type: 'dpCandidatesLoaded', forKey: 'all', items: [] })).toBe(state);
    expect(canGoNext(state)).toBe(true);
    expect(planOf(state).distributionPoints).toEqual(['DP01', 'DP03']);
  });

  it('Advertisement Target: an existing collection must be browsed for; a new one needs a name', () => {
    let state = nextTo(
      run(open({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: { ...office, containsSourceFiles: false }, programName: 'Typical' })),
      'target',
    );
    expect(pageProblem(state)?.message).toBe('Browse for the collection to advertise the program to.');
    state = nextTo(run(state, { type: 'edit', changes: { targetKind: 'newCollection' } }), 'collectionName');
    expect(pageProblem(state)?.message).toBe('The collection name is required.');
    state = nextTo(run(state, { type: 'editCollection', changes: { name: 'Pilot' } }), 'advertisementName');
    expect(advertisementNameOf(state)).toBe('Office 2007 English - Typical');
  });

  it('Advertisement Name: the default follows the choices until edited, and a name is required', () => {
    let state = nextTo(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), 'advertisementName');
    expect(advertisementNameOf(state)).toBe('Contoso Tool - Install');
    state = run(state, { type: 'edit', changes: { advertisementName: '' } });
    expect(pageProblem(state)?.message).toBe('The advertisement name is required.');
    expect(visibleIssues(state).advertisementName).toBe('The advertisement name is required.');
    state = run(state, { type: 'edit', changes: { advertisementName: 'Tool for the pilot' } }, { type: 'jumpTo', page: 'programIdentification' }, { type: 'editProgram', changes: { name: 'Setup' } });
    expect(advertisementNameOf(state)).toBe('Tool for the pilot');
  });

  it('Advertisement Schedule and Assign Program: valid times, expiry after the offer, assignment before the expiry', () => {
    let state = nextTo(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), 'schedule');
    expect(state.schedule.presentTime).toBe('2026-12-03T09:30');
    state = run(state, { type: 'editSchedule', changes: { expires: true } });
    expect(state.schedule.expirationTime).toBe('2026-12-10T09:30');
    state = run(state, { type: 'editSchedule', changes: { expirationTime: '2026-12-01T08:00' } });
    expect(pageProblem(state)?.message).toBe('The advertisement must expire after it is offered.');
    state = run(state, { type: 'editSchedule', changes: { presentTime: '2026-12-0' } });
    expect(pageProblem(state)?.field).toBe('presentTime');
    state = nextTo(run(state, { type: 'editSchedule', changes: { presentTime: '2026-12-03T09:30', expirationTime: '2026-12-10T09:30' } }), 'assign');
    expect(canGoNext(state)).toBe(true);
    state = run(state, { type: 'editSchedule', changes: { assigned: true } });
    expect(state.schedule.assignedTime).toBe('2026-12-03T09:30');
    state = run(state, { type: 'editSchedule', changes: { assignedTime: '2026-12-11T00:00' } });
    expect(pageProblem(state)?.message).toBe('The assigned time must come before the advertisement expires.');
    state = run(state, { type: 'editSchedule', changes: { assignedTime: '2026-12-04T20:00' } }, { type: 'next' });
    expect(state.page).toBe('summary');
  });
});

describe('Distribute Software wizard: moving between pages', () => {
  it('Back and Next keep what was entered', () => {
    let state = nextTo(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), 'advertisementName');
    state = run(state, { type: 'edit', changes: { comment: 'Pilot wave' } }, { type: 'previous' }, { type: 'previous' });
    expect(state.page).toBe('advertise');
    state = nextTo(state, 'subcollection');
    expect(state.comment).toBe('Pilot wave');
    expect(state.newPackage.name).toBe('Contoso Tool');
    expect(state.collectionId).toBe('A0100010');
  });

  it('the rail jumps back only; Summary jumps to the first page still blocked', () => {
    const state = nextTo(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), 'schedule');
    expect(run(state, { type: 'jumpTo', page: 'assign' }).page).toBe('schedule');
    expect(run(state, { type: 'jumpTo', page: 'package' }).page).toBe('package');
    expect(run(state, { type: 'summary' }).page).toBe('summary');
    const blank = open({ from: 'collection', collectionId: 'A0100010' });
    expect(firstBlockedPage(blank)).toBe('packageIdentification');
    expect(canJumpToSummary(blank)).toBe(true);
    expect(run(blank, { type: 'summary' }).page).toBe('packageIdentification');
  });

  it('choosing another kind of package drops the picked program and DPs', () => {
    let state = nextTo(open({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: office, programName: 'Typical' }), 'distributionPoints');
    state = run(state, { type: 'dpCandidatesLoaded', forKey: 'package:A0100001', items: [testDp('DP01')] }, { type: 'selectDps', names: ['DP01'] });
    state = run(state, { type: 'jumpTo', page: 'package' }, { type: 'setPackageChoice', choice: 'definition' });
    expect(state.programName).toBe('');
    expect(state.dps).toEqual([]);
  });
});

function completePlanState(start: DistributeStart, context: Partial<DistributeContext> = {}, ...actions: DistributeAction[]): DistributeState {
  return nextTo(run(open(start, context), ...actions), 'summary');
}

describe('Distribute Software wizard: the plan', () => {
  it('from a collection, new package: parses with the core schema, with the defaults of the suite', () => {
    const state = nextTo(withNewPackage(open({ from: 'collection', collectionId: 'A0100010' })), 'summary');
    const plan = deploymentPlanSchema.parse(planOf(state));
    expect(plan.package.kind).toBe('new');
    expect(plan.program.kind === 'new' && plan.program.program.commandLine).toBe('setup.exe /s');
    expect(plan.advertisement).toMatchObject({
      target: { kind: 'collection', collectionId: 'A0100010' },
      advertisementName: 'Contoso Tool - Install',
      includeSubcollections: true,
      presentTime: '2026-12-03T09:30',
      expirationTime: null,
      assignedTime: null,
    });
  });

  it('from resources, with an assigned time: a new collection of direct rules, and the one assigned time', () => {
    const state = completePlanState(
      { from: 'resources', collectionId: 'SMS00001', resourceIds: [16777220, 16777221] },
      { pkg: null, resourceNames: ['PC01', 'PC02'] },
      { type: 'chooseExistingPackage', pkg: { ...office, containsSourceFiles: false } },
      { type: 'chooseProgram', programName: 'Typical' },
      { type: 'editSchedule', changes: { assigned: true, assignedTime: '2026-12-05T22:00', assignedTimeIsGmt: true } },
      { type: 'edit', changes: { includeSubcollections: false } },
    );
    const plan = deploymentPlanSchema.parse(planOf(state));
    expect(plan.advertisement?.target).toEqual({
      kind: 'newCollection',
      collection: {
        name: 'PC01, PC02',
        comment: '',
        rules: [
          { kind: 'direct', resourceId: 16777220 },
          { kind: 'direct', resourceId: 16777221 },
        ],
        membershipSchedule: null,
        maintenanceWindows: [],
      },
    });
    expect(plan.advertisement?.assignedTime).toBe('2026-12-05T22:00');
    expect(plan.advertisement?.assignedTimeIsGmt).toBe(true);
    expect(plan.advertisement?.includeSubcollections).toBe(false);
  });

  it('from a program, not advertised: the package and program by name, no advertisement', () => {
    const state = completePlanState(
      { from: 'program', packageId: office.packageId, programName: 'Typical' },
      { pkg: office, programName: 'Typical' },
      { type: 'dpCandidatesLoaded', forKey: 'package:A0100001', items: [testDp('DP01')] },
      { type: 'selectDps', names: ['DP01'] },
      { type: 'edit', changes: { advertise: false } },
    );
    expect(deploymentPlanSchema.parse(planOf(state))).toEqual({
      package: { kind: 'existing', packageId: 'A0100001' },
      program: { kind: 'existing', programName: 'Typical' },
      distributionPoints: ['DP01'],
      groups: [],
      advertisement: null,
    });
  });

  it('an expiry set is sent; turned off again it is not', () => {
    let state = completePlanState(
      { from: 'advertisement', advertisementId: 'A0120001' },
      { pkg: { ...office, containsSourceFiles: false }, programName: 'Typical' },
      { type: 'edit', changes: { collectionId: 'SMS00001' } },
      { type: 'editSchedule', changes: { expires: true } },
    );
    expect(deploymentPlanSchema.parse(planOf(state)).advertisement?.expirationTime).toBe('2026-12-10T09:30');
    state = run(state, { type: 'editSchedule', changes: { expires: false } });
    expect(deploymentPlanSchema.parse(planOf(state)).advertisement?.expirationTime).toBeNull();
  });
});

const okResult: DeploymentResultDto = {
  ok: true,
  steps: [{ step: 'package', title: 'Use package "Office 2007 English"', outcome: 'used', detail: 'Used package A0100001.', id: 'A0100001' }],
  packageId: 'A0100001',
  programName: 'Typical',
  collectionId: null,
  advertisementId: null,
  error: null,
};

describe('Distribute Software wizard: the dry run and the run', () => {
  const ready = () =>
    completePlanState({ from: 'program', packageId: office.packageId, programName: 'Typical' }, { pkg: { ...office, containsSourceFiles: false }, programName: 'Typical' }, { type: 'edit', changes: { advertise: false } });

  it('keeps only the answer to the plan it asked about; an edit makes it stale', () => {
    let state = run(ready(), { type: 'previewStarted', key: 'one' });
    expect(run(state, { type: 'previewFailed', key: 'two', error: { code: 'INTERNAL', message: 'x' } }).preview.kind).toBe('loading');
    state = run(state, { type: 'previewFailed', key: 'one', error: { code: 'INTERNAL', message: 'The site server is unreachable.' } });
    expect(state.preview.kind).toBe('failed');
    // A failed dry run does not block Next.
    expect(canGoNext(state)).toBe(true);
    expect(run(state, { type: 'edit', changes: { comment: 'x' } }).preview.kind).toBe('idle');
  });

  it('a run that made everything locks the wizard; one that made nothing may go back to Summary', () => {
    const done = run(ready(), { type: 'runStarted' }, { type: 'runSucceeded', result: okResult });
    expect(done.page).toBe('confirmation');
    expect(run(done, { type: 'previous' })).toBe(done);
    const failed = run(ready(), { type: 'runStarted' }, { type: 'runSucceeded', result: { ...okResult, ok: false } });
    expect(run(failed, { type: 'previous' }).page).toBe('summary');
    const refused = run(ready(), { type: 'runStarted' }, { type: 'runFailed', error: { code: 'VALIDATION_FAILED', message: 'No.' } });
    expect(run(refused, { type: 'backToSummary' })).toMatchObject({ page: 'summary', run: { kind: 'editing' } });
  });

  it('Next on Summary does not move by itself: the run does', () => {
    const state = ready();
    expect(run(state, { type: 'next' })).toBe(state);
    expect(run(state, { type: 'runStarted' }).run.kind).toBe('running');
  });
});
