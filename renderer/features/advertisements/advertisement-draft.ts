import {
  advertisementCreateSchema,
  maxAssignedSchedules,
  type AdvertisementCreateInput,
  type AdvertisementDto,
  type AdvertisementOptionsDto,
  type Schedule,
} from '../../../core/api';
import type { FieldIssues, SettingsRules } from '../programs/settings-rules';
import { assignmentEvents, type AssignmentEvent } from './advertisement-labels';
import type { AdvertisementStart } from './advertisements-kinds';

/**
 * Which wizard a draft belongs to: New Advertisement (a program for computers) or New
 * Advertisement For Device (a program for devices, docs/advertisements.md#advertisements-for-devices).
 * It never changes while the draft is edited: the General page lists only programs of its kind.
 */
export type AdvertisementKind = 'computer' | 'device';

/** SMS_Advertisement AdvertFlags WINDOWS_CE: the core sets it when the program is one for devices. */
const windowsCeFlag = 0x00008000;

export function advertisementKindOf(advertisement: Pick<AdvertisementDto, 'advertFlags'>): AdvertisementKind {
  return (advertisement.advertFlags & windowsCeFlag) !== 0 ? 'device' : 'computer';
}

/** One row of the Schedule page's Mandatory Assignments list, as the Assignment Schedule dialog sets it. */
export type Assignment = { readonly kind: 'event'; readonly event: AssignmentEvent } | { readonly kind: 'schedule'; readonly schedule: Schedule };

/**
 * What the New Advertisement Wizard's pages and an advertisement's Properties edit. The contract
 * keeps the mandatory assignments as three booleans and a string of schedule tokens; the pages
 * show them as one list, which `requestOf` turns back into the contract's fields.
 */
export type AdvertisementDraft = Pick<
  AdvertisementDto,
  | 'advertisementName'
  | 'comment'
  | 'packageId'
  | 'programName'
  | 'collectionId'
  | 'includeSubcollections'
  | 'presentTime'
  | 'presentTimeIsGmt'
  | 'expirationTimeEnabled'
  | 'expirationTime'
  | 'expirationTimeIsGmt'
  | 'mandatoryCountdownMinutes'
> &
  Omit<AdvertisementOptionsDto, AssignmentEvent | 'onSchedule' | 'schedulesAreGmt' | 'mandatory' | 'otherBits'> & {
    readonly kind: AdvertisementKind;
    readonly assignments: readonly Assignment[];
    /** "Use custom countdown notification length"; off sends 0, the client agent's countdown. */
    readonly customCountdown: boolean;
  };

export type AdvertisementField = keyof AdvertisementDraft;

export const advertisementPages = ['general', 'schedule', 'distributionPoints', 'interaction', 'security'] as const;
export type AdvertisementPage = (typeof advertisementPages)[number];

export const advertisementPageLabels: Readonly<Record<AdvertisementPage, string>> = {
  general: 'General',
  schedule: 'Schedule',
  distributionPoints: 'Distribution Points',
  interaction: 'Interaction',
  security: 'Security',
};

export const advertisementFieldPage: Readonly<Record<AdvertisementField, AdvertisementPage>> = {
  kind: 'general',
  advertisementName: 'general',
  comment: 'general',
  packageId: 'general',
  programName: 'general',
  collectionId: 'general',
  includeSubcollections: 'general',
  presentTime: 'schedule',
  presentTimeIsGmt: 'schedule',
  expirationTimeEnabled: 'schedule',
  expirationTime: 'schedule',
  expirationTimeIsGmt: 'schedule',
  assignments: 'schedule',
  wakeOnLan: 'schedule',
  ignoreMaintenanceWindows: 'schedule',
  allowRestartOutsideMaintenanceWindows: 'schedule',
  priority: 'schedule',
  rerun: 'schedule',
  fastNetwork: 'distributionPoints',
  slowNetwork: 'distributionPoints',
  allowFallbackToUnprotectedDps: 'distributionPoints',
  allowUsersToRunIndependently: 'interaction',
  displayReminders: 'interaction',
  customCountdown: 'interaction',
  mandatoryCountdownMinutes: 'interaction',
};

