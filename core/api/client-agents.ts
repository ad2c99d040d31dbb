import { z } from 'zod';
import { boundedWholeNumber } from './bounded-number';

/**
 * Site Settings › Client Agents: the site-wide settings the site sends to its clients in policy
 * (docs/client-agents.md). Courier keeps the Advertised Programs Client Agent's, which the
 * client reads as CCM_SoftwareDistributionClientConfig and the suite stores in the site control
 * file as SMS_SCI_ClientComp.
 */
export const clientAgentNames = ['advertised-programs'] as const;
export type ClientAgentName = (typeof clientAgentNames)[number];

/** Where the new program notification icon takes the user: Add or Remove Programs, or Run Advertised Programs (NewProgramNotificationUI). */
export const newProgramNotificationUis = ['ARP', 'RAP'] as const;
/** When the client plays a sound for a new advertisement. */
export const notificationSounds = ['none', 'mandatory', 'all'] as const;

export type NewProgramNotificationUi = (typeof newProgramNotificationUis)[number];
export type NotificationSound = (typeof notificationSounds)[number];

/**
 * The numbers, with the suite's defaults. The bounds are Courier's: a countdown of at most a day,
 * polling from every 5 minutes to once a day, and reminders no further apart than the window
 * they belong to allows (docs/client-agents.md#bounds).
 */
export const advertisedProgramsLimits = {
  countdownMinutes: { min: 1, max: 1440, default: 5 },
  policyPollingMinutes: { min: 5, max: 1440, default: 60 },
  reminderOver24HoursHours: { min: 1, max: 168, default: 48 },
  reminderWithin24HoursHours: { min: 1, max: 24, default: 4 },
  reminderWithin1HourMinutes: { min: 1, max: 60, default: 15 },
} as const;

export type AdvertisedProgramsNumber = keyof typeof advertisedProgramsLimits;

export interface AdvertisedProgramsAgentSettings {
  /** General: Enable software distribution to clients (on by default). */
  readonly enabled: boolean;
  /** General: Allow user targeted advertisement requests. */
  readonly allowUserTargetedRequests: boolean;
  /** General: the new program notification icon opens Add or Remove Programs (ARP) or Run Advertised Programs (RAP). */
  readonly newProgramNotificationUi: NewProgramNotificationUi;
  /** Notification: show the notification icon in the notification area for a new advertisement. */
  readonly displayNotification: boolean;
  readonly playSound: NotificationSound;
  /** Notification: a countdown before a mandatory program runs, `countdownMinutes` long. */
  readonly countdownEnabled: boolean;
  readonly countdownMinutes: number;
  /** How often the user is reminded of a mandatory assignment more than 24 hours away (hours). */
  readonly reminderOver24HoursHours: number;
  /** … 24 hours or less away (hours). */
  readonly reminderWithin24HoursHours: number;
  /** … an hour or less away (minutes). */
  readonly reminderWithin1HourMinutes: number;
  /** How often clients ask the management point for new policy, advertisements among it (minutes). */
  readonly policyPollingMinutes: number;
}

export const advertisedProgramsDefaults: AdvertisedProgramsAgentSettings = {
  enabled: true,
  allowUserTargetedRequests: false,
  newProgramNotificationUi: 'RAP',
  displayNotification: true,
  playSound: 'none',
  countdownEnabled: true,
  countdownMinutes: advertisedProgramsLimits.countdownMinutes.default,
  reminderOver24HoursHours: advertisedProgramsLimits.reminderOver24HoursHours.default,
  reminderWithin24HoursHours: advertisedProgramsLimits.reminderWithin24HoursHours.default,
  reminderWithin1HourMinutes: advertisedProgramsLimits.reminderWithin1HourMinutes.default,
  policyPollingMinutes: advertisedProgramsLimits.policyPollingMinutes.default,
};

export const advertisedProgramsLabels: Readonly<Record<keyof AdvertisedProgramsAgentSettings, string>> = {
  enabled: 'Enable software distribution to clients',
  allowUserTargetedRequests: 'Allow user targeted advertisement requests',
  newProgramNotificationUi: 'New program notification icon opens Add or Remove Programs',
  displayNotification: 'Display a notification message',
  playSound: 'Play a sound',
  countdownEnabled: 'Provide a countdown for mandatory programs',
  countdownMinutes: 'Countdown length (minutes)',
  reminderOver24HoursHours: 'More than 24 hours before an assignment, remind every (hours)',
  reminderWithin24HoursHours: '24 hours or less before an assignment, remind every (hours)',
  reminderWithin1HourMinutes: 'An hour or less before an assignment, remind every (minutes)',
  policyPollingMinutes: 'Policy polling interval (minutes)',
};

const yesNo = (label: string) => z.boolean({ error: `${label} is true or false.` });
const oneOf = <T extends readonly [string, ...string[]]>(label: string, values: T) => z.enum(values, { error: `${label} is one of ${values.join(', ')}.` });
const number = (field: AdvertisedProgramsNumber) => boundedWholeNumber(advertisedProgramsLabels[field], advertisedProgramsLimits[field]);

const agentSchema = z.enum(clientAgentNames, { error: `The client agent is one of ${clientAgentNames.join(', ')}.` });

export const clientAgentRefSchema = z.strictObject({ agent: agentSchema });

/** `client-agents:set`: the settings given change, the others stay. */
export const clientAgentSetSchema = z.strictObject({
  agent: agentSchema,
  changes: z.strictObject({
    enabled: yesNo('Enable software distribution to clients').optional(),
    allowUserTargetedRequests: yesNo('Allow user targeted advertisement requests').optional(),
    newProgramNotificationUi: oneOf('The new program notification', newProgramNotificationUis).optional(),
    displayNotification: yesNo('Display a notification message').optional(),
    playSound: oneOf('Play a sound', notificationSounds).optional(),
    countdownEnabled: yesNo('Provide a countdown').optional(),
    countdownMinutes: number('countdownMinutes').optional(),
    reminderOver24HoursHours: number('reminderOver24HoursHours').optional(),
    reminderWithin24HoursHours: number('reminderWithin24HoursHours').optional(),
    reminderWithin1HourMinutes: number('reminderWithin1HourMinutes').optional(),
    policyPollingMinutes: number('policyPollingMinutes').optional(),
  }),
});
export type ClientAgentSetInput = z.input<typeof clientAgentSetSchema>;
export type AdvertisedProgramsChanges = z.output<typeof clientAgentSetSchema>['changes'];

export interface AdvertisedProgramsAgentDto extends AdvertisedProgramsAgentSettings {
  readonly agent: 'advertised-programs';
  readonly name: 'Advertised Programs Client Agent';
  /** null until the settings are first changed. */
  readonly lastModified: string | null;
}
