import { statusRetentionLimits, type SiteMaintenanceSetInput, type StatusRetentionDto } from '../../../core/api';
import { wholeNumberIn } from '../../components/form-layout';
import { propertiesModel } from '../../components/property-sheet';

export type RetentionTab = 'general';
export type RetentionNumber = keyof typeof statusRetentionLimits;
export type RetentionField = 'enabled' | RetentionNumber;

export const retentionTabs: readonly { readonly id: RetentionTab; readonly label: string }[] = [{ id: 'general', label: 'General' }];

/** The core's own labels (core/api/site.ts), so a field refuses in the words the CLI prints. */
export const retentionLabels: Readonly<Record<RetentionField, string>> = {
  enabled: 'Enable this task',
  keepDays: 'The days to keep status messages',
  everyHours: 'The hours between runs',
};

/** The numbers stay text while typed, so a half-typed value is shown as it is and refused at its field. */
export interface RetentionDraft {
  readonly enabled: boolean;
  readonly keepDays: string;
  readonly everyHours: string;
}

type RetentionChanges = SiteMaintenanceSetInput['deleteAgedStatusMessages'];
const numbers: readonly RetentionNumber[] = ['keepDays', 'everyHours'];

export function retentionIssues(draft: RetentionDraft): Partial<Record<RetentionField, string>> {
  const issues: Partial<Record<RetentionField, string>> = {};
  for (const field of numbers) {
    const { min, max } = statusRetentionLimits[field];
    const value = wholeNumberIn(draft[field]);
    if (value === null || value < min || value > max) issues[field] = `${retentionLabels[field]} must be from ${min} to ${max}.`;
  }
  return issues;
}

interface RetentionSpec {
  readonly saved: StatusRetentionDto;
  readonly draft: RetentionDraft;
  readonly edit: Partial<RetentionDraft>;
  readonly changes: RetentionChanges;
  readonly issues: Partial<Record<RetentionField, string>>;
  readonly tab: RetentionTab;
}

/** Delete Aged Status Messages Properties, through site:maintenance:get and site:maintenance:set (docs/status-messages.md#retention). */
export const retentionProperties = propertiesModel<RetentionSpec>({
  draftOf: (saved) => ({ enabled: saved.enabled, keepDays: String(saved.keepDays), everyHours: String(saved.everyHours) }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: { enabled?: boolean; keepDays?: number; everyHours?: number } = {};
    if (draft.enabled !== saved.enabled) changes.enabled = draft.enabled;
    for (const field of numbers) {
      const value = wholeNumberIn(draft[field]);
      // A value that is not a number is a change too: its issue blocks Apply until it is fixed.
      if (value === null) changes[field] = Number.NaN;
      else if (value !== saved[field]) changes[field] = value;
    }
    return changes;
  },
  issues: retentionIssues,
  fieldTabs: () => ({ enabled: 'general', keepDays: 'general', everyHours: 'general' }),
  fieldLabel: (field) => retentionLabels[field as RetentionField] ?? field,
  fieldOfError: (path) => {
    const field = path?.split('.').at(-1);
    return field !== undefined && field in retentionLabels ? field : undefined;
  },
  firstTab: 'general',
});
