import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedExchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly body: string;
}

/**
 * A real HTTP forwarder on the loopback in front of a management point: it records every
 * exchange, and can drop the connection of requests to chosen routes, as a network that loses
 * them would, so a test can make status uploads fail while policy still comes through.
 */
export interface MpProxy {
  readonly url: string;
  readonly exchanges: ProxiedExchange[];
  /** Routes (path prefixes under /ccm/v1/) whose connections are dropped. */
  readonly drop: Set<string>;
  close(): Promise<void>;
}

export async function startMpProxy(target: string): Promise<MpProxy> {
  const upstream = new URL(target);
  const exchanges: ProxiedExchange[] = [];
  const drop = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if ([...drop].some((route) => path.startsWith(`/ccm/v1/${route}`))) {
      req.socket.destroy();
      return;
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        exchanges.push({ method: req.method ?? '', path, status: answer.statusCode ?? 0, body: body.toString('utf8') });
        res.writeHead(answer.statusCode ?? 502, answer.headers).end(body);
      });
    });
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    exchanges,
    drop,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