export const advertisementFieldLabels: Readonly<Record<AdvertisementField, string>> = {
  kind: 'Type',
  advertisementName: 'Name',
  comment: 'Comment',
  packageId: 'Package',
  programName: 'Program',
  collectionId: 'Collection',
  includeSubcollections: 'Include members of subcollections',
  presentTime: 'Advertisement start time',
  presentTimeIsGmt: 'UTC',
  expirationTimeEnabled: 'Advertisement expires',
  expirationTime: 'Expiration time',
  expirationTimeIsGmt: 'UTC',
  assignments: 'Mandatory assignments',
  wakeOnLan: 'Enable Wake On LAN',
  ignoreMaintenanceWindows: 'Ignore maintenance windows when running program',
  allowRestartOutsideMaintenanceWindows: 'Allow system restart outside maintenance windows',
  priority: 'Priority',
  rerun: 'Program rerun behavior',
  fastNetwork: 'When a client is connected within a fast (LAN) network boundary',
  slowNetwork: 'When a client is connected within a slow or unreliable network boundary',
  allowFallbackToUnprotectedDps: 'Allow clients to fallback to unprotected distribution points',
  allowUsersToRunIndependently: 'Allow users to run the program independently of assignments',
  displayReminders: 'Display reminders according to the client agent reminder intervals',
  customCountdown: 'Use custom countdown notification length',
  mandatoryCountdownMinutes: 'Countdown (minutes)',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` of a moment on this console's clock, as the Schedule page's date and time fields show it. */
export function wallClockText(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/**
 * What a device advertisement has no control for: the suite's New Advertisement For Device wizard
 * sets the times, assignments at a time and the priority, and a device downloads the program; the
 * rest is the computer client's (the core refuses each of these set for a program for devices).
 * Rerun and the countdown it accepts, but no device page offers them, so they keep their values.
 */
const computerOnlyFields: ReadonlySet<AdvertisementField> = new Set<AdvertisementField>([
  'wakeOnLan',
  'ignoreMaintenanceWindows',
  'allowRestartOutsideMaintenanceWindows',
  'rerun',
  'allowFallbackToUnprotectedDps',
  'displayReminders',
  'customCountdown',
  'mandatoryCountdownMinutes',
]);

/** Whether the pages of an advertisement of this kind show the field. */
export function offersField(kind: AdvertisementKind, field: AdvertisementField): boolean {
  if (field === 'kind') return false;
  return kind === 'computer' || !computerOnlyFields.has(field);
}

/** The fields a page shows for an advertisement of this kind, in the page's order. */
export function pageFields(kind: AdvertisementKind, page: AdvertisementPage): AdvertisementField[] {
  return (Object.keys(advertisementFieldPage) as AdvertisementField[]).filter((field) => advertisementFieldPage[field] === page && offersField(kind, field));
}

/** The wizard's defaults (docs/advertisements.md#worked-examples): available from now, nothing mandatory. */
export function newAdvertisementDraft(start: AdvertisementStart, now: Date, kind: AdvertisementKind = 'computer'): AdvertisementDraft {
  return {
    kind,
    advertisementName: '',
    comment: '',
    packageId: start.packageId ?? '',
    programName: start.programName ?? '',
    collectionId: start.collectionId ?? '',
    includeSubcollections: true,
    presentTime: wallClockText(now),
    presentTimeIsGmt: false,
    expirationTimeEnabled: false,
    expirationTime: null,
    expirationTimeIsGmt: false,
    assignments: [],
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
    customCountdown: false,
    mandatoryCountdownMinutes: 0,
  };
}

/** The schedules of the list, in order, without the tokens they were read from (a token is what they encode to). */
export function assignedSchedulesOf(draft: Pick<AdvertisementDraft, 'assignments'>): Schedule[] {
  return draft.assignments.flatMap((a) => {
    if (a.kind !== 'schedule') return [];
    const { token: _token, ...schedule } = a.schedule;
    return [schedule as Schedule];
  });
}

const hasEvent = (draft: Pick<AdvertisementDraft, 'assignments'>, event: AssignmentEvent) => draft.assignments.some((a) => a.kind === 'event' && a.event === event);

/** The contract's request for a draft; `assignedSchedule` is the tokens of its schedules (schedules:encode). */
export function requestOf(draft: AdvertisementDraft, assignedSchedule: string): AdvertisementCreateInput {
  return {
    advertisementName: draft.advertisementName,
    comment: draft.comment,
    packageId: draft.packageId,
    programName: draft.programName,
    collectionId: draft.collectionId,
    includeSubcollections: draft.includeSubcollections,
    presentTime: draft.presentTime,
    presentTimeIsGmt: draft.presentTimeIsGmt,
    expirationTimeEnabled: draft.expirationTimeEnabled,
    expirationTime: draft.expirationTime,
    expirationTimeIsGmt: draft.expirationTimeIsGmt,
    assignedSchedule,
    asSoonAsPossible: hasEvent(draft, 'asSoonAsPossible'),
    atLogon: hasEvent(draft, 'atLogon'),
    atLogoff: hasEvent(draft, 'atLogoff'),
    wakeOnLan: draft.wakeOnLan,
    ignoreMaintenanceWindows: draft.ignoreMaintenanceWindows,
    allowRestartOutsideMaintenanceWindows: draft.allowRestartOutsideMaintenanceWindows,
    priority: draft.priority,
    rerun: draft.rerun,
    fastNetwork: draft.fastNetwork,
    slowNetwork: draft.slowNetwork,
    allowFallbackToUnprotectedDps: draft.allowFallbackToUnprotectedDps,
    allowUsersToRunIndependently: draft.allowUsersToRunIndependently,
    displayReminders: draft.displayReminders,
    mandatoryCountdownMinutes: draft.customCountdown ? draft.mandatoryCountdownMinutes : 0,
  };
}

/** An advertisement as its pages show it; `schedules` are its AssignedSchedule tokens decoded (schedules:decode). */
export function draftOfAdvertisement(a: AdvertisementDto, schedules: readonly Schedule[]): AdvertisementDraft {
  const events = assignmentEvents.filter((event) => a.options[event]).map((event): Assignment => ({ kind: 'event', event }));
  return {
    kind: advertisementKindOf(a),
    advertisementName: a.advertisementName,
    comment: a.comment,
    packageId: a.packageId,
    programName: a.programName,
    collectionId: a.collectionId,
    includeSubcollections: a.includeSubcollections,
    presentTime: a.presentTime,
    presentTimeIsGmt: a.presentTimeIsGmt,
    expirationTimeEnabled: a.expirationTimeEnabled,
    expirationTime: a.expirationTime,
    expirationTimeIsGmt: a.expirationTimeIsGmt,
    assignments: [...schedules.map((schedule): Assignment => ({ kind: 'schedule', schedule })), ...events],
    wakeOnLan: a.options.wakeOnLan,
    ignoreMaintenanceWindows: a.options.ignoreMaintenanceWindows,
    allowRestartOutsideMaintenanceWindows: a.options.allowRestartOutsideMaintenanceWindows,
    priority: a.options.priority,
    rerun: a.options.rerun,
    fastNetwork: a.options.fastNetwork,
    slowNetwork: a.options.slowNetwork,
    allowFallbackToUnprotectedDps: a.options.allowFallbackToUnprotectedDps,
    allowUsersToRunIndependently: a.options.allowUsersToRunIndependently,
    displayReminders: a.options.displayReminders,
    customCountdown: a.mandatoryCountdownMinutes > 0,
    mandatoryCountdownMinutes: a.mandatoryCountdownMinutes,
  };
}

/** The contract's fields that are the Mandatory Assignments list. */
const assignmentFields = new Set(['asSoonAsPossible', 'atLogon', 'atLogoff', 'assignedSchedule']);

/** The draft field a core error's dotted path names (`changes.atLogoff` is the assignments list). */
export function draftFieldOfError(path: string | undefined): AdvertisementField | undefined {
  if (path === undefined) return undefined;
  const segments = path.split('.').filter((s) => s !== '');
  const first = segments[0] === 'changes' ? segments[1] : segments[0];
  if (first === undefined) return undefined;
  if (assignmentFields.has(first)) return 'assignments';
  return first in advertisementFieldPage ? (first as AdvertisementField) : undefined;
}

/**
 * The core's rules over a draft: the contract's schema on the request it becomes, and what the
 * pages can tell before asking the site (an expiry after the start, at most 15 schedules, a
 * custom countdown of at least a minute). Rules that need the program (logoff) are the core's.
 */
export function advertisementIssues(draft: AdvertisementDraft): FieldIssues<AdvertisementField> {
  const issues: Partial<Record<AdvertisementField, string>> = {};
  const parsed = advertisementCreateSchema.safeParse(requestOf(draft, ''));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = draftFieldOfError(issue.path.map(String).join('.'));
      if (field !== undefined && issues[field] === undefined) issues[field] = issue.message;
    }
  }
  // Chosen, not typed: the pages say where to choose them rather than what the ID must look like.
  if (draft.packageId === '') issues.packageId = 'Select the package to advertise.';
  if (draft.programName === '') issues.programName = draft.kind === 'device' ? 'Select the program for devices to advertise.' : 'Select the program of the package to advertise.';
  if (draft.collectionId === '') issues.collectionId = 'Browse for the collection to advertise to.';
  if (issues.expirationTime === undefined && draft.expirationTimeEnabled) {
    if (draft.expirationTime === null) issues.expirationTime = 'The advertisement expires, so it needs its expiration time.';
    // Both on one clock: compare the texts (they share the YYYY-MM-DDTHH:MM shape); across clocks the site server decides.
    else if (draft.expirationTimeIsGmt === draft.presentTimeIsGmt && draft.expirationTime <= draft.presentTime) {
      issues.expirationTime = 'The advertisement would expire before it starts; the expiration time must be later than the start time.';
    }
  }
  if (draft.kind === 'device' && issues.assignments === undefined) {
    const problem = deviceAssignmentProblem(draft.assignments);
    if (problem !== null) issues.assignments = problem;
  }
  if (assignedSchedulesOf(draft).length > maxAssignedSchedules) issues.assignments = `An advertisement can have at most ${maxAssignedSchedules} assigned schedules.`;
  if (draft.customCountdown && draft.mandatoryCountdownMinutes < 1 && issues.mandatoryCountdownMinutes === undefined) {
    issues.mandatoryCountdownMinutes = 'A custom countdown is 1 to 1440 minutes; clear the option to use the client agent\'s.';
  }
  return issues;
}

/** A device is assigned at a time: no event, no recurrence (the core's rule, so Next waits for it). */
function deviceAssignmentProblem(assignments: readonly Assignment[]): string | null {
  const at = assignments.findIndex((a) => a.kind === 'event' || a.schedule.type !== 'nonRecurring');
  if (at < 0) return null;
  const a = assignments[at];
  return a?.kind === 'event'
    ? 'An advertisement for devices is assigned at a time; it has no assignment after an event (as soon as possible, logon, logoff).'
    : `An advertisement for devices is assigned at a time, without recurrence: assignment ${at + 1} recurs.`;
}

const isMandatory = (draft: AdvertisementDraft) => draft.assignments.length > 0;

/**
 * Applies an edit, then settles what the pages tie together, so a disabled control never keeps a
 * value the core would refuse: the three options of mandatory assignments only with one; the
 * reminders only while users may run the program early; one row per event; for a device, none
 * of the computer-only options.
 */
export function applyAdvertisementChange(draft: AdvertisementDraft, changes: Partial<AdvertisementDraft>): AdvertisementDraft {
  const next: { -readonly [K in AdvertisementField]: AdvertisementDraft[K] } = { ...draft, ...changes };
  const seen = new Set<string>();
  next.assignments = next.assignments.filter((a) => {
    if (a.kind !== 'event') return true;
    if (seen.has(a.event)) return false;
    seen.add(a.event);
    return true;
  });
  if (!isMandatory(next) || next.kind === 'device') {
    next.wakeOnLan = false;
    next.ignoreMaintenanceWindows = false;
    next.allowRestartOutsideMaintenanceWindows = false;
  }
  if (!next.allowUsersToRunIndependently || next.kind === 'device') next.displayReminders = false;
  if (next.kind === 'device') {
    // A device downloads the program: nothing runs from the DP, and there is no fallback.
    next.fastNetwork = 'download';
    if (next.slowNetwork === 'runFromDp') next.slowNetwork = 'download';
    next.allowFallbackToUnprotectedDps = false;
  }
  if (!next.customCountdown) next.mandatoryCountdownMinutes = 0;
  return next;
}

export const advertisementRules: SettingsRules<AdvertisementDraft, AdvertisementPage> = {
  pages: advertisementPages,
  pageLabels: advertisementPageLabels,
  fieldPage: advertisementFieldPage,
  fieldLabels: advertisementFieldLabels,
  issues: advertisementIssues,
  apply: applyAdvertisementChange,
  touchedBy: (changes) => Object.keys(changes).filter((key): key is AdvertisementField => key in advertisementFieldPage && key !== 'kind'),
};
