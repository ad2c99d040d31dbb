import { supportedPlatforms, type PlatformDto } from '../api';

/** What the platform rule reads of a program: its kind and its Requirements page. */
export type PlatformProgram =
  | { readonly kind: 'device' }
  | { readonly kind: 'computer'; readonly anyPlatform: boolean; readonly platforms: readonly string[] };

/** What it reads of a machine: SMS_OS_Details' Name (`Win NT`), the OS version, the processor platform. */
export interface PlatformMachine {
  readonly osName: string;
  readonly osVersion: string;
  readonly platform: string;
}

/**
 * Whether a program may run on a machine (the Requirements page's "This program can run only
 * on specified client platforms"): null when it may, else why not. The platforms are the
 * SMS_SupportedPlatforms rows the site lists (core/api/platforms.ts): OS name, processor
 * platform and a version range, compared part by part as numbers. The client agent applies it
 * before it runs a program, and the dry run of an advertisement to the systems the site knows.
 */
export function platformProblem(program: PlatformProgram, machine: PlatformMachine): string | null {
  if (program.kind === 'device') return 'It is a program for devices (Windows CE); this client is a computer.';
  if (program.anyPlatform) return null;
  const version = versionParts(machine.osVersion);
  if (version === null) return `This client's OS version "${machine.osVersion.slice(0, 40)}" is not a dotted version number.`;
  const rows = program.platforms.map((id) => supportedPlatforms.find((p) => p.id === id)).filter((p): p is PlatformDto => p !== undefined);
  if (rows.some((row) => fits(row, machine, version))) return null;
  const named = rows.map((row) => row.displayText);
  const unknown = program.platforms.filter((id) => !supportedPlatforms.some((p) => p.id === id));
  const listed = [...named, ...unknown.map((id) => `${id} (a platform this agent does not know)`)].join(', ');
  return `The program runs only on ${listed}; this client is ${machine.osName} ${machine.osVersion} on ${machine.platform}.`;
}

/**
 * The machine a system's discovery record describes, or null when the site does not know it (not
 * yet registered or inventoried). SMS_R_System.OperatingSystemNameandVersion is the OS name and
 * its version, `Microsoft Windows NT Workstation 6.1`, as the client agent registers it
 * (`Microsoft Windows NT` for SMS_OS_Details' `Win NT`); the platform is I386, x64 or IA64.
 */
export function machineOfSystem(operatingSystem: string | null, platform: string | null): PlatformMachine | null {
  if (operatingSystem === null || platform === null) return null;
  const match = /^(.*?)\s+(\d{1,9}(?:\.\d{1,9}){0,3})\s*$/.exec(operatingSystem.trim());
  if (!match) return null;
  const name = match[1] ?? '';
  return { osName: /^Microsoft Windows NT\b/i.test(name) ? 'Win NT' : name, osVersion: match[2] ?? '', platform };
}

function fits(row: PlatformDto, machine: PlatformMachine, version: number[]): boolean {
  if (row.osName.toLowerCase() !== machine.osName.trim().toLowerCase()) return false;
  if (row.osPlatform.toLowerCase() !== machine.platform.toLowerCase()) return false;
  const min = versionParts(row.minVersion) ?? [];
  const max = versionParts(row.maxVersion) ?? [];
  return compareVersions(version, min) >= 0 && compareVersions(version, max) <= 0;
}

/**
 * SMS_OS_Details writes the minor version as two digits (Windows XP, which Win32_OperatingSystem
 * reports as 5.1.2600, is 5.10; Server 2003's 5.2 is 5.20), so a one-digit minor part is read as
 * tens: 5.1.2600 and 5.10.2600.0 are the same version, and 6.1 comes after 5.20.
 */
function versionParts(text: string): number[] | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}(\.\d{1,9}){0,3}$/.test(trimmed)) return null;
  return trimmed.split('.').map((part, index) => (index === 1 && part.length === 1 ? Number(part) * 10 : Number(part)));
}

/** Missing parts count as 0: 6.1 is 6.1.0.0. */
function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
