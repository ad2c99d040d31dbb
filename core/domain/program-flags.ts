import { DeviceFlags, ProgramFlags, type ComputerProgramSettings, type DeviceProgramSettings } from '../api';

/**
 * The suite's ProgramFlags from the console's settings (SMS_Program.ProgramFlags;
 * docs/formats.md#program-flags). Other tools compare Courier with the original by these numbers,
 * so every bit follows the suite exactly.
 * Neither USERCONTEXT nor NOUSERLOGGEDIN means "whether or not a user is logged on".
 */
export function programFlagsOf(s: ComputerProgramSettings): number {
  const F = ProgramFlags;
  let flags = 0;
  if (s.allowTaskSequenceInstall) flags |= F.AUTHORIZED_DYNAMIC_INSTALL;
  if (s.disableMomAlerts) flags |= F.DISABLEMOMALERTONRUNNING;
  if (s.generateMomAlertOnFailure) flags |= F.MOMALERTONFAIL;
  if (s.alwaysRunDependent) flags |= F.RUN_DEPENDANT_ALWAYS;
  if (s.suppressNotifications) flags |= F.COUNTDOWN;
  if (s.disabled) flags |= F.DISABLED;
  if (!s.allowUserInteraction) flags |= F.UNATTENDED;
  if (s.canRunWhen === 'userLoggedOn') flags |= F.USERCONTEXT;
  if (s.canRunWhen === 'noUserLoggedOn') flags |= F.NOUSERLOGGEDIN;
  if (s.runMode === 'adminRights') flags |= F.ADMINRIGHTS;
  if (s.assignment === 'oncePerUser') flags |= F.EVERYUSER;
  if (s.afterRunning === 'programRestarts') flags |= F.OKTOQUIT;
  if (s.afterRunning === 'configMgrRestarts') flags |= F.OKTOREBOOT;
  if (s.afterRunning === 'configMgrLogsOff') flags |= F.OKTOLOGOFF;
  if (s.driveMode === 'unc') flags |= F.USEUNCPATH;
  if (s.reconnectAtLogon) flags |= F.PERSISTCONNECTION;
  if (s.run === 'minimized') flags |= F.RUNMINIMIZED;
  if (s.run === 'maximized') flags |= F.RUNMAXIMIZED;
  if (s.run === 'hidden') flags |= F.HIDEWINDOW;
  if (s.useInstallAccount) flags |= F.RUNACCOUNT;
  if (s.anyPlatform) flags |= F.ANY_PLATFORM;
  return flags >>> 0;
}

/** Device programs carry WINDOWS_CE in ProgramFlags and their download rule in DeviceFlags. */
export function deviceFlagsOf(s: Pick<DeviceProgramSettings, 'downloadWhen'>): number {
  switch (s.downloadWhen) {
    case 'anyTime':
      return DeviceFlags.ALWAYS_ASSIGN;
    case 'fastNetwork':
      return DeviceFlags.HIGH_BANDWIDTH;
    case 'docked':
      return DeviceFlags.DOCKED;
  }
}

export const deviceProgramFlags = ProgramFlags.WINDOWS_CE | ProgramFlags.UNATTENDED;

/** "38 MB" or "Unknown", as SMS_Program.DiskSpaceReq holds it. */
export function diskSpaceReqOf(s: Pick<ComputerProgramSettings, 'estimatedDiskSpace' | 'diskSpaceUnit'>): string {
  return s.estimatedDiskSpace === null ? 'Unknown' : `${s.estimatedDiskSpace} ${s.diskSpaceUnit}`;
}

/** `<PackageID>;;<Program>`, or `;;<Program>` when the program to run first is in the same package. */
export function dependentProgramRefOf(ownPackageId: string, dependent: ComputerProgramSettings['runFirst']): string {
  if (dependent === null) return '';
  return `${dependent.packageId === ownPackageId ? '' : dependent.packageId};;${dependent.programName}`;
}
