import type { ServerResponse } from 'node:http';
import type { Core } from '../core';
import { eventChannels } from '../api';

/** Long enough to be cheap, short enough for proxies that drop idle connections after 30 s. */
export const keepAliveMs = 25_000;

/**
 * Opens a server-sent event stream carrying every contract event as
 * `data: {"channel": …, "payload": …}`, the shape renderer/bridge/http-transport.ts reads.
 * Returns a function that ends the stream; it also ends when the client goes away.
 */
export function openEventStream(res: ServerResponse, core: Pick<Core, 'on'>, onEnd: () => void): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // A first comment flushes the headers, so the client's `open` fires at once.
  res.write(': connected\n\n');

  const unsubscribes = eventChannels.map((channel) =>
    core.on(channel, (payload) => {
      res.write(`data: ${JSON.stringify({ channel, payload })}\n\n`);
    }),
  );
  const timer = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  timer.unref();

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    for (const unsubscribe of unsubscribes) unsubscribe();
    if (!res.writableEnded) res.end();
    onEnd();
  };
  res.on('close', end);
  return end;
}
