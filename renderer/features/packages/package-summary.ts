import type { PackageSettings } from '../../../core/api';
import { preferredSenderLabels, sendingPriorityLabels } from './distribution-labels';
import { fullPackageName } from '../../../core/api';
import { describeUpdateSchedule } from './update-schedule';

export interface SummaryRow {
  readonly label: string;
  readonly value: string;
}

export interface SummarySection {
  readonly title: string;
  readonly rows: readonly SummaryRow[];
}

function orNone(value: string): string {
  return value.trim() === '' ? '(none)' : value.trim();
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** Every setting the wizard will use, in plain words, grouped by the page that set it. */
export function packageSummary(draft: PackageSettings): SummarySection[] {
  const source: SummaryRow[] = draft.containsSourceFiles
    ? [
        { label: 'Source files', value: `Yes, from ${draft.sourceDirectory}` },
        {
          label: 'Files are',
          value:
            draft.sourceOption === 'direct'
              ? 'Always obtained from the source directory'
              : 'Taken from a compressed copy of the source directory, kept on the site server',
        },
        {
          label: 'Update distribution points on a schedule',
          value: draft.updateSchedule === null ? 'No' : describeUpdateSchedule(draft.updateSchedule),
        },
      ]
    : [{ label: 'Source files', value: 'None: this package contains no source files' }];

  return [
    {
      title: 'General',
      rows: [
        { label: 'Full package name', value: fullPackageName(draft) },
        { label: 'Name', value: draft.name.trim() },
        { label: 'Version', value: orNone(draft.version) },
        { label: 'Publisher', value: orNone(draft.publisher) },
        { label: 'Language', value: orNone(draft.language) },
        { label: 'Comment', value: orNone(draft.comment) },
      ],
    },
    {
      title: 'Data Source',
      rows: [
        ...source,
        { label: 'Persist content in the client cache', value: yesNo(draft.persistInClientCache) },
        { label: 'Binary differential replication', value: yesNo(draft.binaryDifferentialReplication) },
      ],
    },
    {
      title: 'Data Access',
      rows: [
        {
          label: 'Distribution folder',
          value:
            draft.dataAccess === 'commonShare'
              ? 'Accessed through the common ConfigMgr package share (SMSPKGx$)'
              : `Shared as ${draft.shareFolder}`,
        },
        {
          label: 'Disconnect users from distribution points',
          value: draft.disconnectUsers
            ? `Yes, after ${draft.disconnectRetries} ${draft.disconnectRetries === 1 ? 'retry' : 'retries'} and a grace period of ${draft.userGracePeriod} ${draft.userGracePeriod === 1 ? 'minute' : 'minutes'}`
            : 'No',
        },
      ],
    },
    {
      title: 'Distribution Settings',
      rows: [
        { label: 'Sending priority', value: sendingPriorityLabels[draft.sendingPriority] },
        { label: 'Preferred sender', value: preferredSenderLabels[draft.preferredSender] },
        {
          label: 'Branch distribution points',
          value:
            draft.branchContent === 'downloadAutomatically'
              ? 'Content is downloaded automatically when the package is assigned'
              : 'An administrator copies the package manually',
        },
        {
          label: 'Available on protected distribution points on request',
          value: yesNo(draft.availableOnProtectedOnRequest),
        },
      ],
    },
    {
      title: 'Reporting',
      rows:
        draft.mifMatching === 'packageProperties'
          ? [{ label: 'Status MIF matching', value: 'Uses the package properties (Name, Version, Publisher)' }]
          : [
              { label: 'Status MIF matching', value: 'Uses these fields' },
              { label: 'MIF file name', value: orNone(draft.mifFileName) },
              { label: 'MIF name', value: orNone(draft.mifName) },
              { label: 'MIF version', value: orNone(draft.mifVersion) },
              { label: 'MIF publisher', value: orNone(draft.mifPublisher) },
            ],
    },
    {
      title: 'Security',
      rows: [{ label: 'Rights', value: 'You get full rights on the package; rights for others come in a later version' }],
    },
  ];
}
