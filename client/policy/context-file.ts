import { z } from 'zod';
import { advertisementIdSchema, packageIdSchema } from '../../core/api';
import { clientMaintenanceWindowsSchema, type EvaluationContext } from './context';
import { offerBodySchema } from './offer-body-schema';

/**
 * An evaluation context written as JSON (`courier-client policy evaluate --context FILE`): what
 * the agent would read from the OS and its own store, given by hand or by a test. Times are ISO
 * 8601 instants with a zone (`2026-12-02T08:00:00Z`); the programs to run first come as the
 * other offer bodies of this client's policy.
 */

const instant = (label: string) =>
  z
    .string({ error: `${label} is an ISO 8601 instant, for example 2026-12-02T08:00:00Z.` })
    .max(40, `${label} is an ISO 8601 instant, for example 2026-12-02T08:00:00Z.`)
    // A zone is required: an instant without one would be read in whatever zone the agent runs in.
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, `${label} is an ISO 8601 instant with a zone, for example 2026-12-02T08:00:00Z.`)
    .refine((text) => !Number.isNaN(Date.parse(text)), `${label} is not a real time.`)
    .transform((text) => new Date(text));

// An account reaches logs and reasons: no control characters in it.
const account = z
  .string({ error: 'A user is text, DOMAIN\\name.' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\\\u0000-\u001f\u007f]{1,15}\\[^\\\u0000-\u001f\u007f]{1,104}$/, 'A user is DOMAIN\\name (no control characters).');

const programName = z.string({ error: 'A program name is text.' }).min(1, 'A program name is required.').max(50, 'A program name is at most 50 characters.');

export const contextFileSchema = z.object(
  {
    machine: z.object({
      platform: z.enum(['I386', 'x64', 'IA64'], { error: 'The platform is one of I386, x64, IA64.' }),
      osName: z.string({ error: 'The OS name is text.' }).min(1, 'The OS name is required.').max(64, 'The OS name is at most 64 characters.'),
      osVersion: z.string({ error: 'The OS version is text.' }).min(1, 'The OS version is required.').max(32, 'The OS version is at most 32 characters.'),
    }),
    session: z.discriminatedUnion('kind', [z.object({ kind: z.literal('none') }), z.object({ kind: z.literal('user'), user: account })], {
      error: 'The session is { "kind": "none" } or { "kind": "user", "user": "DOMAIN\\\\name" }.',
    }),
    history: z
      .array(
        z.object({
          advertisementId: advertisementIdSchema,
          packageId: packageIdSchema,
          programName,
          user: account.nullable(),
          at: instant('The time of a run'),
          result: z.enum(['success', 'failure'], { error: 'A result is success or failure.' }),
        }),
      )
      .max(100_000, 'At most 100000 runs.')
      .default([]),
    maintenanceWindows: clientMaintenanceWindowsSchema.default([]),
    events: z
      .array(z.object({ kind: z.enum(['logon', 'logoff', 'startup'], { error: 'An event is logon, logoff or startup.' }), at: instant('The time of an event'), user: account.optional() }))
      .max(10_000, 'At most 10000 events.')
      .default([]),
    receivedAt: instant('receivedAt'),
    /** The other offer bodies of this client's policy. */
    policy: z.array(offerBodySchema).max(1000, 'At most 1000 other offer bodies.').default([]),
    now: instant('now').optional(),
  },
  { error: 'The context is a JSON object.' },
);

/** The context a file describes; `now` is the file's, else `clock`. */
export function contextOfFile(input: unknown, clock: Date): EvaluationContext {
  const parsed = contextFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new Error(`The context is refused${field === '' ? '' : ` at ${field}`}: ${issue?.message ?? 'not a context.'}`);
  }
  const { policy, now, ...rest } = parsed.data;
  return { ...rest, programs: policy.map((body) => body.program), now: now ?? clock };
}
