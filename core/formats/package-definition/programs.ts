import { foldNoCase } from '../../api';
import { programFlagsOf } from '../../domain/program-flags';
import { shown, type Issues, type SectionReader } from './reader';
import { readDiskSpace, readDriveLetter, readRunTime } from './program-values';
import { readSupportedClients } from './platforms';
import { toProgramSettings } from './settings';
import type { PackageDefinitionProgram, SupportedClients } from './types';

/** Bounds a definition: the suite's own files have one to five programs. */
export const maxPrograms = 100;

/** SupportedClients / SupportedPlatforms: far more than the suite's whole platform table spelled out. */
export const maxClientList = 4000;

/** Client names a note lists before it counts the rest. */
const maxListedClients = 10;

function listed(names: readonly string[]): string {
  if (names.length <= maxListedClients) return names.join(', ');
  return `${names.slice(0, maxListedClients).join(', ')} and ${names.length - maxListedClients} more`;
}

export type ProgramDraft = Omit<PackageDefinitionProgram, 'programFlags' | 'notes'>;

const runWords = { Normal: 'normal', Minimized: 'minimized', Maximized: 'maximized', Hidden: 'hidden' } as const;
const afterWords = { NoAction: 'noAction', SMSRestart: 'configMgrRestarts', ProgramRestart: 'programRestarts', SMSLogoff: 'configMgrLogsOff' } as const;
const canRunWords = { UserLoggedOn: 'userLoggedOn', NoUserLoggedOn: 'noUserLoggedOn', AnyUserStatus: 'whetherOrNot' } as const;
const assignmentWords = { FirstUser: 'oncePerComputer', EveryUser: 'oncePerUser' } as const;

/** A `[<Program>]` section of a 2.0 file (docs/formats.md#format-20). */
export function readProgram20(r: SectionReader): { draft: ProgramDraft; notes: string[] } {
  const notes: string[] = [];
  const disk = readDiskSpace(r, 'EstimatedDiskSpace');
  const draft: ProgramDraft = {
    section: r.name,
    line: r.section.line,
    name: r.required('Name', 50, true),
    commandLine: r.required('CommandLine', 127, true),
    startIn: r.text('StartIn', 127, 'refuse'),
    comment: r.text('Comment', 127),
    icon: r.text('Icon', 260),
    run: r.choice('Run', runWords, 'normal'),
    afterRunning: r.choice('AfterRunning', afterWords, 'noAction'),
    canRunWhen: r.choice('CanRunWhen', canRunWords, 'userLoggedOn'),
    userInputRequired: r.bool('UserInputRequired', true),
    adminRightsRequired: r.bool('AdminRightsRequired', false),
    useInstallAccount: r.bool('UseInstallAccount', false),
    estimatedDiskSpace: disk.amount,
    estimatedDiskSpaceUnit: disk.unit,
    estimatedRunTime: readRunTime(r, 'EstimatedRunTime'),
    supportedClients: readSupportedClients(r.section, r.text('SupportedClients', maxClientList, 'refuse'), notes),
    dependentProgram: r.text('DependentProgram', 50, 'refuse') || null,
    assignment: r.choice('Assignment', assignmentWords, 'oncePerComputer'),
    disabled: r.bool('Disabled', false),
    driveLetterConnection: r.bool('DriveLetterConnection', false),
    specifyDrive: readDriveLetter(r, 'SpecifyDrive'),
    reconnectDriveAtLogon: r.bool('ReconnectDriveAtLogon', false),
    additionalProgramRequirements: r.text('AdditionalProgramRequirements', 127),
  };
  return { draft, notes };
}

/**
 * Applies the rules the suite applies on import (docs/formats.md#rules-applied-on-import) and the contract's rules
 * between settings, then derives ProgramFlags. Each change is noted in words.
 */
