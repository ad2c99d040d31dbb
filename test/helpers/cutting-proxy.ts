import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CuttingProxy {
  /** `http://127.0.0.1:<port>`, to stand for the target's origin. */
  readonly url: string;
  /** Bytes passed from the target back to clients since the proxy started; set it to 0 to count afresh. */
  received: number;
  /** After this many more bytes towards the clients, every connection is cut and new ones refused, until `restore`. */
  cutAfter(bytes: number): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP hop between a client and an HTTP server on the loopback that cuts the line part way
 * through a response, as a network that goes away mid-download does: the client sees the
 * connection end (or refused) with part of the body on disk.
 */
export async function startCuttingProxy(targetUrl: string): Promise<CuttingProxy> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let budget = Number.POSITIVE_INFINITY;
  let down = false;
  const cut = () => {
    down = true;
    for (const socket of open) socket.destroy();
  };
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (down) return;
      const allowed = Math.min(chunk.length, budget);
      if (allowed > 0) client.write(allowed === chunk.length ? chunk : chunk.subarray(0, allowed));
      proxy.received += allowed;
      budget -= allowed;
      // Written first, then cut: the bytes allowed reach the client before the line goes.
      if (budget <= 0) client.end(() => cut());
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no port.');
  const proxy: CuttingProxy = {
    url: `http://127.0.0.1:${address.port}`,
    received: 0,
    cutAfter(bytes) {
      budget = bytes;
    },
    restore() {
      budget = Number.POSITIVE_INFINITY;
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
