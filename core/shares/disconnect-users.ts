import { setTimeout as sleepFor } from 'node:timers/promises';
import { CourierError } from '../api';
import type { ShareConnection, ShareProvider } from './share-provider';
import { checkShareFolder } from './share-inputs';

/**
 * "Disconnect users from distribution points" (the package's Data Access settings): before files
 * on a distribution point are replaced, whoever has the package's folder open is told, given the
 * user grace period, looked for again up to `retries` times, and only then disconnected.
 */
export interface DisconnectClock {
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: DisconnectClock = {
  sleep: async (milliseconds, signal) => {
    await sleepFor(milliseconds, undefined, signal ? { signal } : {});
  },
};

/** What the Distribution Manager turns into status messages, in the order it happens. */
export type DisconnectEvent =
  /** Users are connected; `attempt` counts from 1 to retries + 1; the last one ends in a disconnect if they stay. */
  | { readonly kind: 'usersConnected'; readonly attempt: number; readonly attempts: number; readonly connections: readonly ShareConnection[]; readonly graceMinutes: number }
  | { readonly kind: 'disconnecting'; readonly connections: readonly ShareConnection[] }
  | { readonly kind: 'disconnected'; readonly count: number };

export interface DisconnectUsersRequest {
  readonly provider: ShareProvider;
  readonly share: string;
  /** The package's folder in the share (its package ID); omitted for a share of its own. */
  readonly folder?: string;
  /** The package's user grace period: 0 to 59 minutes. */
  readonly graceMinutes: number;
  /** The package's retries before disconnecting users: 0 to 99. */
  readonly retries: number;
  readonly report: (event: DisconnectEvent) => void | Promise<void>;
  readonly clock?: DisconnectClock;
  readonly signal?: AbortSignal;
}

export interface DisconnectOutcome {
  /** `clear`: nobody was (or stayed) connected; `disconnected`: users were disconnected. */
  readonly outcome: 'clear' | 'disconnected';
  /** How many times connections were looked for. */
  readonly checks: number;
  readonly disconnected: number;
}

function checkRange(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new CourierError('VALIDATION_FAILED', `${what} must be a whole number from ${min} to ${max}; it is ${value}.`, what);
}

/**
 * Looks for connections; while some remain, reports them and waits the grace period, retries + 1
 * times in all; whoever is still connected after the last wait is disconnected. Nobody connected
 * at any check ends it at once.
 */
export async function disconnectUsers(request: DisconnectUsersRequest): Promise<DisconnectOutcome> {
  const { provider, share, graceMinutes, retries, report } = request;
  checkRange(graceMinutes, 0, 59, 'graceMinutes');
  checkRange(retries, 0, 99, 'retries');
  checkShareFolder(request.folder);
  const clock = request.clock ?? realClock;
  const scope = request.folder === undefined ? {} : { folder: request.folder };
  const attempts = retries + 1;
  let checks = 0;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    request.signal?.throwIfAborted();
    const connections = await provider.connections(share, scope);
    checks += 1;
    if (connections.length === 0) return { outcome: 'clear', checks, disconnected: 0 };
    await report({ kind: 'usersConnected', attempt, attempts, connections, graceMinutes });
    await clock.sleep(graceMinutes * 60_000, request.signal);
  }
  request.signal?.throwIfAborted();
  const remaining = await provider.connections(share, scope);
  checks += 1;
  if (remaining.length === 0) return { outcome: 'clear', checks, disconnected: 0 };
  await report({ kind: 'disconnecting', connections: remaining });
  const count = await provider.disconnect(share, scope);
  await report({ kind: 'disconnected', count });
  return { outcome: 'disconnected', checks, disconnected: count };
}
