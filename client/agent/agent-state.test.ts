import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextCycleDelayMs, minCycleGapMs } from './agent-loop';
import { eventsOf, maxKeptEvents, observeEvents } from './observed-events';
import { PolicyStore } from './policy-store';
import { maxHistoryRuns, RunHistory } from './run-history';

const dir = () => mkdtempSync(join(tmpdir(), 'courier-agent-state-'));

describe("the agent's state on disk", () => {
  it('keeps the newest runs, in time order, across instances', () => {
    const clientDir = dir();
    const history = new RunHistory(clientDir);
    const base = Date.parse('2026-12-01T00:00:00Z');
    for (let i = maxHistoryRuns + 4; i >= 0; i -= 1) {
      history.add({ advertisementId: 'A0120000', packageId: 'A0100001', programName: 'Install', user: null, at: new Date(base + i * 60_000), result: i % 2 === 0 ? 'success' : 'failure' });
    }
    const again = new RunHistory(clientDir).all();
    expect(again).toHaveLength(maxHistoryRuns);
    expect(again[0]?.at.toISOString()).toBe(new Date(base + 5 * 60_000).toISOString());
    expect(again.at(-1)?.at.toISOString()).toBe(new Date(base + (maxHistoryRuns + 4) * 60_000).toISOString());
  });

  it('moves a damaged file aside with the reason and starts that part afresh', () => {
    const clientDir = dir();
    mkdirSync(join(clientDir, 'agent'));
    writeFileSync(join(clientDir, 'agent', 'policy.json'), '{"format":"courier-client-policy"');
    const store = new PolicyStore(clientDir);
    expect(store.problem).toMatch(/policy\.json could not be read: .*moved to .*policy\.json\.damaged/);
    expect(store.state).toEqual({ machine: null, user: null, advertisements: {} });
    expect(existsSync(join(clientDir, 'agent', 'policy.json.damaged'))).toBe(true);

    writeFileSync(join(clientDir, 'agent', 'history.json'), JSON.stringify({ format: 'courier-client-history', formatVersion: 1, runs: [{ advertisementId: 'nope', packageId: 'A0100001', programName: 'X', user: null, at: '2026-12-01T00:00:00Z', result: 'success' }] }));
    const history = new RunHistory(clientDir);
    expect(history.problem).toMatch(/refused at runs\.0\.advertisementId/);
    expect(history.all()).toEqual([]);

    store.save({ machine: { version: 3, receivedAt: '2026-12-01T00:00:00.000Z', bodies: [], maintenanceWindows: [] }, user: null, advertisements: {} });
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject({ format: 'courier-client-policy', machine: { version: 3 } });
    expect(new PolicyStore(clientDir).state.machine?.version).toBe(3);
  });
});

describe('when the next cycle starts', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('is the polling interval within ±10%, or sooner when a decision asks, but never in a tight loop', () => {
    expect(nextCycleDelayMs(60, null, now, 0)).toBe(54 * 60_000);
    expect(nextCycleDelayMs(60, null, now, 1)).toBe(66 * 60_000);
    expect(nextCycleDelayMs(60, null, now, 0.5)).toBe(60 * 60_000);
    expect(nextCycleDelayMs(60, new Date('2026-12-01T10:20:00Z'), now, 1)).toBe(20 * 60_000);
    expect(nextCycleDelayMs(60, new Date('2026-12-01T09:00:00Z'), now, 0.5)).toBe(minCycleGapMs);
    expect(nextCycleDelayMs(1440 * 40, null, now, 1)).toBe(2 ** 31 - 1);
  });
});

describe('the events the agent sees', () => {
  const facts = (user: string | null, bootedAt: string | null) => ({
    name: 'WKS001',
    domain: null,
    machine: { platform: 'x64' as const, osName: 'Win NT', osVersion: '6.1.7601' },
    ipAddresses: [],
    ipSubnets: [],
    session: user === null ? { kind: 'none' as const } : { kind: 'user' as const, user },
    bootedAt: bootedAt === null ? null : new Date(bootedAt),
  });
  const empty = { machine: null, user: null, advertisements: {} };

  it('a logon, a logoff, a change of user and a new boot, each once; the first cycle sees only its boot', () => {
    const at = (t: string) => new Date(`2026-12-01T${t}:00Z`);
    const first = observeEvents(empty, facts('CONTOSO\\ann', '2026-12-01T07:00:00Z'), at('08:00'));
    expect(first.found).toEqual([{ kind: 'startup', at: '2026-12-01T07:00:00.000Z' }]);
    // The same boot read again a few seconds off is no new start-up.
    const same = observeEvents(first.state, facts('CONTOSO\\ann', '2026-12-01T07:00:03Z'), at('09:00'));
    expect(same.found).toEqual([]);
    const swapped = observeEvents(same.state, facts('CONTOSO\\bob', '2026-12-01T07:00:01Z'), at('10:00'));
    expect(swapped.found).toEqual([
      { kind: 'logoff', at: '2026-12-01T10:00:00.000Z', user: 'CONTOSO\\ann' },
      { kind: 'logon', at: '2026-12-01T10:00:00.000Z', user: 'CONTOSO\\bob' },
    ]);
    const off = observeEvents(swapped.state, facts(null, '2026-12-01T11:30:00Z'), at('12:00'));
    expect(off.found).toEqual([
      { kind: 'logoff', at: '2026-12-01T12:00:00.000Z', user: 'CONTOSO\\bob' },
      { kind: 'startup', at: '2026-12-01T11:30:00.000Z' },
    ]);
    expect(eventsOf(off.state).map((e) => e.kind)).toEqual(['startup', 'logoff', 'logon', 'logoff', 'startup']);
    let state = off.state;
    for (let i = 0; i < maxKeptEvents; i += 1) state = observeEvents(state, facts(i % 2 === 0 ? 'CONTOSO\\ann' : null, null), new Date(Date.parse('2026-12-02T00:00:00Z') + i * 60_000)).state;
    expect(state.events).toHaveLength(maxKeptEvents);
    expect(state.events?.at(-1)).toMatchObject({ kind: 'logoff', user: 'CONTOSO\\ann' });
  });
});
