import type { PackageDeletedDto, PackageDto } from '../api';
import { textFields, textTable } from './text-table';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export function formatPackageList(packages: readonly PackageDto[]): string {
  if (packages.length === 0) return 'No packages. Create one with: courier package create --name NAME';
  return textTable(
    ['Package ID', 'Name', 'Version', 'Publisher', 'Language', 'Source directory'],
    packages.map((p) => [p.packageId, p.name, p.version, p.publisher, p.language, p.containsSourceFiles ? p.sourceDirectory : '(none)']),
  );
}

/** Every setting, grouped as the package's Properties tabs group them. */
export function formatPackage(p: PackageDto): string {
  const sections: [string, [string, string][]][] = [
    [
      'General',
      [
        ['Package ID', p.packageId],
        ['Name', p.name],
        ['Version', p.version],
        ['Publisher', p.publisher],
        ['Language', p.language],
        ['Comment', p.comment],
      ],
    ],
    [
      'Data source',
      [
        ['Contains source files', yesNo(p.containsSourceFiles)],
        ['Source directory', p.sourceDirectory],
        ['Source option', p.sourceOption],
        ['Update schedule', p.refreshSchedule === '' ? 'none' : p.refreshSchedule],
        ['Persist in client cache', yesNo(p.persistInClientCache)],
        ['Binary differential replication', yesNo(p.binaryDifferentialReplication)],
        ['Source version', String(p.sourceVersion)],
        ['Source date', p.sourceDate],
      ],
    ],
    [
      'Data access',
      [
        ['Access', p.dataAccess === 'shareFolder' ? `share ${p.shareFolder}` : 'common SMSPKGx$ share'],
        ['Disconnect users', yesNo(p.disconnectUsers)],
        ['User grace period', `${p.userGracePeriod} min`],
        ['Retries before disconnecting', String(p.disconnectRetries)],
      ],
    ],
    [
      'Distribution settings',
      [
        ['Sending priority', p.sendingPriority],
        ['Preferred sender', p.preferredSender === '' ? 'none' : p.preferredSender],
        ['Branch content', p.branchContent],
        ['Available on protected DPs on request', yesNo(p.availableOnProtectedOnRequest)],
      ],
    ],
    [
      'Reporting',
      [
        ['MIF matching', p.mifMatching],
        ['MIF file name', p.mifFileName],
        ['MIF name', p.mifName],
        ['MIF version', p.mifVersion],
        ['MIF publisher', p.mifPublisher],
      ],
    ],
    [
      'Record',
      [
        ['Created', p.createdAt],
        ['Last modified', p.lastModified],
      ],
    ],
  ];
  return sections.map(([title, fields]) => `${title}\n${indent(textFields(fields))}`).join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export function formatDeleted(deleted: PackageDeletedDto): string {
  return `Deleted package ${deleted.packageId} (${deleted.name}).`;
}
