import { computerProgramDefaults, type ComputerProgramSettings, type MsiInfoDto } from '../api';

/**
 * The programs an administrator expects from an MSI, as the suite's MSI import made them: per-system
 * and per-user, attended and unattended, and an uninstall for each. Each carries the file and the
 * product code on its Windows Installer page, so clients can repair from the source later.
 */
export function msiPrograms(fileName: string, msi: MsiInfoDto): ComputerProgramSettings[] {
  const install = `msiexec /i "${fileName}"`;
  const uninstall = `msiexec /x ${msi.productCode}`;
  const base = { ...computerProgramDefaults, msiFilePath: fileName, msiProductCode: msi.productCode };
  const perSystem = { ...base, canRunWhen: 'whetherOrNot', runMode: 'adminRights' } as const;
  const perUser = { ...base, canRunWhen: 'userLoggedOn', runMode: 'userRights' } as const;
  return [
    // Attended needs someone at the keyboard, so it runs only while a user is logged on.
    { ...perSystem, name: 'Per-system attended', commandLine: `${install} ALLUSERS=1`, canRunWhen: 'userLoggedOn', allowUserInteraction: true },
    { ...perSystem, name: 'Per-system unattended', commandLine: `${install} /q ALLUSERS=1` },
    { ...perSystem, name: 'Per-system uninstall', commandLine: `${uninstall} /q` },
    { ...perUser, name: 'Per-user attended', commandLine: install, allowUserInteraction: true },
    { ...perUser, name: 'Per-user unattended', commandLine: `${install} /q` },
    { ...perUser, name: 'Per-user uninstall', commandLine: `${uninstall} /q` },
  ];
}

// The languages installers most often declare; others show as their Windows language id.
const languageNames: Readonly<Record<string, string>> = {
  '0': 'Neutral',
  '1025': 'Arabic',
  '1028': 'Chinese (Traditional)',
  '1029': 'Czech',
  '1030': 'Danish',
  '1031': 'German',
  '1032': 'Greek',
  '1033': 'English',
  '1035': 'Finnish',
  '1036': 'French',
  '1037': 'Hebrew',
  '1038': 'Hungarian',
  '1040': 'Italian',
  '1041': 'Japanese',
  '1042': 'Korean',
  '1043': 'Dutch',
  '1044': 'Norwegian',
  '1045': 'Polish',
  '1046': 'Portuguese (Brazil)',
  '1049': 'Russian',
  '1053': 'Swedish',
  '1055': 'Turkish',
  '2052': 'Chinese (Simplified)',
  '2070': 'Portuguese (Portugal)',
  '3082': 'Spanish',
};

/** ProductLanguage may list several ids ("1033,1031"); the first names the package's language. */
export function msiLanguageName(productLanguage: string): string {
  const first = productLanguage.split(',')[0]?.trim() ?? '';
  return languageNames[first] ?? first;
}