export function finishProgram(draft: ProgramDraft, notes: string[], explicit: (key: string) => string | undefined): PackageDefinitionProgram {
  let p = { ...draft };
  if (p.canRunWhen !== 'userLoggedOn') {
    const when = p.canRunWhen === 'noUserLoggedOn' ? 'NoUserLoggedOn' : 'AnyUserStatus';
    if (p.userInputRequired) {
      if (explicit('UserInputRequired') !== undefined) notes.push(`UserInputRequired is forced to False because CanRunWhen=${when}.`);
      p = { ...p, userInputRequired: false };
    }
    if (!p.adminRightsRequired) {
      if (explicit('AdminRightsRequired') !== undefined) notes.push(`AdminRightsRequired is forced to True because CanRunWhen=${when}.`);
      p = { ...p, adminRightsRequired: true };
    }
    if (p.assignment !== 'oncePerComputer') {
      notes.push(`Assignment is forced to FirstUser because CanRunWhen=${when}.`);
      p = { ...p, assignment: 'oncePerComputer' };
    }
  }
  if (p.useInstallAccount && !p.adminRightsRequired) {
    notes.push('UseInstallAccount is ignored: the installation account is used only with AdminRightsRequired=True.');
    p = { ...p, useInstallAccount: false };
  }
  if (!p.driveLetterConnection) {
    if (p.specifyDrive !== '') notes.push('SpecifyDrive is ignored: DriveLetterConnection is False (the program uses a UNC path).');
    if (p.reconnectDriveAtLogon) notes.push('ReconnectDriveAtLogon is ignored: DriveLetterConnection is False (the program uses a UNC path).');
    p = { ...p, specifyDrive: '', reconnectDriveAtLogon: false };
  }
  p = { ...p, supportedClients: withoutUnmappedOnly(p.supportedClients, notes) };
  const programFlags = programFlagsOf(toProgramSettings(p, ''));
  return { ...p, programFlags, notes };
}

/** Clients none of which is a Courier platform: the program runs on any platform, and says so. */
function withoutUnmappedOnly(c: SupportedClients, notes: string[]): SupportedClients {
  if (c.restricted && c.platforms.length === 0) {
    notes.push(`No Courier platform matches ${listed(c.unmapped)}; the program may run on any platform. Choose its platforms after the import.`);
  } else if (c.unmapped.length > 0) {
    notes.push(`No Courier platform matches ${listed(c.unmapped)}; only the platforms that match are kept.`);
  }
  return c;
}

/** DependentProgram must name another program of the same file; the chain may not loop. */
export function checkDependencies(
  programs: PackageDefinitionProgram[],
  issues: Issues,
  lineOf: (p: PackageDefinitionProgram) => number | null,
): PackageDefinitionProgram[] {
  const byKey = new Map<string, PackageDefinitionProgram>();
  for (const p of programs) byKey.set(foldNoCase(p.name), p);
  for (const p of programs) if (!byKey.has(foldNoCase(p.section))) byKey.set(foldNoCase(p.section), p);
  const resolved = programs.map((p) => {
    if (p.dependentProgram === null) return p;
    const target = byKey.get(foldNoCase(p.dependentProgram));
    if (!target) {
      issues.add(p.section, 'DependentProgram', lineOf(p), `${shown(p.dependentProgram)} is not a program of this file`);
      return { ...p, dependentProgram: null };
    }
    if (target === p) {
      issues.add(p.section, 'DependentProgram', lineOf(p), 'a program cannot run itself first');
      return { ...p, dependentProgram: null };
    }
    return { ...p, dependentProgram: target.name };
  });
  const next = new Map(resolved.map((p) => [foldNoCase(p.name), p.dependentProgram === null ? null : foldNoCase(p.dependentProgram)]));
  for (const p of resolved) {
    const own = foldNoCase(p.name);
    const seen = new Set<string>([own]);
    let at = next.get(own) ?? null;
    while (at !== null) {
      if (seen.has(at)) {
        if (at === own) issues.add(p.section, 'DependentProgram', lineOf(p), `the programs to run first form a loop through ${shown(p.dependentProgram ?? '')}`);
        break;
      }
      seen.add(at);
      at = next.get(at) ?? null;
    }
  }
  return resolved;
}
