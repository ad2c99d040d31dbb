import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../services/event-hub';
import { EventJournal } from './event-journal';
import { keepAliveMs, openEventStream } from './event-stream';

class FakeResponse extends EventEmitter {
  written = '';
  writableEnded = false;
  writeHead = vi.fn();
  write(chunk: string) {
    this.written += chunk;
    return true;
  }
  end() {
    this.writableEnded = true;
  }
}

/** The stream's frames as a client parses them: id and data (or the event name) of each. */
function frames(written: string): { id?: string; event?: string; data: string }[] {
  return written
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith(':'))
    .map((block) => {
      const frame: { id?: string; event?: string; data: string } = { data: '' };
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(': ');
        const value = rest.join(': ');
        if (field === 'id') frame.id = value;
        else if (field === 'event') frame.event = value;
        else if (field === 'data') frame.data = value;
      }
      return frame;
    });
}

function packageDeleted(hub: EventHub, packageId: string): void {
  hub.emit('packages:changed', { change: 'deleted', packageId, package: null });
}

const idOf = (data: string): string => (JSON.parse(data) as { payload: { packageId: string } }).payload.packageId;

afterEach(() => vi.useRealTimers());

describe('openEventStream', () => {
  it('writes each event as one frame with its id, keeps the connection alive, and cleans up on close', () => {
    vi.useFakeTimers();
    const hub = new EventHub();
    const journal = new EventJournal(hub);
    const res = new FakeResponse();
    const onEnd = vi.fn();
    openEventStream(res as unknown as ServerResponse, journal, onEnd);
    expect(res.writeHead).toHaveBeenCalledWith(200, expect.objectContaining({ 'Content-Type': 'text/event-stream; charset=utf-8' }));

    hub.emit('packages:changed', { change: 'deleted', packageId: 'A0100001', package: null, note: 'two\nlines' } as never);
    expect(res.written).toContain(
      `id: ${journal.epoch}.1\ndata: {"channel":"packages:changed","payload":{"change":"deleted","packageId":"A0100001","package":null,"note":"two\\nlines"}}\n\n`,
    );

    vi.advanceTimersByTime(keepAliveMs);
    expect(res.written.endsWith(': keep-alive\n\n')).toBe(true);

    res.emit('close');
    expect(onEnd).toHaveBeenCalledOnce();
    const before = res.written;
    packageDeleted(hub, 'A0100002');
    vi.advanceTimersByTime(keepAliveMs * 2);
    expect(res.written).toBe(before);
  });

  it('gives a console that reconnects with its last event id what it missed, then the live events, none twice', () => {
    const hub = new EventHub();
    const journal = new EventJournal(hub);
    const first = new FakeResponse();
    openEventStream(first as unknown as ServerResponse, journal, () => undefined);
    packageDeleted(hub, 'A0100001');
    packageDeleted(hub, 'A0100002');
    const lastHeard = frames(first.written).at(-1)!.id!;
    first.emit('close');

    // Sent while the console was away.
    packageDeleted(hub, 'A0100003');
    packageDeleted(hub, 'A0100004');

    const second = new FakeResponse();
    openEventStream(second as unknown as ServerResponse, journal, () => undefined, lastHeard);
    packageDeleted(hub, 'A0100005');
    const got = frames(second.written);
    expect(got.map((f) => idOf(f.data))).toEqual(['A0100003', 'A0100004', 'A0100005']);
    expect(got.map((f) => f.id)).toEqual([3, 4, 5].map((n) => `${journal.epoch}.${n}`));
  });

  it('sends nothing to catch up when the console missed nothing', () => {
    const hub = new EventHub();
    const journal = new EventJournal(hub);
    packageDeleted(hub, 'A0100001');
    const res = new FakeResponse();
    openEventStream(res as unknown as ServerResponse, journal, () => undefined, `${journal.epoch}.1`);
    expect(frames(res.written)).toEqual([]);
  });

  it('asks the console to read its views again when the events it missed are not all kept', () => {
    const hub = new EventHub();
    let now = 0;
    const journal = new EventJournal(hub, { capacity: 3, maxAgeMs: 60_000, now: () => now });
    for (let i = 1; i <= 5; i++) packageDeleted(hub, `A010000${i}`);
    const resyncs = (lastEventId: string): boolean => {
      const res = new FakeResponse();
      openEventStream(res as unknown as ServerResponse, journal, () => undefined, lastEventId);
      const got = frames(res.written);
      return got.length === 1 && got[0]!.event === 'resync';
    };
    // Events 3 to 5 are kept: one who heard 2 gets them; one who heard 1 missed a dropped one.
    expect(resyncs(`${journal.epoch}.2`)).toBe(false);
    expect(resyncs(`${journal.epoch}.1`)).toBe(true);
    // Another run of the host, a sequence this run never sent, and ids that are not ids at all.
    expect(resyncs(`0123456789ab.2`)).toBe(true);
    expect(resyncs(`${journal.epoch}.99`)).toBe(true);
    expect(resyncs('garbage')).toBe(true);
    expect(resyncs(`${journal.epoch}.${'9'.repeat(100)}`)).toBe(true);
    // Kept, but older than a replay is trusted for.
    now = 61_000;
    expect(resyncs(`${journal.epoch}.2`)).toBe(true);
  });
});
