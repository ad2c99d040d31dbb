import { z } from 'zod';
import { advertisementIdSchema } from './advertisements';
import { packageIdSchema } from './ids';
import { resourceIdSchema, resourceInputSchema, resourcePlatforms } from './resources';
import { firstRefusedCharacter, refusedCharacterMessage, requiredText, textLength, textSchema } from './text';
import { maxInsertionStrings, maxStatusValueLength, statusComponentPattern, statusSeverities } from './status-messages';

/**
 * The management point's wire protocol (docs/management-point.md): what a client agent sends to
 * SMS_MP_CONTROL_MANAGER over HTTP(S) and what it gets back. The client agent imports these
 * schemas, so both ends check the same shapes. Every request body is a strict object: an unknown
 * field is refused rather than ignored, so a client and a site of different versions find out.
 */

/** Where the routes live: `/ccm/v1/<route>`. */
export const mpRoutes = {
  health: '/ccm/v1/health',
  register: '/ccm/v1/register',
  machinePolicy: '/ccm/v1/policy/machine',
  userPolicy: '/ccm/v1/policy/user',
  contentLocation: '/ccm/v1/content-location',
  status: '/ccm/v1/status',
} as const;

/** `Authorization: Courier-Client <resourceId>:<secret>` on every request but health and a first registration. */
export const mpAuthScheme = 'Courier-Client';

/** The Authorization header value a registered client sends. */
export function mpAuthorization(resourceId: number, secret: string): string {
  return `${mpAuthScheme} ${resourceId}:${secret}`;
}

/** The error codes a management point answers with, and their HTTP status. */
export const mpErrorStatus = {
  VALIDATION_FAILED: 400,
  UNKNOWN_CLIENT: 401,
  PENDING_APPROVAL: 403,
  BLOCKED: 403,
  USER_NOT_LOGGED_ON: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  BUSY: 503,
} as const;
export type MpErrorCode = keyof typeof mpErrorStatus;

export interface MpErrorBody {
  readonly error: { readonly code: MpErrorCode; readonly message: string; readonly field?: string };
}

/**
 * The largest body a management point reads: a status upload of 500 ordinary messages fits, 500
 * at their size limits do not (the client's outbox batches by bytes as well as by count).
 */
export const mpMaxBodyBytes = 1024 * 1024;
export const mpMaxStatusMessages = 500;
export const mpMaxMessageUidLength = 64;
export const mpMaxLoggedOnUsers = 64;

const systemShape = resourceInputSchema.options[0].shape;

const accountName = textSchema({
  label: 'A logged-on user',
  max: 256,
  required: 'A logged-on user cannot be empty; send DOMAIN\\name.',
  pattern: { test: (text) => /^[^\\]+\\[^\\]+$/.test(text), message: 'A logged-on user must look like DOMAIN\\name (one backslash).' },
});

// ---------------------------------------------------------------- health

export interface MpHealthDto {
  readonly siteCode: string;
  readonly version: string;
}

export const mpHealthSchema = z.strictObject({ siteCode: z.string(), version: z.string() });

// ---------------------------------------------------------------- register

export const mpRegisterRequestSchema = z.strictObject({
  name: systemShape.name,
  smsUniqueIdentifier: systemShape.smsUniqueIdentifier,
  domain: systemShape.domain,
  operatingSystemNameAndVersion: requiredText('The operating system', 256, 'Send the operating system name and version (operatingSystemNameAndVersion).'),
  platform: z.enum(resourcePlatforms, { error: `The platform is one of ${resourcePlatforms.join(', ')}.` }),
  ipAddresses: systemShape.ipAddresses.unwrap(),
  ipSubnets: systemShape.ipSubnets.unwrap(),
  adSiteName: systemShape.adSiteName,
  loggedOnUsers: z.array(accountName).max(mpMaxLoggedOnUsers, `At most ${mpMaxLoggedOnUsers} logged-on users.`),
  clientVersion: systemShape.clientVersion,
});
export type MpRegisterRequest = z.input<typeof mpRegisterRequestSchema>;
export type MpRegisterParsed = z.output<typeof mpRegisterRequestSchema>;

