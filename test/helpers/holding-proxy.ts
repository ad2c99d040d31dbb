import { connect, createServer, type Server, type Socket } from 'node:net';

export interface HoldingProxy {
  /** `http://127.0.0.1:<port>`, to stand for the target's origin. */
  readonly url: string;
  /** After this many more bytes towards the clients, nothing more is passed on (the line stays open) until `release`. */
  holdAfter(bytes: number): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A TCP hop between a client and an HTTP server on the loopback that stops passing the answer on
 * part way, without closing: a download that stays under way, with bytes on disk, for as long as
 * a test needs to look at it or cancel it.
 */
export async function startHoldingProxy(targetUrl: string): Promise<HoldingProxy> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  const waiting: (() => void)[] = [];
  let budget = Number.POSITIVE_INFINITY;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    const pass = (chunk: Buffer) => {
      const allowed = Math.min(chunk.length, budget);
      if (allowed > 0) client.write(allowed === chunk.length ? chunk : chunk.subarray(0, allowed));
      budget -= allowed;
      if (allowed < chunk.length) {
        upstream.pause();
        waiting.push(() => {
          client.write(chunk.subarray(allowed));
          upstream.resume();
        });
      }
    };
    upstream.on('data', pass);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no port.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    holdAfter(bytes) {
      budget = bytes;
    },
    release() {
      budget = Number.POSITIVE_INFINITY;
      for (const resume of waiting.splice(0)) resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
