import { describe, expect, it } from 'vitest';
import type { AdvertisementDto, Schedule } from '../../../core/api';
import {
  canGoBack,
  canGoNext,
  canJumpToSummary,
  initialWizardState,
  pageProblem,
  settingsWizardReducer,
  wizardPages,
  type SettingsWizardAction,
  type SettingsWizardState,
} from '../programs/settings-wizard-reducer';
import {
  advertisementKindOf,
  advertisementRules,
  draftFieldOfError,
  draftOfAdvertisement,
  newAdvertisementDraft,
  pageFields,
  requestOf,
  type AdvertisementDraft,
  type AdvertisementPage,
} from './advertisement-draft';
import { sheetChanges } from './advertisement-properties-model';
import { advertisementSummary } from './advertisement-summary';

type State = SettingsWizardState<AdvertisementDraft, AdvertisementPage, AdvertisementDto>;
type Action = SettingsWizardAction<AdvertisementDraft, AdvertisementPage, AdvertisementDto>;

const now = new Date(2026, 11, 2, 15, 7);
const reduce = (state: State, action: Action): State => settingsWizardReducer(advertisementRules, state, action);
const run = (...actions: Action[]): State =>
  actions.reduce(reduce, initialWizardState<AdvertisementDraft, AdvertisementPage, AdvertisementDto>(advertisementRules, newAdvertisementDraft({}, now)));
const edit = (changes: Partial<AdvertisementDraft>): Action => ({ type: 'edit', changes });
const next: Action = { type: 'next' };
const general = edit({ advertisementName: 'Office weekly', packageId: 'A0100001', programName: 'Unattended', collectionId: 'SMS00001' });
const weekly: Schedule = { type: 'weekly', start: '2026-12-07T20:00', isGmt: true, minuteDuration: 0, hourDuration: 0, dayDuration: 0, day: 2, forNumberOfWeeks: 1 };

