import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventChannel } from '../api';
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

function fakeCore() {
  const listeners = new Map<EventChannel, (payload: unknown) => void>();
  return {
    listeners,
    on: (channel: EventChannel, listener: (payload: never) => void) => {
      listeners.set(channel, listener as (payload: unknown) => void);
      return () => listeners.delete(channel);
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('openEventStream', () => {
  it('writes each event as one data line, keeps the connection alive, and cleans up on close', () => {
    vi.useFakeTimers();
    const res = new FakeResponse();
    const core = fakeCore();
    const onEnd = vi.fn();
    openEventStream(res as unknown as ServerResponse, core, onEnd);
    expect(res.writeHead).toHaveBeenCalledWith(200, expect.objectContaining({ 'Content-Type': 'text/event-stream; charset=utf-8' }));

    core.listeners.get('packages:changed')!({ change: 'deleted', packageId: 'A0100001', package: null, note: 'two\nlines' });
    expect(res.written).toContain('data: {"channel":"packages:changed","payload":{"change":"deleted","packageId":"A0100001","package":null,"note":"two\\nlines"}}\n\n');

    vi.advanceTimersByTime(keepAliveMs);
    expect(res.written.endsWith(': keep-alive\n\n')).toBe(true);

    res.emit('close');
    expect(core.listeners.size).toBe(0);
    expect(onEnd).toHaveBeenCalledOnce();
    const before = res.written;
    vi.advanceTimersByTime(keepAliveMs * 2);
    expect(res.written).toBe(before);
  });
});
