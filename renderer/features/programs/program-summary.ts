import { supportedPlatforms, type ComputerProgramSettings, type DeviceProgramSettings } from '../../../core/api';
import {
  afterRunningLabels,
  assignmentLabels,
  canRunWhenLabels,
  downloadWhenLabels,
  driveModeLabels,
  runLabels,
  runModeLabels,
} from './program-labels';

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

function diskSpace(draft: Pick<ComputerProgramSettings, 'estimatedDiskSpace' | 'diskSpaceUnit'>): string {
  return draft.estimatedDiskSpace === null ? 'Unknown' : `${draft.estimatedDiskSpace} ${draft.diskSpaceUnit}`;
}

const platformNames = new Map(supportedPlatforms.map((p) => [p.id, p.displayText]));

/** Every setting the New Program Wizard will use, in plain words, grouped by the page that set it. */
export function programSummary(draft: ComputerProgramSettings, packageLabel: (packageId: string) => string): SummarySection[] {
  const drive =
    draft.driveMode === 'specificDriveLetter' ? `${driveModeLabels.specificDriveLetter} ${draft.driveLetter}:` : driveModeLabels[draft.driveMode];
  return [
    {
      title: 'General',
      rows: [
        { label: 'Name', value: draft.name.trim() },
        { label: 'Comment', value: orNone(draft.comment) },
        { label: 'Command line', value: draft.commandLine.trim() },
        { label: 'Start in', value: draft.startIn.trim() === '' ? 'The distribution folder' : draft.startIn.trim() },
        { label: 'Run', value: runLabels[draft.run] },
        { label: 'After running', value: afterRunningLabels[draft.afterRunning] },
      ],
    },
    {
      title: 'Requirements',
      rows: [
        { label: 'Estimated disk space', value: diskSpace(draft) },
        { label: 'Maximum allowed run time', value: draft.maximumRunTime === null ? 'Unknown' : `${draft.maximumRunTime} minutes` },
        {
          label: 'Platforms',
          value: draft.anyPlatform ? 'Any platform' : draft.platforms.map((id) => platformNames.get(id) ?? id).join(', '),
        },
        { label: 'Additional requirements', value: orNone(draft.additionalRequirements) },
      ],
    },
    {
      title: 'Environment',
      rows: [
        { label: 'Program can run', value: canRunWhenLabels[draft.canRunWhen] },
        {
          label: 'Run mode',
          value: runModeLabels[draft.runMode] + (draft.useInstallAccount ? ', using the Software Installation Account' : ''),
        },
        { label: 'Allow users to interact with this program', value: yesNo(draft.allowUserInteraction) },
        { label: 'Drive mode', value: drive + (draft.reconnectAtLogon ? ', reconnecting at logon' : '') },
      ],
    },
    {
      title: 'Advanced',
      rows: [
        {
          label: 'Run another program first',
          value:
            draft.runFirst === null
              ? 'No'
              : `${draft.runFirst.programName} from ${packageLabel(draft.runFirst.packageId)}` +
                (draft.alwaysRunDependent ? ', always' : ''),
        },
        { label: 'When assigned to a computer', value: assignmentLabels[draft.assignment] },
        { label: 'Suppress program notifications', value: yesNo(draft.suppressNotifications) },
        { label: 'Disabled where advertised', value: yesNo(draft.disabled) },
        { label: 'Install Software task sequence without being advertised', value: yesNo(draft.allowTaskSequenceInstall) },
      ],
    },
    {
      title: 'Windows Installer',
      rows: [
        { label: 'Windows Installer file', value: orNone(draft.msiFilePath) },
        { label: 'Product code', value: orNone(draft.msiProductCode) },
      ],
    },
    {
      title: 'MOM Maintenance Mode',
      rows: [
        { label: 'Disable Operations Manager alerts while it runs', value: yesNo(draft.disableMomAlerts) },
        { label: 'Generate an alert if it fails', value: yesNo(draft.generateMomAlertOnFailure) },
      ],
    },
  ];
}

export function deviceProgramSummary(draft: DeviceProgramSettings): SummarySection[] {
  return [
    {
      title: 'General',
      rows: [
        { label: 'Name', value: draft.name.trim() },
        { label: 'Comment', value: orNone(draft.comment) },
        { label: 'Download folder', value: draft.downloadFolder.trim() },
        { label: 'Command line', value: draft.commandLine.trim() },
        {
          label: 'Runs from',
          value: draft.runFrom === 'downloadFolder' ? 'The download folder' : draft.runFolder.trim(),
        },
      ],
    },
    {
      title: 'Requirements',
      rows: [
        { label: 'Estimated disk space', value: diskSpace(draft) },
        { label: 'Download program', value: downloadWhenLabels[draft.downloadWhen] },
      ],
    },
  ];
}