describe('New Advertisement Wizard', () => {
  it('has the suite\'s pages in order', () => {
    expect(wizardPages(advertisementRules)).toEqual(['general', 'schedule', 'distributionPoints', 'interaction', 'security', 'summary', 'confirmation']);
  });

  it('starts as the suite\'s wizard does: available from now, download on a fast boundary, not run on a slow one', () => {
    const request = requestOf(newAdvertisementDraft({ packageId: 'A0100001', programName: 'Unattended' }, now), '');
    expect(request).toMatchObject({
      packageId: 'A0100001',
      programName: 'Unattended',
      presentTime: '2026-12-02T15:07',
      includeSubcollections: true,
      asSoonAsPossible: false,
      fastNetwork: 'download',
      slowNetwork: 'doNotRun',
      allowFallbackToUnprotectedDps: false,
      allowUsersToRunIndependently: true,
      priority: 'medium',
      rerun: 'never',
      mandatoryCountdownMinutes: 0,
    });
  });

  it('holds Next on General until the name, package, program and collection are given, naming the first missing', () => {
    const empty = run();
    expect(canGoNext(advertisementRules, empty)).toBe(false);
    expect(canGoBack(advertisementRules, empty)).toBe(false);
    expect(pageProblem(advertisementRules, empty)?.field).toBe('advertisementName');
    const named = run(edit({ advertisementName: 'Office weekly' }));
    expect(pageProblem(advertisementRules, named)).toEqual({ field: 'packageId', message: 'Select the package to advertise.' });
    const noCollection = run(edit({ advertisementName: 'Office weekly', packageId: 'A0100001', programName: 'Unattended' }));
    expect(pageProblem(advertisementRules, noCollection)).toEqual({ field: 'collectionId', message: 'Browse for the collection to advertise to.' });
    expect(reduce(noCollection, next).page).toBe('general');
    expect(run(general, next).page).toBe('schedule');
  });

  it('walks every page to Summary, back one at a time, and jumps to Summary once everything is valid', () => {
    let state = run(general);
    expect(canJumpToSummary(advertisementRules, state)).toBe(true);
    const visited: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      visited.push(state.page);
      state = reduce(state, next);
    }
    expect(visited).toEqual(['general', 'schedule', 'distributionPoints', 'interaction', 'security']);
    expect(state.page).toBe('summary');
    expect(reduce(state, { type: 'previous' }).page).toBe('security');
    expect(run(general, { type: 'summary' }).page).toBe('summary');
  });

  it('holds Next on Schedule while the expiry is not after the start on the same clock', () => {
    const early = run(general, next, edit({ presentTime: '2026-12-07T18:00', expirationTimeEnabled: true, expirationTime: '2026-12-07T17:59' }));
    expect(pageProblem(advertisementRules, early)?.field).toBe('expirationTime');
    expect(reduce(early, next).page).toBe('schedule');
    const later = reduce(early, edit({ expirationTime: '2026-12-14T18:00' }));
    expect(reduce(later, next).page).toBe('distributionPoints');
    const notATime = run(general, next, edit({ presentTime: '2026-02-30T08:00' }));
    expect(pageProblem(advertisementRules, notATime)).toMatchObject({ field: 'presentTime', message: expect.stringMatching(/day must be 1–28/) });
  });

  it('clears Wake On LAN and the maintenance window options when the last assignment goes, and keeps one row per event', () => {
    const assigned = run(general, next, edit({ assignments: [{ kind: 'schedule', schedule: weekly }] }), edit({ wakeOnLan: true, ignoreMaintenanceWindows: true }));
    expect(assigned.draft.wakeOnLan).toBe(true);
    expect(reduce(assigned, edit({ assignments: [] })).draft).toMatchObject({ wakeOnLan: false, ignoreMaintenanceWindows: false });
    const twice = reduce(assigned, edit({ assignments: [{ kind: 'event', event: 'atLogon' }, { kind: 'event', event: 'atLogon' }] }));
    expect(twice.draft.assignments).toEqual([{ kind: 'event', event: 'atLogon' }]);
    expect(requestOf(twice.draft, '')).toMatchObject({ atLogon: true, asSoonAsPossible: false, atLogoff: false });
  });

  it('holds Next on Interaction for a custom countdown of no minutes; without one it sends the client agent\'s (0)', () => {
    const onInteraction = run(general, next, next, next);
    expect(onInteraction.page).toBe('interaction');
    const none = reduce(onInteraction, edit({ customCountdown: true, mandatoryCountdownMinutes: 0 }));
    expect(pageProblem(advertisementRules, none)?.field).toBe('mandatoryCountdownMinutes');
    const tooLong = reduce(none, edit({ mandatoryCountdownMinutes: 1441 }));
    expect(pageProblem(advertisementRules, tooLong)?.message).toMatch(/at most 1440/);
    const off = reduce(tooLong, edit({ customCountdown: false }));
    expect(canGoNext(advertisementRules, off)).toBe(true);
    expect(requestOf(off.draft, '').mandatoryCountdownMinutes).toBe(0);
  });

  it('takes a refusal of an assignment field to the Schedule page\'s list', () => {
    expect(draftFieldOfError('atLogoff')).toBe('assignments');
    expect(draftFieldOfError('changes.assignedSchedule')).toBe('assignments');
    expect(draftFieldOfError('changes.expirationTime')).toBe('expirationTime');
    expect(draftFieldOfError('presentTimeEnabled')).toBeUndefined();
    const summary = run(general, { type: 'summary' }, { type: 'createStarted' });
    const failed = reduce(summary, { type: 'createFailed', error: { code: 'VALIDATION_FAILED', message: 'needs a program that runs only when no user is logged on', field: 'assignments' } });
    expect(reduce(failed, { type: 'fixProblem' }).page).toBe('schedule');
  });
});

