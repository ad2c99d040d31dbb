import { z } from 'zod';
import { optionalText, requiredText, textSchema } from './text';

/**
 * Resources: the systems, users and user groups collections hold (docs/collections.md). Each
 * type is one of the suite's discovery classes; the CSV import and query rules name their
 * properties as those classes do.
 */
export const resourceTypes = ['system', 'user', 'userGroup'] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const resourceClassNames = ['SMS_R_System', 'SMS_R_User', 'SMS_R_UserGroup'] as const;
export type ResourceClassName = (typeof resourceClassNames)[number];

export const resourceClassOf: Readonly<Record<ResourceType, ResourceClassName>> = {
  system: 'SMS_R_System',
  user: 'SMS_R_User',
  userGroup: 'SMS_R_UserGroup',
};

export const resourcePlatforms = ['I386', 'x64', 'IA64'] as const;
export type ResourcePlatform = (typeof resourcePlatforms)[number];

/** How many values one multi-valued property may hold (a system's IP addresses …). */
export const maxPropertyValues = 64;

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv6 = /^(?=.*:.*:)[0-9A-Fa-f:.]{2,45}$/;
const isIpAddress = (text: string) => ipv4.test(text) || ipv6.test(text);

export const resourceIdSchema = z.number().int('A resource ID is a whole number.').min(1, 'A resource ID is a whole number from 1.').max(2 ** 32 - 1, 'A resource ID is at most 4294967295.');

const accountName = (label: string) =>
  textSchema({
    label,
    max: 256,
    required: `${label} is required, as DOMAIN\\name.`,
    pattern: { test: (text) => /^[^\\]+\\[^\\]+$/.test(text), message: `${label} must look like DOMAIN\\name (one backslash).` },
  });

const list = (element: z.ZodType<string>, label: string) =>
  z.array(element).max(maxPropertyValues, `${label} can hold at most ${maxPropertyValues} values.`);

const ipAddress = textSchema({ label: 'An IP address', max: 45, required: 'An IP address cannot be empty.', pattern: { test: isIpAddress, message: 'An IP address must look like 10.1.2.3 or fe80::1.' } });
const ipSubnet = textSchema({ label: 'An IP subnet', max: 45, required: 'An IP subnet cannot be empty.', pattern: { test: isIpAddress, message: 'An IP subnet must look like 10.1.0.0.' } });
const ouName = textSchema({ label: 'An OU name', max: 1024, required: 'An OU name cannot be empty.' });
const groupName = accountName('A user group');
const assignedSite = textSchema({
  label: 'An assigned site',
  max: 3,
  required: 'An assigned site cannot be empty.',
  pattern: { test: (text) => /^[A-Za-z0-9]{3}$/.test(text), message: 'An assigned site is a three-character site code, for example A01.' },
});

