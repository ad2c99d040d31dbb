import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface ListenOptions {
  readonly address: string;
  /** 0: any free port (the one taken is in the answer). */
  readonly port: number;
  /** PEM files; both or neither. With them the service speaks HTTPS. */
  readonly certificate: string | null;
  readonly key: string | null;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** A connection that neither sends nor takes a byte for this long is closed (a stalled client holds no file open for ever). */
  readonly idleTimeoutMs?: number;
  /** A request's head must arrive whole within this, and a new connection's first request must begin within it; default 20 s. */
  readonly headersTimeoutMs?: number;
}

export interface ContentListener {
  /** http(s)://address:port as bound. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends every connection, the ones mid-download too. */
  close(): Promise<void>;
}

export async function listenForContent(options: ListenOptions): Promise<ContentListener> {
  const secure = options.certificate !== null && options.key !== null;
  const server: Server = secure
    ? createHttpsServer({ handshakeTimeout: options.headersTimeoutMs ?? 20_000, cert: await readFile(options.certificate ?? ''), key: await readFile(options.key ?? '') }, options.handler)
    : createHttpServer(options.handler);
  server.setTimeout(options.idleTimeoutMs ?? 120_000, (socket: Socket) => socket.destroy());
  // Headers must arrive whole within this: a client sending one byte a minute holds no connection.
  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  server.headersTimeout = headersTimeout;
  server.requestTimeout = Math.max(30_000, headersTimeout);
  server.keepAliveTimeout = 15_000;
  // A connection that sends nothing at all would otherwise be held for the whole idle time (2
  // minutes): a flood of them takes every descriptor long before they time out. Its first request
  // must begin within the head deadline; over TLS counted from the handshake.
  const awaitingRequest = new WeakMap<Socket, NodeJS.Timeout>();
  server.on(secure ? 'secureConnection' : 'connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), headersTimeout);
    timer.unref();
    awaitingRequest.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (req: IncomingMessage) => {
    clearTimeout(awaitingRequest.get(req.socket));
    awaitingRequest.delete(req.socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.address, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `${secure ? 'https' : 'http'}://${host}:${bound.port}`,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