describe('New Advertisement For Device Wizard', () => {
  const runDevice = (...actions: Action[]): State =>
    actions.reduce(reduce, initialWizardState<AdvertisementDraft, AdvertisementPage, AdvertisementDto>(advertisementRules, newAdvertisementDraft({}, now, 'device')));
  const generalDevice = edit({ advertisementName: 'Handheld tonight', packageId: 'A0100001', programName: 'Handheld', collectionId: 'SMS00001' });
  const atTime: Schedule = { type: 'nonRecurring', start: '2026-12-07T20:00', isGmt: false, minuteDuration: 0, hourDuration: 0, dayDuration: 0 };

  it('walks the same pages as the computer wizard, each showing only what a device advertisement has', () => {
    let state = runDevice(generalDevice);
    const visited: string[] = [];
    while (state.page !== 'summary') {
      visited.push(state.page);
      state = reduce(state, next);
    }
    expect(visited).toEqual(['general', 'schedule', 'distributionPoints', 'interaction', 'security']);
    expect(pageFields('device', 'general')).toEqual(pageFields('computer', 'general'));
    expect(pageFields('computer', 'schedule')).toEqual(expect.arrayContaining(['wakeOnLan', 'ignoreMaintenanceWindows', 'allowRestartOutsideMaintenanceWindows', 'rerun']));
    expect(pageFields('device', 'schedule')).toEqual(['presentTime', 'presentTimeIsGmt', 'expirationTimeEnabled', 'expirationTime', 'expirationTimeIsGmt', 'assignments', 'priority']);
    expect(pageFields('device', 'distributionPoints')).toEqual(['fastNetwork', 'slowNetwork']);
    expect(pageFields('computer', 'distributionPoints')).toContain('allowFallbackToUnprotectedDps');
    expect(pageFields('device', 'interaction')).toEqual(['allowUsersToRunIndependently']);
    expect(pageFields('computer', 'interaction')).toEqual(['allowUsersToRunIndependently', 'displayReminders', 'customCountdown', 'mandatoryCountdownMinutes']);
    expect(pageFields('device', 'security')).toEqual([]);
  });

  it('asks for a program for devices, and holds Next on Schedule for an event or a recurring assignment', () => {
    expect(pageProblem(advertisementRules, runDevice(edit({ advertisementName: 'x', packageId: 'A0100001' })))).toEqual({
      field: 'programName',
      message: 'Select the program for devices to advertise.',
    });
    const onSchedule = runDevice(generalDevice, next);
    const event = reduce(onSchedule, edit({ assignments: [{ kind: 'event', event: 'asSoonAsPossible' }] }));
    expect(pageProblem(advertisementRules, event)).toMatchObject({ field: 'assignments', message: expect.stringMatching(/assigned at a time; it has no assignment after an event/) });
    expect(reduce(event, next).page).toBe('schedule');
    const recurring = reduce(onSchedule, edit({ assignments: [{ kind: 'schedule', schedule: atTime }, { kind: 'schedule', schedule: weekly }] }));
    expect(pageProblem(advertisementRules, recurring)?.message).toMatch(/without recurrence: assignment 2 recurs/);
    const once = reduce(onSchedule, edit({ assignments: [{ kind: 'schedule', schedule: atTime }] }));
    expect(reduce(once, next).page).toBe('distributionPoints');
    // The same schedules are fine for computers.
    expect(pageProblem(advertisementRules, reduce(run(general, next), edit({ assignments: [{ kind: 'event', event: 'asSoonAsPossible' }, { kind: 'schedule', schedule: weekly }] })))).toBeNull();
  });

  it('never keeps an option only computers have, so the request is one the core takes for a program for devices', () => {
    const state = runDevice(
      generalDevice,
      edit({ assignments: [{ kind: 'schedule', schedule: atTime }] }),
      edit({ wakeOnLan: true, ignoreMaintenanceWindows: true, allowRestartOutsideMaintenanceWindows: true, displayReminders: true }),
      edit({ fastNetwork: 'runFromDp', slowNetwork: 'runFromDp', allowFallbackToUnprotectedDps: true }),
    );
    expect(requestOf(state.draft, '00012CC0001A2000')).toMatchObject({
      programName: 'Handheld',
      assignedSchedule: '00012CC0001A2000',
      asSoonAsPossible: false,
      atLogon: false,
      atLogoff: false,
      wakeOnLan: false,
      ignoreMaintenanceWindows: false,
      allowRestartOutsideMaintenanceWindows: false,
      fastNetwork: 'download',
      slowNetwork: 'download',
      allowFallbackToUnprotectedDps: false,
      displayReminders: false,
    });
    const slow = reduce(state, edit({ slowNetwork: 'doNotRun' }));
    expect(slow.draft.slowNetwork).toBe('doNotRun');
    const labels = advertisementSummary(slow.draft, { packageLabel: (id) => id, collectionLabel: (id) => id }).flatMap((section) => section.rows.map((row) => row.label));
    expect(labels).toContain('Priority');
    expect(labels.filter((label) => /Wake On LAN|maintenance|rerun|reminders|Countdown|Fall back/i.test(label))).toEqual([]);
  });

  it('knows a device advertisement by AdvertFlags WINDOWS_CE, and its Properties have the device pages', () => {
    expect(advertisementKindOf({ advertFlags: 0x00028000 })).toBe('device');
    expect(advertisementKindOf({ advertFlags: 0x00020000 })).toBe('computer');
    const dto = { ...requestOf(newAdvertisementDraft({}, now, 'device'), ''), advertFlags: 0x8000, options: { ...requestOf(newAdvertisementDraft({}, now), ''), otherBits: {} } } as unknown as AdvertisementDto;
    expect(draftOfAdvertisement(dto, []).kind).toBe('device');
  });
});

