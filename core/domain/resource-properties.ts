import type { ResourceClassName, ResourceDto } from '../api';

/** The resource fields a discovery class property stands for. */
export type ResourceField = keyof Pick<
  ResourceDto,
  | 'resourceId'
  | 'name'
  | 'smsUniqueIdentifier'
  | 'domain'
  | 'accountName'
  | 'fullName'
  | 'operatingSystem'
  | 'platform'
  | 'ipAddresses'
  | 'ipSubnets'
  | 'adSiteName'
  | 'systemOuNames'
  | 'lastLogonUserName'
  | 'client'
  | 'clientVersion'
  | 'assignedSites'
  | 'userGroups'
  | 'userOuNames'
>;

export type MultiValuedField = 'ipAddresses' | 'ipSubnets' | 'systemOuNames' | 'assignedSites' | 'userGroups' | 'userOuNames';

export const multiValuedFields: readonly MultiValuedField[] = ['ipAddresses', 'ipSubnets', 'systemOuNames', 'assignedSites', 'userGroups', 'userOuNames'];

export function isMultiValued(field: ResourceField): field is MultiValuedField {
  return (multiValuedFields as readonly string[]).includes(field);
}

export interface ResourceProperty {
  /** As the suite's class names it (SMS_R_System.IPAddresses); compared in any case. */
  readonly property: string;
  readonly field: ResourceField;
  /** Read from a CSV column; ResourceId is the site's to give, and derived parts of a name are not read. */
  readonly importable: boolean;
}

const p = (property: string, field: ResourceField, importable = true): ResourceProperty => ({ property, field, importable });

/**
 * The properties of each discovery class Courier keeps, and the field each stands for: the CSV
 * import reads its header row with this table, and query rules are compiled with it
 * (core/db/wql-storage.ts). `Platform` is Courier's own: the suite keeps the processor
 * architecture in hardware inventory, which Courier does not have.
 */
export const resourceProperties: Readonly<Record<ResourceClassName, readonly ResourceProperty[]>> = {
  SMS_R_System: [
    p('ResourceId', 'resourceId', false),
    p('Name', 'name'),
    p('NetbiosName', 'name'),
    p('SMSUniqueIdentifier', 'smsUniqueIdentifier'),
    p('ResourceDomainORWorkgroup', 'domain'),
    p('OperatingSystemNameandVersion', 'operatingSystem'),
    p('Platform', 'platform'),
    p('IPAddresses', 'ipAddresses'),
    p('IPSubnets', 'ipSubnets'),
    p('ADSiteName', 'adSiteName'),
    p('SystemOUName', 'systemOuNames'),
    p('LastLogonUserName', 'lastLogonUserName'),
    p('Client', 'client'),
    p('ClientVersion', 'clientVersion'),
    p('SMSAssignedSites', 'assignedSites'),
  ],
  SMS_R_User: [
    p('ResourceId', 'resourceId', false),
    p('UniqueUserName', 'name'),
    p('Name', 'name'),
    p('UserName', 'accountName', false),
    p('WindowsNTDomain', 'domain', false),
    p('FullUserName', 'fullName'),
    p('UserGroupName', 'userGroups'),
    p('UserOUName', 'userOuNames'),
  ],
  SMS_R_UserGroup: [
    p('ResourceId', 'resourceId', false),
    p('UniqueUsergroupName', 'name'),
    p('Name', 'name'),
    p('UsergroupName', 'accountName', false),
    p('WindowsNTDomain', 'domain', false),
  ],
};

/** A class's property by name in any case, as WQL and the CSV header compare them. */
export function findResourceProperty(className: ResourceClassName, name: string): ResourceProperty | undefined {
  const wanted = name.toLowerCase();
  return resourceProperties[className].find((property) => property.property.toLowerCase() === wanted);
}