export const mpApprovals = ['approved', 'pending', 'blocked'] as const;
export type MpApproval = (typeof mpApprovals)[number];

export const mpRegisterResponseSchema = z.strictObject({
  resourceId: resourceIdSchema,
  smsUniqueIdentifier: z.string(),
  /** Shown once: the site keeps only its hash. */
  secret: z.string().min(1),
  approval: z.enum(mpApprovals),
  siteCode: z.string(),
  policyPollingMinutes: z.number().int().positive(),
});
export type MpRegisterResponse = z.output<typeof mpRegisterResponseSchema>;

// ---------------------------------------------------------------- policy

/** `?since=N`: the policy version the client holds; 0 (or none) for a client that has none. */
export const mpPolicyVersionSchema = z
  .string()
  .regex(/^\d{1,15}$/, 'since is the policy version the client holds: a whole number from 0.')
  .transform(Number);

export const mpMachinePolicyQuerySchema = z.strictObject({ since: mpPolicyVersionSchema.default(0) });
export const mpUserPolicyQuerySchema = z.strictObject({
  user: accountName,
  since: mpPolicyVersionSchema.default(0),
});

export interface MpMaintenanceWindowDto {
  readonly collectionId: string;
  readonly collectionName: string;
  readonly name: string;
  /** The schedule token (docs/formats.md#schedule-tokens). */
  readonly token: string;
  readonly durationMinutes: number;
}

export const mpMaintenanceWindowSchema = z.strictObject({
  collectionId: z.string(),
  collectionName: z.string(),
  name: z.string(),
  token: z.string(),
  durationMinutes: z.number().int(),
});

/**
 * The policy body of one advertisement as Offer Manager stored it (docs/offer-manager.md#the-policy-body).
 * The fields a client acts on are named here; the rest pass through (loose objects), so a newer
 * site can add to the body without breaking an older client.
 */
export const mpOfferBodySchema = z.looseObject({
  format: z.literal('courier-offer-body'),
  formatVersion: z.literal(1),
  advertisement: z.looseObject({
    advertisementId: z.string(),
    name: z.string(),
    packageId: z.string(),
    programName: z.string(),
    presentTime: z.string(),
    expirationTime: z.string().nullable(),
    assignedSchedule: z.string(),
    mandatory: z.boolean(),
    mandatoryCountdownMinutes: z.number().int(),
    options: z.looseObject({
      fastNetwork: z.enum(['download', 'runFromDp']),
      slowNetwork: z.enum(['doNotRun', 'download', 'runFromDp']),
      allowFallbackToUnprotectedDps: z.boolean(),
    }),
  }),
  program: z.looseObject({ kind: z.enum(['computer', 'device']), name: z.string(), commandLine: z.string() }),
  package: z.looseObject({ packageId: z.string(), name: z.string(), sourceVersion: z.number().int() }),
  clientAgent: z.looseObject({ enabled: z.boolean(), policyPollingMinutes: z.number().int() }),
});
export type MpOfferBody = z.output<typeof mpOfferBodySchema>;

export const mpPolicyResponseSchema = z.discriminatedUnion('changed', [
  z.strictObject({ changed: z.literal(false), policyVersion: z.number().int().min(0) }),
  z.strictObject({
    changed: z.literal(true),
    policyVersion: z.number().int().min(0),
    advertisements: z.array(mpOfferBodySchema),
    maintenanceWindows: z.array(mpMaintenanceWindowSchema),
  }),
]);
export type MpPolicyResponse = z.output<typeof mpPolicyResponseSchema>;

// ---------------------------------------------------------------- content location

export const mpContentLocationRequestSchema = z.strictObject({
  advertisementId: advertisementIdSchema,
  packageId: packageIdSchema,
  sourceVersion: z.number().int('sourceVersion is a whole number.').min(1, 'sourceVersion counts from 1.').max(2 ** 31 - 1),
});
export type MpContentLocationRequest = z.input<typeof mpContentLocationRequestSchema>;

