import type { AgentEvent } from '../policy/context';
import type { MachineFacts } from './machine-facts';
import type { PolicyState, StoredEvent } from './policy-store';

/** The events kept: an assignment waits for the first event after it was received, so the newest are enough. */
export const maxKeptEvents = 100;
/** Boot times read from the uptime drift by a second or two; a start-up is a boot time this much later. */
export const bootSlackMs = 60_000;

/**
 * The events this cycle saw by comparing the machine with the last cycle: the user who logged
 * off and the one who logged on, and a start-up when the machine's boot time moved on. The
 * first cycle knows no session before it, so it sees no logon; its boot counts, since only
 * events after an advertisement was received make an assignment due.
 */
export function observeEvents(state: PolicyState, facts: MachineFacts, now: Date): { readonly state: PolicyState; readonly found: readonly StoredEvent[] } {
  const user = facts.session.kind === 'user' ? facts.session.user : null;
  const bootedAt = facts.bootedAt ?? null;
  const found: StoredEvent[] = [];
  const before = state.observed;
  if (before !== undefined && (before.user ?? '').toLowerCase() !== (user ?? '').toLowerCase()) {
    if (before.user !== null) found.push({ kind: 'logoff', at: now.toISOString(), user: before.user });
    if (user !== null) found.push({ kind: 'logon', at: now.toISOString(), user });
  }
  const lastBoot = before?.bootedAt ?? null;
  if (bootedAt !== null && (lastBoot === null || bootedAt.getTime() - Date.parse(lastBoot) > bootSlackMs)) found.push({ kind: 'startup', at: bootedAt.toISOString() });
  const keptBoot = bootedAt === null ? lastBoot : lastBoot !== null && Math.abs(bootedAt.getTime() - Date.parse(lastBoot)) <= bootSlackMs ? lastBoot : bootedAt.toISOString();
  return { state: { ...state, observed: { user, bootedAt: keptBoot }, events: [...(state.events ?? []), ...found].slice(-maxKeptEvents) }, found };
}

export function eventsOf(state: PolicyState): AgentEvent[] {
  return (state.events ?? []).map((event) => ({ kind: event.kind, at: new Date(event.at), ...(event.user !== undefined ? { user: event.user } : {}) }));
}
