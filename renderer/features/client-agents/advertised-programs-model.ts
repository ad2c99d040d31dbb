import {
  advertisedProgramsLabels,
  advertisedProgramsLimits,
  type AdvertisedProgramsAgentDto,
  type AdvertisedProgramsAgentSettings,
  type AdvertisedProgramsChanges,
  type AdvertisedProgramsNumber,
} from '../../../core/api';
import { wholeNumberIn } from '../../components/form-layout';
import { propertiesModel } from '../../components/property-sheet';

export type AdvertisedProgramsTab = 'general' | 'notification';
export type AdvertisedProgramsField = keyof AdvertisedProgramsAgentSettings;

export const advertisedProgramsTabs: readonly { readonly id: AdvertisedProgramsTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'notification', label: 'Notification' },
];

/** The numbers stay text while typed, so a half-typed value is shown as it is and refused at its field. */
export type AdvertisedProgramsDraft = Omit<AdvertisedProgramsAgentSettings, AdvertisedProgramsNumber> & Readonly<Record<AdvertisedProgramsNumber, string>>;

const numbers = Object.keys(advertisedProgramsLimits) as AdvertisedProgramsNumber[];
const choices = ['enabled', 'allowUserTargetedRequests', 'newProgramNotificationUi', 'displayNotification', 'playSound', 'countdownEnabled'] as const;

const fieldTabs: Readonly<Record<AdvertisedProgramsField, AdvertisedProgramsTab>> = {
  enabled: 'general',
  allowUserTargetedRequests: 'general',
  newProgramNotificationUi: 'general',
  policyPollingMinutes: 'general',
  displayNotification: 'notification',
  playSound: 'notification',
  countdownEnabled: 'notification',
  countdownMinutes: 'notification',
  reminderOver24HoursHours: 'notification',
  reminderWithin24HoursHours: 'notification',
  reminderWithin1HourMinutes: 'notification',
};

/** The same words as the core's refusal, so the field says what the CLI would. */
export function advertisedProgramsIssues(draft: AdvertisedProgramsDraft): Partial<Record<AdvertisedProgramsField, string>> {
  const issues: Partial<Record<AdvertisedProgramsField, string>> = {};
  for (const field of numbers) {
    const { min, max } = advertisedProgramsLimits[field];
    const value = wholeNumberIn(draft[field]);
    if (value === null || value < min || value > max) issues[field] = `${advertisedProgramsLabels[field]} is a whole number from ${min} to ${max}.`;
  }
  return issues;
}

export interface AdvertisedProgramsSpec {
  readonly saved: AdvertisedProgramsAgentDto;
  readonly draft: AdvertisedProgramsDraft;
  readonly edit: Partial<AdvertisedProgramsDraft>;
  readonly changes: AdvertisedProgramsChanges;
  readonly issues: Partial<Record<AdvertisedProgramsField, string>>;
  readonly tab: AdvertisedProgramsTab;
}

/** Advertised Programs Client Agent Properties, through client-agents:get and client-agents:set (docs/client-agents.md). */
export const advertisedProgramsProperties = propertiesModel<AdvertisedProgramsSpec>({
  draftOf: (saved) => ({
    enabled: saved.enabled,
    allowUserTargetedRequests: saved.allowUserTargetedRequests,
    newProgramNotificationUi: saved.newProgramNotificationUi,
    displayNotification: saved.displayNotification,
    playSound: saved.playSound,
    countdownEnabled: saved.countdownEnabled,
    countdownMinutes: String(saved.countdownMinutes),
    reminderOver24HoursHours: String(saved.reminderOver24HoursHours),
    reminderWithin24HoursHours: String(saved.reminderWithin24HoursHours),
    reminderWithin1HourMinutes: String(saved.reminderWithin1HourMinutes),
    policyPollingMinutes: String(saved.policyPollingMinutes),
  }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: Record<string, unknown> = {};
    for (const field of choices) if (draft[field] !== saved[field]) changes[field] = draft[field];
    for (const field of numbers) {
      const value = wholeNumberIn(draft[field]);
      // A value that is not a number is a change too: its issue blocks Apply until it is fixed.
      if (value === null) changes[field] = Number.NaN;
      else if (value !== saved[field]) changes[field] = value;
    }
    return changes as AdvertisedProgramsChanges;
  },
  issues: advertisedProgramsIssues,
  fieldTabs: () => fieldTabs,
  fieldLabel: (field) => advertisedProgramsLabels[field as AdvertisedProgramsField] ?? field,
  fieldOfError: (path) => {
    const field = path?.startsWith('changes.') ? path.slice('changes.'.length) : path;
    return field !== undefined && field in fieldTabs ? field : undefined;
  },
  firstTab: 'general',
});
