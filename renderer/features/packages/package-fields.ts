import type { PackageSettings } from '../../../core/api';

export type PackageField = keyof PackageSettings;

/** The pages of the New Package Wizard and the tabs of the package's Properties that edit settings. */
export const packageSettingPages = ['general', 'dataSource', 'dataAccess', 'distributionSettings', 'reporting'] as const;
export type PackageSettingPageId = (typeof packageSettingPages)[number];

export const settingPageLabels: Readonly<Record<PackageSettingPageId, string>> = {
  general: 'General',
  dataSource: 'Data Source',
  dataAccess: 'Data Access',
  distributionSettings: 'Distribution Settings',
  reporting: 'Reporting',
};

/** Which page (and tab) holds each setting, so an error about a field can take the user there. */
export const fieldPage: Readonly<Record<PackageField, PackageSettingPageId>> = {
  name: 'general',
  version: 'general',
  publisher: 'general',
  language: 'general',
  comment: 'general',
  containsSourceFiles: 'dataSource',
  sourceDirectory: 'dataSource',
  sourceOption: 'dataSource',
  updateSchedule: 'dataSource',
  persistInClientCache: 'dataSource',
  binaryDifferentialReplication: 'dataSource',
  dataAccess: 'dataAccess',
  shareFolder: 'dataAccess',
  disconnectUsers: 'dataAccess',
  userGracePeriod: 'dataAccess',
  disconnectRetries: 'dataAccess',
  sendingPriority: 'distributionSettings',
  preferredSender: 'distributionSettings',
  branchContent: 'distributionSettings',
  availableOnProtectedOnRequest: 'distributionSettings',
  mifMatching: 'reporting',
  mifFileName: 'reporting',
  mifName: 'reporting',
  mifVersion: 'reporting',
  mifPublisher: 'reporting',
};

/** Each setting's name as the console shows it, for messages that point at a field. */
export const fieldLabels: Readonly<Record<PackageField, string>> = {
  name: 'Name',
  version: 'Version',
  publisher: 'Publisher',
  language: 'Language',
  comment: 'Comment',
  containsSourceFiles: 'This package contains source files',
  sourceDirectory: 'Source directory',
  sourceOption: 'How files are obtained from the source directory',
  updateSchedule: 'Update distribution points on a schedule',
  persistInClientCache: 'Persist content in the client cache',
  binaryDifferentialReplication: 'Enable binary differential replication',
  dataAccess: 'Distribution folder access',
  shareFolder: 'Share name',
  disconnectUsers: 'Disconnect users from distribution points',
  userGracePeriod: 'User grace period (minutes)',
  disconnectRetries: 'Number of retries before disconnecting users',
  sendingPriority: 'Sending priority',
  preferredSender: 'Preferred sender',
  branchContent: 'Branch distribution point settings',
  availableOnProtectedOnRequest: 'Make this package available on protected distribution points when requested by clients inside the protected boundaries',
  mifMatching: 'Status MIF matching',
  mifFileName: 'MIF file name',
  mifName: 'MIF name',
  mifVersion: 'MIF version',
  mifPublisher: 'MIF publisher',
};

export function isPackageField(value: unknown): value is PackageField {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(fieldPage, value);
}

/**
 * The setting an error from the core is about. The core names fields by dotted path; update
 * requests nest the settings under `changes`, and schedule errors go one level deeper.
 */
export function fieldFromErrorPath(path: string | undefined): PackageField | undefined {
  if (path === undefined) return undefined;
  const segments = path.split('.').filter((segment) => segment !== '');
  const first = segments[0] === 'changes' ? segments[1] : segments[0];
  return isPackageField(first) ? first : undefined;
}