/** `GUID:` and a GUID, as clients name themselves (SMSUniqueIdentifier). */
const smsUniqueIdentifier = textSchema({
  label: 'The SMS unique identifier',
  max: 64,
  pattern: {
    test: (text) => /^GUID:[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i.test(text),
    message: 'The SMS unique identifier must look like GUID:6F5E0A1B-2C3D-4E5F-8091-A2B3C4D5E6F7.',
  },
});
const clientVersion = textSchema({
  label: 'The client version',
  max: 32,
  pattern: { test: (text) => /^\d+(\.\d+){0,3}$/.test(text), message: 'The client version is numbers with dots, for example 4.00.6487.2000.' },
});

/** A system's properties (SMS_R_System); what is not known is null. */
const systemFields = {
  name: requiredText('Name', 256),
  smsUniqueIdentifier: smsUniqueIdentifier.nullable().optional(),
  domain: optionalText('Domain or workgroup', 255).nullable().optional(),
  operatingSystem: optionalText('Operating system', 256).nullable().optional(),
  platform: z.enum(resourcePlatforms).nullable().optional(),
  ipAddresses: list(ipAddress, 'IP addresses').optional(),
  ipSubnets: list(ipSubnet, 'IP subnets').optional(),
  adSiteName: optionalText('AD site', 256).nullable().optional(),
  systemOuNames: list(ouName, 'System OUs').optional(),
  lastLogonUserName: optionalText('Last logged-on user', 256).nullable().optional(),
  client: z.boolean().nullable().optional(),
  clientVersion: clientVersion.nullable().optional(),
  assignedSites: list(assignedSite, 'Assigned sites').optional(),
};

/** A user (SMS_R_User): DOMAIN\name is its name. */
const userFields = {
  name: accountName('A user'),
  fullName: optionalText('Full name', 256).nullable().optional(),
  userGroups: list(groupName, 'User groups').optional(),
  userOuNames: list(ouName, 'User OUs').optional(),
};

/** A user group (SMS_R_UserGroup): DOMAIN\group is its name. */
const userGroupFields = {
  name: accountName('A user group'),
};

export const resourceInputSchema = z.discriminatedUnion('resourceType', [
  z.strictObject({ resourceType: z.literal('system'), ...systemFields }),
  z.strictObject({ resourceType: z.literal('user'), ...userFields }),
  z.strictObject({ resourceType: z.literal('userGroup'), ...userGroupFields }),
]);
export type ResourceInput = z.output<typeof resourceInputSchema>;

/** Every field a resource may have; update changes those given (of the resource's own type). */
export const resourceChangesSchema = z.strictObject({
  ...systemFields,
  ...userFields,
  name: requiredText('Name', 256),
}).partial();
export type ResourceChanges = z.output<typeof resourceChangesSchema>;

export const resourceRefSchema = z.strictObject({ resourceId: resourceIdSchema });
export const resourceCreateSchema = resourceInputSchema;
export const resourceUpdateSchema = z.strictObject({ resourceId: resourceIdSchema, changes: resourceChangesSchema });

export const maxResourceListLimit = 100_000;
export const resourceListSchema = z.strictObject({
  resourceType: z.enum(resourceTypes).optional(),
  /** Part of the name, any case. */
  search: optionalText('Search', 256).optional(),
  limit: z.number().int().min(1).max(maxResourceListLimit).default(maxResourceListLimit),
});

export const resourceImportSchema = z.strictObject({
  /** A CSV file on the site server (docs/collections.md#importing-resources-from-csv). */
  path: requiredText('The CSV file', 4096, 'Say which CSV file to import.'),
  resourceType: z.enum(resourceTypes).default('system'),
  /** Import the good rows and report the others; by default one refused row refuses the file. */
  skipRefused: z.boolean().default(false),
});

export interface ResourceDto {
  readonly resourceId: number;
  readonly resourceType: ResourceType;
  /** The suite's class: SMS_R_System, SMS_R_User or SMS_R_UserGroup. */
  readonly resourceClass: ResourceClassName;
  /** A system's name; DOMAIN\name for users and user groups. */
  readonly name: string;
  readonly smsUniqueIdentifier: string | null;
  /** A system's domain or workgroup; the DOMAIN of a user or user group. */
  readonly domain: string | null;
  /** The name without DOMAIN\ for users and user groups; null for systems. */
  readonly accountName: string | null;
  readonly fullName: string | null;
  readonly operatingSystem: string | null;
  readonly platform: ResourcePlatform | null;
  readonly ipAddresses: readonly string[];
  readonly ipSubnets: readonly string[];
  readonly adSiteName: string | null;
  readonly systemOuNames: readonly string[];
  readonly lastLogonUserName: string | null;
  readonly client: boolean | null;
  readonly clientVersion: string | null;
  readonly assignedSites: readonly string[];
  readonly userGroups: readonly string[];
  readonly userOuNames: readonly string[];
  readonly createdAt: string;
  readonly lastModified: string;
}

export interface ResourceDeletedDto {
  readonly resourceId: number;
  readonly name: string;
  /** Collections whose direct rule named it: the rule went with it. */
  readonly directRulesRemovedFrom: readonly string[];
}

export interface RefusedRowDto {
  /** The line of the file the row starts on (the header is line 1). */
  readonly line: number;
  /** The row's Name cell, when it has one. */
  readonly name: string | null;
  readonly reasons: readonly string[];
}

export interface ResourceImportDto {
  readonly resourceType: ResourceType;
  readonly created: number;
  readonly updated: number;
  readonly refused: readonly RefusedRowDto[];
}
