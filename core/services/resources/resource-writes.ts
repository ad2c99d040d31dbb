import { resourceInputSchema, type ResourceInput, type ResourceType } from '../../api';
import type { ResourceRecord, ResourceWrite } from '../../db/repositories/resource-repository';

/** A resource with nothing known but its type and name. */
function blank(input: ResourceInput): ResourceWrite {
  return {
    resourceType: input.resourceType,
    name: input.name,
    smsUniqueIdentifier: null,
    domain: null,
    accountName: null,
    fullName: null,
    operatingSystem: null,
    platform: null,
    ipAddresses: [],
    ipSubnets: [],
    adSiteName: null,
    systemOuNames: [],
    lastLogonUserName: null,
    client: null,
    clientVersion: null,
    assignedSites: [],
    userGroups: [],
    userOuNames: [],
  };
}

/** What a stored record holds that an input can give again. */
export function writeOf(record: ResourceRecord): ResourceWrite {
  const { resourceId: _id, resourceClass: _class, createdAt: _created, lastModified: _modified, ...write } = record;
  return write;
}

/**
 * The row to store for `input` over `base` (what is stored, or nothing): the fields given
 * replace, the others stay; an empty text is "not known" (NULL). A user's or group's DOMAIN\name
 * gives its domain and account name.
 */
export function mergeWrite(base: ResourceWrite | null, input: ResourceInput): ResourceWrite {
  const merged: Record<string, unknown> = { ...(base ?? blank(input)) };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    merged[key] = value === '' ? null : value;
  }
  const write = merged as unknown as ResourceWrite;
  if (write.resourceType === 'system') return { ...write, accountName: null };
  const [domain = '', accountName = ''] = write.name.split('\\');
  return { ...write, domain, accountName };
}

/** The input fields of a type, as its schema lists them. */
export function inputFieldsOf(resourceType: ResourceType): readonly string[] {
  const option = resourceInputSchema.options.find((o) => o.shape.resourceType.value === resourceType);
  return Object.keys(option?.shape ?? {});
}

/** The stored resource as an input of its type, to merge changes into and check again. */
export function inputOf(write: ResourceWrite): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of inputFieldsOf(write.resourceType)) input[field] = write[field as keyof ResourceWrite];
  return input;
}
