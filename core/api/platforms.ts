/**
 * The supported-platforms table behind the Requirements page ("This program can run only on
 * specified client platforms"), after the suite's SMS_SupportedPlatforms rows for SCCM 2007 SP2.
 * OSMaxVersion 99.99.9999.9999 in the suite means "all later versions".
 */
export interface PlatformDto {
  readonly id: string;
  readonly displayText: string;
  /** SMS_OS_Details.Name */
  readonly osName: string;
  /** SMS_OS_Details.Platform: I386, x64 or IA64 */
  readonly osPlatform: 'I386' | 'x64' | 'IA64';
  readonly minVersion: string;
  readonly maxVersion: string;
}

export const supportedPlatforms: readonly PlatformDto[] = [
  { id: 'win2000-x86', displayText: 'All x86 Windows 2000', osName: 'Win NT', osPlatform: 'I386', minVersion: '5.00.0000.0', maxVersion: '5.00.9999.9999' },
  { id: 'winxp-x86', displayText: 'All x86 Windows XP', osName: 'Win NT', osPlatform: 'I386', minVersion: '5.10.0000.0', maxVersion: '5.10.9999.9999' },
  { id: 'winxp-x64', displayText: 'All x64 Windows XP Professional', osName: 'Win NT', osPlatform: 'x64', minVersion: '5.20.3790.0', maxVersion: '5.20.3790.9999' },
  { id: 'win2003-x86', displayText: 'All x86 Windows Server 2003', osName: 'Win NT', osPlatform: 'I386', minVersion: '5.20.0000.0', maxVersion: '5.20.9999.9999' },
  { id: 'win2003-x64', displayText: 'All x64 Windows Server 2003', osName: 'Win NT', osPlatform: 'x64', minVersion: '5.20.0000.0', maxVersion: '5.20.9999.9999' },
  { id: 'win2003-ia64', displayText: 'All IA64 Windows Server 2003', osName: 'Win NT', osPlatform: 'IA64', minVersion: '5.20.0000.0', maxVersion: '5.20.9999.9999' },
  { id: 'vista-x86', displayText: 'All x86 Windows Vista', osName: 'Win NT', osPlatform: 'I386', minVersion: '6.00.0000.0', maxVersion: '6.00.9999.9999' },
  { id: 'vista-x64', displayText: 'All x64 Windows Vista', osName: 'Win NT', osPlatform: 'x64', minVersion: '6.00.0000.0', maxVersion: '6.00.9999.9999' },
  { id: 'win2008-x86', displayText: 'All x86 Windows Server 2008', osName: 'Win NT', osPlatform: 'I386', minVersion: '6.00.0000.0', maxVersion: '6.00.9999.9999' },
  { id: 'win2008-x64', displayText: 'All x64 Windows Server 2008', osName: 'Win NT', osPlatform: 'x64', minVersion: '6.00.0000.0', maxVersion: '6.00.9999.9999' },
  { id: 'win2008-ia64', displayText: 'All IA64 Windows Server 2008', osName: 'Win NT', osPlatform: 'IA64', minVersion: '6.00.0000.0', maxVersion: '6.00.9999.9999' },
  { id: 'win7-x86', displayText: 'All x86 Windows 7', osName: 'Win NT', osPlatform: 'I386', minVersion: '6.10.0000.0', maxVersion: '6.10.9999.9999' },
  { id: 'win7-x64', displayText: 'All x64 Windows 7', osName: 'Win NT', osPlatform: 'x64', minVersion: '6.10.0000.0', maxVersion: '6.10.9999.9999' },
  { id: 'win2008r2-x64', displayText: 'All x64 Windows Server 2008 R2', osName: 'Win NT', osPlatform: 'x64', minVersion: '6.10.0000.0', maxVersion: '6.10.9999.9999' },
];

export const platformIds = supportedPlatforms.map((p) => p.id);