export const mpContentLocationResponseSchema = z.strictObject({
  network: z.enum(['fast', 'slow', 'none']),
  action: z.enum(['download', 'runFromDp', 'doNotRun']),
  dps: z.array(
    z.strictObject({
      name: z.string(),
      uncPath: z.string(),
      httpUrl: z.string().nullable(),
      via: z.enum(['protected', 'siteBoundary', 'fallback']),
    }),
  ),
  reason: z.string(),
});
export type MpContentLocationResponse = z.output<typeof mpContentLocationResponseSchema>;

// ---------------------------------------------------------------- status upload

/**
 * An insertion string: up to 1024 characters. A client's strings are often an installer's
 * error text, so line breaks and tabs are kept; any other control character (a NUL, an escape
 * sequence) is refused, since it would end up in the console and the logs.
 */
const insertionString = z.string().superRefine((text, ctx) => {
  if (textLength(text) > maxStatusValueLength) {
    ctx.addIssue({ code: 'custom', message: `An insertion string is at most ${maxStatusValueLength} characters (${textLength(text)} given).` });
    return;
  }
  const found = firstRefusedCharacter(text.replace(/[\t\r\n]/g, ' '));
  if (found) ctx.addIssue({ code: 'custom', message: refusedCharacterMessage('An insertion string', found) });
});

export const mpStatusMessageSchema = z.strictObject({
  /** The client's own ID for the message: the same ID again is the same message (a retried upload). */
  uid: z
    .string()
    .min(1, 'uid is the client\'s ID of the message: 1 to 64 characters.')
    .max(mpMaxMessageUidLength, `uid is at most ${mpMaxMessageUidLength} characters.`)
    .regex(/^[\x21-\x7e]+$/, 'uid is printable ASCII without spaces.'),
  messageId: z.number().int('messageId is a whole number.').min(0).max(65535, 'messageId is at most 65535.'),
  severity: z.enum(statusSeverities, { error: `severity is one of ${statusSeverities.join(', ')}.` }),
  /** When the client reported it: an ISO 8601 time with its offset. */
  time: z.iso.datetime({ offset: true, error: 'time is an ISO 8601 time with its offset, for example 2026-12-03T09:30:00Z.' }),
  component: z.string().regex(statusComponentPattern, 'component names the reporting component, for example "SMS_CLIENT" or "Software Distribution".'),
  insertionStrings: z.array(insertionString).max(maxInsertionStrings, `At most ${maxInsertionStrings} insertion strings.`),
  attributes: z
    .strictObject({
      400: packageIdSchema.optional(),
      401: advertisementIdSchema.optional(),
    })
    .default({}),
});
export type MpStatusMessage = z.input<typeof mpStatusMessageSchema>;
export type MpStatusMessageParsed = z.output<typeof mpStatusMessageSchema>;

/** The envelope only: each message is checked on its own, so a refusal can name its index. */
export const mpStatusUploadSchema = z.strictObject({
  messages: z.array(z.unknown()).min(1, 'Send at least one message.').max(mpMaxStatusMessages, `At most ${mpMaxStatusMessages} messages in one upload.`),
});
export type MpStatusUpload = { readonly messages: readonly MpStatusMessage[] };

export const mpStatusResponseSchema = z.strictObject({ acknowledged: z.array(z.string()) });
export type MpStatusResponse = z.output<typeof mpStatusResponseSchema>;

// ---------------------------------------------------------------- the console's channels

export const mpDefaultPort = 8580;

