import type { ServerResponse } from 'node:http';
import type { EventJournal, JournalEntry } from './event-journal';

/** Long enough to be cheap, short enough for proxies that drop idle connections after 30 s. */
export const keepAliveMs = 25_000;

/** The longest Last-Event-ID looked at: an epoch, a dot and a sequence number. */
const maxEventIdLength = 40;

/**
 * Opens a server-sent event stream carrying every contract event as
 * `id: <epoch>.<n>` and `data: {"channel": …, "payload": …}`, the shape
 * renderer/bridge/http-transport.ts reads. A console reconnecting with the id of the last event
 * it heard first gets the events it missed, or a `resync` event when the journal no longer has
 * them (docs/http-api.md#events). Returns a function that ends the stream; it also ends when the
 * client goes away.
 */
export function openEventStream(res: ServerResponse, journal: EventJournal, onEnd: () => void, lastEventId: string | null = null): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // A first comment flushes the headers, so the client's `open` fires at once.
  res.write(': connected\n\n');

  const send = (entry: JournalEntry): void => {
    res.write(`id: ${entry.id}\ndata: ${entry.data}\n\n`);
  };
  // Caught up and followed in one turn of the event loop, so no event falls between the two.
  if (lastEventId !== null && lastEventId.length <= maxEventIdLength) {
    const catchup = journal.since(lastEventId);
    if (catchup.kind === 'resync') res.write('event: resync\ndata: {}\n\n');
    else for (const entry of catchup.entries) send(entry);
  } else if (lastEventId !== null) {
    res.write('event: resync\ndata: {}\n\n');
  }
  const unsubscribes = [journal.follow(send)];
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
