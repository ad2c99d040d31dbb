import { supportedPlatforms, type AccessAccountDto, type ComputerProgramDto, type DeviceProgramDto, type ProgramDeletedDto, type ProgramDto } from '../api';
import { textFields, textTable } from './text-table';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const hex = (value: number): string => `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
const runFirstOf = (p: ProgramDto): string => (p.kind === 'computer' && p.runFirst ? `${p.runFirst.packageId}:${p.runFirst.programName}` : '');

export function formatProgramList(packageId: string, programs: readonly ProgramDto[]): string {
  if (programs.length === 0) return `Package ${packageId} has no programs. Create one with: courier program create ${packageId} --name NAME --command-line COMMAND`;
  return textTable(
    ['Name', 'Kind', 'ProgramFlags', 'Run first', 'Command line'],
    programs.map((p) => [p.name, p.kind, hex(p.programFlags), runFirstOf(p), p.commandLine]),
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function sectionsText(sections: readonly (readonly [string, [string, string][]])[]): string {
  return sections.map(([title, fields]) => `${title}\n${indent(textFields(fields))}`).join('\n\n');
}

function platformsText(p: ComputerProgramDto): string {
  if (p.anyPlatform) return 'any platform';
  return p.platforms.map((id) => supportedPlatforms.find((platform) => platform.id === id)?.displayText ?? id).join(', ');
}

function computerSections(p: ComputerProgramDto): [string, [string, string][]][] {
  return [
    [
      'General',
      [
        ['Package ID', p.packageId],
        ['Name', p.name],
        ['Kind', 'program for computers'],
        ['Comment', p.comment],
        ['Command line', p.commandLine],
        ['Start in', p.startIn],
        ['Run', p.run],
        ['After running', p.afterRunning],
      ],
    ],
    [
      'Requirements',
      [
        ['Estimated disk space', p.diskSpaceReq],
        ['Maximum run time', p.maximumRunTime === null ? 'Unknown' : `${p.maximumRunTime} min`],
        ['Platforms', platformsText(p)],
        ['Additional requirements', p.additionalRequirements],
      ],
    ],
    [
      'Environment',
      [
        ['Program can run', p.canRunWhen],
        ['Run mode', p.runMode],
        ['Use installation account', yesNo(p.useInstallAccount)],
        ['Allow user interaction', yesNo(p.allowUserInteraction)],
        ['Drive mode', p.driveMode === 'specificDriveLetter' ? `drive ${p.driveLetter}:` : p.driveMode],
        ['Reconnect at logon', yesNo(p.reconnectAtLogon)],
      ],
    ],
    [
      'Advanced',
      [
        ['Run first', runFirstOf(p) || 'none'],
        ['Always run first', yesNo(p.alwaysRunDependent)],
        ['When assigned', p.assignment],
        ['Suppress notifications', yesNo(p.suppressNotifications)],
        ['Disabled', yesNo(p.disabled)],
        ['Task sequence install', yesNo(p.allowTaskSequenceInstall)],
      ],
    ],
    [
      'Windows Installer',
      [
        ['File', p.msiFilePath],
        ['Product code', p.msiProductCode],
      ],
    ],
    [
      'MOM maintenance mode',
      [
        ['Disable alerts while running', yesNo(p.disableMomAlerts)],
        ['Alert on failure', yesNo(p.generateMomAlertOnFailure)],
      ],
    ],
    [
      'Suite fields',
      [
        ['ProgramFlags', hex(p.programFlags)],
        ['DependentProgram', p.dependentProgram],
      ],
    ],
  ];
}

function deviceSections(p: DeviceProgramDto): [string, [string, string][]][] {
  return [
    [
      'General',
      [
        ['Package ID', p.packageId],
        ['Name', p.name],
        ['Kind', 'program for devices'],
        ['Comment', p.comment],
        ['Download folder', p.downloadFolder],
        ['Command line', p.commandLine],
        ['Run from', p.runFrom === 'folder' ? p.runFolder : 'the download folder'],
      ],
    ],
    [
      'Requirements',
      [
        ['Estimated disk space', p.diskSpaceReq],
        ['Download program', p.downloadWhen],
      ],
    ],
    [
      'Suite fields',
      [
        ['ProgramFlags', hex(p.programFlags)],
        ['DeviceFlags', hex(p.deviceFlags)],
      ],
    ],
  ];
}

/** Every setting, grouped as the program's Properties tabs group them. */
export function formatProgram(p: ProgramDto): string {
  const record: [string, [string, string][]] = [
    'Record',
    [
      ['Created', p.createdAt],
      ['Last modified', p.lastModified],
    ],
  ];
  return sectionsText([...(p.kind === 'computer' ? computerSections(p) : deviceSections(p)), record]);
}

export function formatProgramDeleted(deleted: ProgramDeletedDto): string {
  const ads = deleted.deletedAdvertisements.length > 0 ? ` Deleted its advertisements: ${deleted.deletedAdvertisements.join(', ')}.` : '';
  return `Deleted program "${deleted.programName}" of package ${deleted.packageId}.${ads}`;
}

const permissionText = { noAccess: 'No Access', read: 'Read', change: 'Change', fullControl: 'Full Control' } as const;

export function formatAccessAccounts(packageId: string, accounts: readonly AccessAccountDto[]): string {
  if (accounts.length === 0) return `Package ${packageId} has no access accounts.`;
  return textTable(
    ['Account', 'Type', 'Permission', 'Access', 'UserName'],
    accounts.map((a) => [a.accountName, a.kind === 'generic' ? 'generic' : `Windows ${a.accountType}`, permissionText[a.permission], `0x${a.access.toString(16).toUpperCase()}`, a.userName]),
  );
}

export function formatAccessAccount(a: AccessAccountDto): string {
  return `${a.accountName} (${a.kind === 'generic' ? 'generic' : `Windows ${a.accountType}`}): ${permissionText[a.permission]} on package ${a.packageId}.`;
}