export const mpSettingsChangesSchema = z
  .strictObject({
    /** The address the service listens on: an IPv4 or IPv6 address, 0.0.0.0 for every interface. */
    address: textSchema({
      label: 'The address',
      max: 45,
      required: 'The address is required, for example 127.0.0.1 or 0.0.0.0.',
      pattern: {
        test: (text) => /^(\d{1,3})(\.\d{1,3}){3}$/.test(text) && text.split('.').every((part) => Number(part) <= 255) || /^(?=.*:)[0-9A-Fa-f:.]{2,45}$/.test(text),
        message: 'The address must be an IP address, such as 127.0.0.1, 0.0.0.0 or ::1.',
      },
    }),
    /** 0: any free port, recorded in the status once listening. */
    port: z.number().int('The port is a whole number.').min(0, 'The port is 0 (any free one) to 65535.').max(65535, 'The port is 0 (any free one) to 65535.'),
    /** The certificate (PEM) file: with keyFile, the service speaks HTTPS. */
    certificateFile: textSchema({ label: 'The certificate file', max: 4096 }).nullable(),
    keyFile: textSchema({ label: 'The key file', max: 4096 }).nullable(),
    approval: z.enum(['automatic', 'manual'], { error: 'approval is automatic or manual.' }),
  })
  .partial();
export type MpSettingsChanges = z.output<typeof mpSettingsChangesSchema>;

export interface MpSettingsDto {
  readonly address: string;
  readonly port: number;
  readonly certificateFile: string | null;
  readonly keyFile: string | null;
  readonly approval: 'automatic' | 'manual';
  readonly lastModified: string;
}

export interface MpStatusDto {
  readonly running: boolean;
  /** `http://127.0.0.1:8580/ccm/v1/` when running. */
  readonly url: string | null;
  readonly port: number | null;
  readonly startedAt: string | null;
  /** Why it is not listening, when it tried and failed. */
  readonly error: string | null;
  readonly lastRequestAt: string | null;
  readonly clients: { readonly total: number; readonly approved: number; readonly pending: number; readonly blocked: number };
  /** Status uploads refused as malformed: none of their messages was stored. */
  readonly refused: MpRefusedDto;
}

/** "N messages refused", and the last few refusals by client and reason, newest first. */
export interface MpRefusedDto {
  readonly uploads: number;
  readonly messages: number;
  readonly recent: readonly MpRefusalDto[];
}

export interface MpRefusalDto {
  readonly resourceId: number;
  readonly client: string;
  /** The refused field without message indexes: `severity`, `insertionStrings`, `body` (not JSON, too large). */
  readonly reason: string;
  readonly uploads: number;
  readonly messages: number;
  /** The last refusal's words, as the client was answered. */
  readonly lastDetail: string;
  readonly lastRefusedAt: string;
}

export interface MpClientDto {
  readonly resourceId: number;
  readonly name: string;
  readonly smsUniqueIdentifier: string | null;
  readonly approval: MpApproval;
  readonly registeredAt: string;
  readonly lastContactAt: string | null;
  /** The addresses the client reported at its last registration. */
  readonly ipAddresses: readonly string[];
  /** The secret was reset: the next registration is accepted without one. */
  readonly secretReset: boolean;
}

/** A client's Properties in the console: the registration as the resource holds it, and its policy. */
export interface MpClientDetailDto extends MpClientDto {
  readonly domain: string | null;
  readonly operatingSystem: string | null;
  readonly platform: string | null;
  readonly ipSubnets: readonly string[];
  readonly adSiteName: string | null;
  /** The users the client said are logged on at its last registration, by name. */
  readonly loggedOnUsers: readonly string[];
  readonly clientVersion: string | null;
  /** The version at which Offer Manager last changed the client's machine policy; 0 when it never had any. */
  readonly policyVersion: number;
}

export const mpClientRefSchema = z.strictObject({ client: z.union([resourceIdSchema, requiredText('The client', 256)]) });
export const mpClientListSchema = z.strictObject({ approval: z.enum(mpApprovals).optional() });
export const mpClientApprovalActions = ['approve', 'block', 'unblock'] as const;
export const mpClientSetApprovalSchema = z.strictObject({
  client: z.union([resourceIdSchema, requiredText('The client', 256)]),
  action: z.enum(mpClientApprovalActions, { error: 'action is approve, block or unblock.' }),
});
export const mpSettingsUpdateSchema = z.strictObject({ changes: mpSettingsChangesSchema });

