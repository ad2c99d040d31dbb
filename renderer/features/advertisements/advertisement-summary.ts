import type { AdvertisementDto } from '../../../core/api';
import type { SummaryRow, SummarySection } from '../programs/program-summary';
import type { AdvertisementDraft } from './advertisement-draft';
import { advertisementTimeText, fastNetworkLabels, priorityLabels, rerunLabels, slowNetworkLabels } from './advertisement-labels';
import { assignmentText } from './assignment-schedule-dialog';

export interface SummaryNames {
  readonly packageLabel: (packageId: string) => string;
  readonly collectionLabel: (collectionId: string) => string;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function generalRows(draft: AdvertisementDraft, names: SummaryNames): SummaryRow[] {
  return [
    { label: 'Name', value: draft.advertisementName.trim() },
    { label: 'Comment', value: draft.comment.trim() === '' ? '(none)' : draft.comment.trim() },
    { label: 'Package', value: names.packageLabel(draft.packageId) },
    { label: 'Program', value: draft.programName },
    { label: 'Collection', value: names.collectionLabel(draft.collectionId) },
    { label: 'Include members of subcollections', value: yesNo(draft.includeSubcollections) },
  ];
}

function timeRows(draft: AdvertisementDraft): SummaryRow[] {
  return [
    { label: 'Available after', value: advertisementTimeText(draft.presentTime, draft.presentTimeIsGmt) },
    { label: 'Expires', value: draft.expirationTimeEnabled ? advertisementTimeText(draft.expirationTime, draft.expirationTimeIsGmt) : 'Never' },
    { label: 'Mandatory assignments', value: draft.assignments.length === 0 ? 'None' : draft.assignments.map(assignmentText).join('; ') },
  ];
}

/** Every setting the New Advertisement Wizard will use, in plain words, by the page that set it. */
export function advertisementSummary(draft: AdvertisementDraft, names: SummaryNames): SummarySection[] {
  if (draft.kind === 'device') return deviceAdvertisementSummary(draft, names);
  return [
    {
      title: 'General',
      rows: generalRows(draft, names),
    },
    {
      title: 'Schedule',
      rows: [
        ...timeRows(draft),
        { label: 'Enable Wake On LAN', value: yesNo(draft.wakeOnLan) },
        { label: 'Ignore maintenance windows', value: yesNo(draft.ignoreMaintenanceWindows) },
        { label: 'Allow restart outside maintenance windows', value: yesNo(draft.allowRestartOutsideMaintenanceWindows) },
        { label: 'Priority', value: priorityLabels[draft.priority] },
        { label: 'Program rerun behavior', value: rerunLabels[draft.rerun] },
      ],
    },
    {
      title: 'Distribution Points',
      rows: [
        { label: 'Fast (LAN) boundary', value: fastNetworkLabels[draft.fastNetwork] },
        { label: 'Slow or unreliable boundary', value: slowNetworkLabels[draft.slowNetwork] },
        { label: 'Fall back to unprotected distribution points', value: yesNo(draft.allowFallbackToUnprotectedDps) },
      ],
    },
    {
      title: 'Interaction',
      rows: [
        { label: 'Users may run it independently of assignments', value: yesNo(draft.allowUsersToRunIndependently) },
        { label: 'Display reminders', value: yesNo(draft.displayReminders) },
        { label: 'Countdown', value: draft.customCountdown ? `${draft.mandatoryCountdownMinutes} minutes` : "The client agent's" },
      ],
    },
  ];
}

/** What the New Advertisement For Device Wizard sets: no rows for the options only computers have. */
function deviceAdvertisementSummary(draft: AdvertisementDraft, names: SummaryNames): SummarySection[] {
  return [
    { title: 'General', rows: [...generalRows(draft, names), { label: 'Type', value: 'Device' }] },
    { title: 'Schedule', rows: [...timeRows(draft), { label: 'Priority', value: priorityLabels[draft.priority] }] },
    {
      title: 'Distribution Points',
      rows: [
        { label: 'Fast (LAN) boundary', value: fastNetworkLabels[draft.fastNetwork] },
        { label: 'Slow or unreliable boundary', value: slowNetworkLabels[draft.slowNetwork] },
      ],
    },
    { title: 'Interaction', rows: [{ label: 'Users may run it independently of assignments', value: yesNo(draft.allowUsersToRunIndependently) }] },
  ];
}

/** The Confirmation page: the advertisement the site made, by its new ID. */
export function createdAdvertisementRows(advertisement: AdvertisementDto): readonly SummaryRow[] {
  return [
    { label: 'Advertisement ID', value: advertisement.advertisementId },
    { label: 'Name', value: advertisement.advertisementName },
    { label: 'Package', value: advertisement.packageId },
    { label: 'Program', value: advertisement.programName },
    { label: 'Collection', value: advertisement.collectionId },
  ];
}
