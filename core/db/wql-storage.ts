import { resourceClassNames, type ResourceClassName, type ResourceType } from '../api';
import { resourceProperties, type MultiValuedField, type ResourceField } from '../domain/resource-properties';

/** Where one multi-valued property's values are: one row per value, owned by a resource. */
export interface MultiValuedStorage {
  readonly table: string;
  readonly ownerColumn: string;
  readonly valueColumn: string;
}

export type PropertyStorage = { readonly column: string } | { readonly multi: MultiValuedStorage };

/**
 * How a discovery class is stored, for a compiler that turns a query rule into SQL: its rows
 * are `table` rows matching `filter` (plain SQL over `table`'s own columns, unqualified), keyed
 * by `idColumn`; `columns` maps each property the class has (the suite's spelling, compared in
 * any case) to a column of `table`, or to a child table holding one row per value. Every text
 * column and value column is COLLATE NOCASE, and every value column is indexed, so `=` and
 * `LIKE` compare as WQL does and a condition on a multi-valued property is an EXISTS over an
 * index.
 */
export interface WqlClassStorage {
  readonly table: string;
  readonly idColumn: string;
  readonly filter?: string;
  readonly columns: Readonly<Record<string, PropertyStorage>>;
}

/** The `resources` column of each single-valued field. */
export const resourceFieldColumns: Readonly<Record<Exclude<ResourceField, MultiValuedField>, string>> = {
  resourceId: 'resource_id',
  name: 'name',
  smsUniqueIdentifier: 'sms_unique_identifier',
  domain: 'domain',
  accountName: 'account_name',
  fullName: 'full_name',
  operatingSystem: 'operating_system',
  platform: 'platform',
  adSiteName: 'ad_site_name',
  lastLogonUserName: 'last_logon_user_name',
  client: 'client',
  clientVersion: 'client_version',
};

/** The child table of each multi-valued field; each has (resource_id, position, value). */
export const resourceValueTables: Readonly<Record<MultiValuedField, string>> = {
  ipAddresses: 'resource_ip_addresses',
  ipSubnets: 'resource_ip_subnets',
  systemOuNames: 'resource_system_ous',
  assignedSites: 'resource_assigned_sites',
  userGroups: 'resource_user_groups',
  userOuNames: 'resource_user_ous',
};

const typeOfClass: Readonly<Record<ResourceClassName, ResourceType>> = {
  SMS_R_System: 'system',
  SMS_R_User: 'user',
  SMS_R_UserGroup: 'userGroup',
};

function storageOf(field: ResourceField): PropertyStorage {
  if (field in resourceValueTables) {
    return { multi: { table: resourceValueTables[field as MultiValuedField], ownerColumn: 'resource_id', valueColumn: 'value' } };
  }
  return { column: resourceFieldColumns[field as Exclude<ResourceField, MultiValuedField>] };
}

function classStorage(className: ResourceClassName): WqlClassStorage {
  const columns: Record<string, PropertyStorage> = {};
  for (const { property, field } of resourceProperties[className]) columns[property] = storageOf(field);
  return { table: 'resources', idColumn: 'resource_id', filter: `+resource_type = '${typeOfClass[className]}'`, columns };
}

export const wqlStorage: Readonly<Record<ResourceClassName, WqlClassStorage>> = Object.fromEntries(
  resourceClassNames.map((className) => [className, classStorage(className)]),
) as Record<ResourceClassName, WqlClassStorage>;
