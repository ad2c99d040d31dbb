import { join } from 'node:path';
import { z } from 'zod';
import { mpMaintenanceWindowSchema, type MpMaintenanceWindowDto } from '../../core/api/management-point';
import { agentFolder, readStateFile, writeStateFile } from './agent-files';

/** The policy the management point last sent, per scope: the machine's, and the logged-on user's. */
export interface StoredPolicy {
  readonly version: number;
  readonly receivedAt: string;
  /** The offer bodies as the management point sent them; checked again each time they are used. */
  readonly bodies: readonly unknown[];
  readonly maintenanceWindows: readonly MpMaintenanceWindowDto[];
}

/** What the agent remembers of one advertisement beside its body. */
export interface AdvertisementRecord {
  /** When this client first received it: an assignment "as soon as possible" falls due then. */
  readonly firstReceivedAt: string;
  /** The acceptance message sent for it (10002, 10018, or 10000 for a body it could not read), once. */
  readonly reported: number | null;
  /** The last thing the agent did about running it, for `courier-client status`. */
  readonly lastAction?: { readonly at: string; readonly status: string; readonly reason: string };
  /** Content versions already reported as larger than the cache (10050), so it is said once. */
  readonly tooLargeReported?: readonly number[];
  /** The last waiting or retrying state reported (10060, 10062) and for what, so each is said once. */
  readonly lastState?: string;
  /** Tries of a run that failed with an exit code worth another try, and when the next may start. */
  readonly retry?: { readonly count: number; readonly at: string };
  /** The reminder and countdown told for the mandatory run at `runAt` (execmgr.log), so each is told once. */
  readonly notified?: { readonly runAt: string; readonly reminderAt?: string; readonly countdown: boolean };
  /** The assignment (its due time) whose download was cancelled from the Program Download Monitor: it waits for the next one. */
  readonly cancelledDue?: string;
}

/** A logon, logoff or start-up the agent saw, for assignments "at logon", "at logoff", "at start-up". */
export interface StoredEvent {
  readonly kind: 'logon' | 'logoff' | 'startup';
  readonly at: string;
  readonly user?: string;
}

export interface PolicyState {
  readonly machine: StoredPolicy | null;
  readonly user: (StoredPolicy & { readonly user: string }) | null;
  readonly advertisements: Readonly<Record<string, AdvertisementRecord>>;
  /** Who was logged on and when the machine started, at the last cycle: a change is an event. */
  readonly observed?: { readonly user: string | null; readonly bootedAt: string | null };
  /** The newest events, oldest first. */
  readonly events?: readonly StoredEvent[];
}

const maxPolicyBytes = 32 * 1024 * 1024;
/** More than a client could be offered; a policy past these is refused as it arrives, not stored unreadable. */
export const maxStoredBodies = 10_000;
export const maxStoredWindows = 1000;

const storedPolicySchema = z.strictObject({
  version: z.number().int().min(0),
  receivedAt: z.iso.datetime({ offset: true }),
  bodies: z.array(z.unknown()).max(maxStoredBodies),
  maintenanceWindows: z.array(mpMaintenanceWindowSchema).max(maxStoredWindows),
});

const policyFileSchema = z.strictObject({
  format: z.literal('courier-client-policy'),
  formatVersion: z.literal(1),
  machine: storedPolicySchema.nullable(),
  user: storedPolicySchema.extend({ user: z.string().min(1).max(256) }).nullable(),
  advertisements: z.record(
    z.string().max(16),
    z.strictObject({
      firstReceivedAt: z.iso.datetime({ offset: true }),
      reported: z.number().int().nullable(),
      lastAction: z.strictObject({ at: z.string(), status: z.string().max(64), reason: z.string().max(4096) }).optional(),
      tooLargeReported: z.array(z.number().int()).max(100).optional(),
      lastState: z.string().max(200).optional(),
      retry: z.strictObject({ count: z.number().int().min(1), at: z.iso.datetime({ offset: true }) }).optional(),
      notified: z.strictObject({ runAt: z.iso.datetime({ offset: true }), reminderAt: z.iso.datetime({ offset: true }).optional(), countdown: z.boolean() }).optional(),
      cancelledDue: z.iso.datetime({ offset: true }).optional(),
    }),
  ),
  observed: z.strictObject({ user: z.string().max(256).nullable(), bootedAt: z.iso.datetime({ offset: true }).nullable() }).optional(),
  events: z
    .array(z.strictObject({ kind: z.enum(['logon', 'logoff', 'startup']), at: z.iso.datetime({ offset: true }), user: z.string().max(256).optional() }))
    .max(1000)
    .optional(),
});

const empty: PolicyState = { machine: null, user: null, advertisements: {} };

/**
 * `agent/policy.json`: the policy versions and bodies, maintenance windows and what was reported
 * of each advertisement, written whole and atomically, so a kill leaves the old state or the new.
 */
export class PolicyStore {
  readonly path: string;
  readonly problem: string | null;
  private current: PolicyState;

  constructor(clientDir: string) {
    this.path = join(agentFolder(clientDir), 'policy.json');
    const read = readStateFile(this.path, policyFileSchema, maxPolicyBytes);
    this.problem = read.problem;
    this.current = read.value ?? empty;
  }

  get state(): PolicyState {
    return this.current;
  }

  save(next: PolicyState): void {
    writeStateFile(this.path, { format: 'courier-client-policy', formatVersion: 1, ...next });
    this.current = next;
  }

  update(change: (state: PolicyState) => PolicyState): void {
    this.save(change(this.current));
  }
}