describe('advertisement Properties', () => {
  const saved = {
    advertisement: {
      ...requestOf(newAdvertisementDraft({ packageId: 'A0100001', programName: 'Unattended', collectionId: 'SMS00001' }, now), '0002C1C0001A2001'),
      advertisementName: 'Office weekly',
      comment: '',
      expirationTime: null,
      expirationTimeEnabled: false,
      mandatoryCountdownMinutes: 0,
      options: {
        asSoonAsPossible: true,
        atLogon: false,
        atLogoff: false,
        wakeOnLan: false,
        ignoreMaintenanceWindows: false,
        allowRestartOutsideMaintenanceWindows: false,
        priority: 'medium',
        rerun: 'never',
        fastNetwork: 'download',
        slowNetwork: 'doNotRun',
        allowFallbackToUnprotectedDps: false,
        allowUsersToRunIndependently: true,
        displayReminders: false,
      },
    } as unknown as AdvertisementDto,
    schedules: [{ ...weekly, token: '0002C1C0001A2001' }],
  };

  it('reads the schedules and events into one list, and sends nothing when nothing changed', () => {
    const draft = draftOfAdvertisement(saved.advertisement, saved.schedules);
    expect(draft.assignments.map((a) => a.kind)).toEqual(['schedule', 'event']);
    expect(sheetChanges(saved, draft)).toEqual({});
  });

  it('sends only the changed field, and the schedules only when the list\'s schedules changed', () => {
    const draft = draftOfAdvertisement(saved.advertisement, saved.schedules);
    expect(sheetChanges(saved, { ...draft, allowUsersToRunIndependently: false })).toEqual({ allowUsersToRunIndependently: false });
    const withoutAsap = { ...draft, assignments: draft.assignments.filter((a) => a.kind === 'schedule') };
    expect(sheetChanges(saved, withoutAsap)).toEqual({ asSoonAsPossible: false });
    const moved = { ...draft, assignments: [{ kind: 'schedule' as const, schedule: { ...weekly, day: 3 } }] };
    expect(sheetChanges(saved, moved)).toEqual({ asSoonAsPossible: false, schedules: [{ ...weekly, day: 3 }] });
  });
});
