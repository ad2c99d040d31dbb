// When the simulated clients of `npm run bench:clients` send, in the phases where time matters.
// Both are paced by a schedule, not by the answers: a request's latency is counted from when it
// was due, so a server that stalls is charged for the requests that waited behind the stall
// (coordinated omission: a loop that sends the next request only after the last answer would
// send fewer while the server is slow, and its percentiles would hide the stall).
import { performance } from 'node:perf_hooks';

export interface Paced {
  /** performance.now() when the request should have left. */
  readonly dueAt: number;
  /** performance.now() when it did (later when this process was busy). */
  readonly sentAt: number;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/**
 * Each client polls every `intervalMs` ± 10 % (uniform), as agents whose timers drifted apart do,
 * its first poll at a random point of the first interval, for `durationMs`. A client sends its
 * next poll only once its last is answered (an agent's cycle); one answered after its next poll
 * was due sends at once, and that poll's latency includes the wait.
 */
export async function jitteredPolls<C>(clients: readonly C[], intervalMs: number, durationMs: number, random: () => number, poll: (client: C, paced: Paced) => Promise<void>): Promise<void> {
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    clients.map(async (client) => {
      for (let due = start + random() * intervalMs; due < end; due += intervalMs * (0.9 + 0.2 * random())) {
        await sleepUntil(due);
        await poll(client, { dueAt: due, sentAt: performance.now() });
      }
    }),
  );
}

/**
 * An open-loop pacer: `rate` requests a second for `durationMs`, the k-th due at
 * start + offsetMs + k / rate, sent when due whatever is still unanswered. Resolves once every
 * request sent has been answered.
 */
export async function openLoop(rate: number, durationMs: number, offsetMs: number, send: (paced: Paced) => Promise<void>): Promise<void> {
  const gapMs = 1000 / rate;
  const start = performance.now() + offsetMs;
  const total = Math.round((rate * durationMs) / 1000);
  const inFlight = new Set<Promise<void>>();
  for (let k = 0; k < total; ) {
    const now = performance.now();
    // Every request due by now leaves now: a timer that fired late sends what it owes at once.
    for (; k < total && start + k * gapMs <= now; k++) {
      const request = send({ dueAt: start + k * gapMs, sentAt: now }).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    if (k < total) await sleepUntil(start + k * gapMs);
  }
  await Promise.all(inFlight);
}
