import type { ResourceDeletedDto, ResourceDto, ResourceImportDto } from '../api';
import { textFields, textTable } from './text-table';

const known = (value: string | null): string => value ?? '';
const values = (list: readonly string[]): string => list.join('; ');

export function formatResourceList(resources: readonly ResourceDto[]): string {
  if (resources.length === 0) return 'No resources. Add one with: courier resource add NAME, or import a CSV file with: courier resource import FILE.csv';
  return textTable(
    ['Resource ID', 'Type', 'Name', 'Domain', 'Client', 'IP addresses'],
    resources.map((r) => [String(r.resourceId), r.resourceType, r.name, known(r.domain), r.client === null ? '' : r.client ? 'yes' : 'no', values(r.ipAddresses)]),
  );
}

/** The fields its type has, as the resource's Properties show them. */
export function formatResource(r: ResourceDto): string {
  const common: [string, string][] = [
    ['Resource ID', String(r.resourceId)],
    ['Class', r.resourceClass],
    ['Name', r.name],
    ['Domain', known(r.domain)],
  ];
  const own: [string, string][] =
    r.resourceType === 'system'
      ? [
          ['SMS unique identifier', known(r.smsUniqueIdentifier)],
          ['Operating system', known(r.operatingSystem)],
          ['Platform', known(r.platform)],
          ['IP addresses', values(r.ipAddresses)],
          ['IP subnets', values(r.ipSubnets)],
          ['AD site', known(r.adSiteName)],
          ['System OUs', values(r.systemOuNames)],
          ['Last logged-on user', known(r.lastLogonUserName)],
          ['Client', r.client === null ? '' : r.client ? 'yes' : 'no'],
          ['Client version', known(r.clientVersion)],
          ['Assigned sites', values(r.assignedSites)],
        ]
      : r.resourceType === 'user'
        ? [
            ['Full name', known(r.fullName)],
            ['User groups', values(r.userGroups)],
            ['User OUs', values(r.userOuNames)],
          ]
        : [];
  return textFields([...common, ...own, ['Created', r.createdAt], ['Last modified', r.lastModified]]);
}

export function formatResourceImport(result: ResourceImportDto): string {
  const head = `Imported ${result.created + result.updated} ${result.resourceType} resources: ${result.created} new, ${result.updated} updated, ${result.refused.length} rows refused.`;
  if (result.refused.length === 0) return head;
  return `${head}\n\n${textTable(['Line', 'Name', 'Why'], result.refused.map((row) => [String(row.line), row.name ?? '', row.reasons.join(' ')]))}`;
}

export function formatResourceDeleted(deleted: ResourceDeletedDto): string {
  const rules = deleted.directRulesRemovedFrom.length > 0 ? ` Its direct rules went from ${deleted.directRulesRemovedFrom.join(', ')}.` : '';
  return `Removed resource ${deleted.resourceId} (${deleted.name}).${rules}`;
}
