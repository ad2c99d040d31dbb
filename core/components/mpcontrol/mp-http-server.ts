import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import type { z } from 'zod';
import {
  mpContentLocationRequestSchema,
  mpMachinePolicyQuerySchema,
  mpRegisterRequestSchema,
  mpRoutes,
  mpUserPolicyQuerySchema,
  type MpHealthDto,
} from '../../api';
import { validationError } from '../../domain/validation';
import { parseCredentials, type ManagementPoint } from '../../services/management-point/management-point';
import { JsonText } from '../../services/management-point/json-text';
import { asMpError, MpError } from '../../services/management-point/mp-error';
import { ClientGoneError, defaultBodyBudgetBytes, readMpJson, type BodyBudget } from './mp-body';

export interface MpServerOptions {
  readonly mp: ManagementPoint;
  readonly health: MpHealthDto;
  /** PEM text: both given, the server speaks HTTPS. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer } | undefined;
  /** A line in mpcontrol.log. */
  readonly log: (text: string) => void;
  /** The whole head must arrive within this (slow-loris); default 10 s. */
  readonly headersTimeoutMs?: number;
  /** The whole request, body included; default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Bytes of bodies read at once across every connection (mp-body.ts); default 64 MiB. */
  readonly bodyBudgetBytes?: number;
}

export interface MpListening {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, query: URLSearchParams) => Promise<unknown> | unknown;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const error = validationError(result.error);
    throw new MpError('VALIDATION_FAILED', error.message, error.field);
  }
  return result.data;
}

function queryObject(query: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of query) {
    if (Object.prototype.hasOwnProperty.call(object, key)) throw new MpError('VALIDATION_FAILED', `${key} is given more than once.`, key);
    object[key] = value;
  }
  return object;
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

/**
 * The management point's HTTP(S) server: the routes of core/api/management-point.ts. Every
 * request but health and registration is authenticated from its header before its body is read,
 * so a stranger cannot make the site read a megabyte; bodies are bounded; heads and whole
 * requests have deadlines, so slow clients cannot hold connections.
 */
export function createMpServer(options: MpServerOptions): Server {
  const { mp } = options;
  const budget: BodyBudget = { used: 0, max: options.bodyBudgetBytes ?? defaultBodyBudgetBytes };
  const readJson = (req: IncomingMessage) => readMpJson(req, undefined, budget);
  const authed = (req: IncomingMessage) => mp.authenticate(parseCredentials(req.headers.authorization));
  const routes: Readonly<Record<string, { method: 'GET' | 'POST'; handle: Handler }>> = {
    [mpRoutes.health]: { method: 'GET', handle: () => options.health },
    [mpRoutes.register]: {
      method: 'POST',
      handle: async (req) => mp.register(parse(mpRegisterRequestSchema, await readJson(req)), parseCredentials(req.headers.authorization)),
    },
    [mpRoutes.machinePolicy]: {
      method: 'GET',
      handle: (req, query) => {
        const caller = authed(req);
        return mp.machinePolicy(caller, parse(mpMachinePolicyQuerySchema, queryObject(query)).since);
      },
    },
    [mpRoutes.userPolicy]: {
      method: 'GET',
      handle: (req, query) => {
        const caller = authed(req);
        const { user, since } = parse(mpUserPolicyQuerySchema, queryObject(query));
        return mp.userPolicy(caller, user, since);
      },
    },
    [mpRoutes.contentLocation]: {
      method: 'POST',
      handle: async (req) => {
        const caller = authed(req);
        return mp.contentLocation(caller, parse(mpContentLocationRequestSchema, await readJson(req)));
      },
    },
    [mpRoutes.status]: {
      method: 'POST',
      handle: async (req) => {
        const caller = authed(req);
        let body: unknown;
        try {
          body = await readJson(req);
        } catch (error) {
          // A body that is not JSON (or too large, or not declared JSON) is a malformed upload and
          // counted; a busy MP or a client gone mid-body refused nothing the client got wrong.
          if (error instanceof MpError && error.code !== 'BUSY') throw mp.refuseUpload(caller, error, 0);
          throw error;
        }
        return mp.uploadStatus(caller, body);
      },
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://mp.invalid');
    } catch {
      send(res, 400, new MpError('VALIDATION_FAILED', 'The request target is not a URL path.').body());
      return;
    }
    const route = Object.prototype.hasOwnProperty.call(routes, url.pathname) ? routes[url.pathname] : undefined;
    try {
      if (!route) throw new MpError('NOT_FOUND', `There is no ${url.pathname} here; the management point answers under /ccm/v1/.`);
      if (req.method !== route.method) {
        send(res, 405, new MpError('METHOD_NOT_ALLOWED', `${url.pathname} takes ${route.method}, not ${req.method ?? '?'}.`).body(), { Allow: route.method });
        return;
      }
      mp.noteRequest();
      send(res, 200, await route.handle(req, url.searchParams));
    } catch (error) {
      const known = asMpError(error);
      if (known) {
        // An unread or half-read body is drained for a moment after the answer (lingerThenClose),
        // then the connection is closed if the client is still sending.
        const extra: Record<string, string> = known.code === 'UNKNOWN_CLIENT' ? { 'WWW-Authenticate': 'Courier-Client' } : known.code === 'BUSY' ? { 'Retry-After': '5' } : {};
        send(res, known.status, known.body(), extra);
        if (!req.readableEnded) res.once('finish', () => lingerThenClose(req));
        return;
      }
      // A slow or vanished client is not the site's fault: a flood of them must not fill the log.
      if (error instanceof ClientGoneError) {
        req.destroy();
        return;
      }
      options.log(`A request for ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      send(res, 500, new MpError('INTERNAL', 'The management point failed to answer; see SMS\\Logs\\mpcontrol.log on the site server.').body(), { Connection: 'close' });
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node looks at the deadlines every connectionsCheckingInterval (30 s unless told): a deadline
  // of 10 s would otherwise be up to 40 s.
  const timing = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))) };
  const server = options.tls
    ? createHttpsServer({ ...timing, handshakeTimeout: headersTimeout, cert: options.tls.cert, key: options.tls.key }, listener)
    : createHttpServer(timing, listener);
  server.keepAliveTimeout = 5_000;
  server.timeout = Math.max(server.requestTimeout, server.headersTimeout);
  // Node's head and request deadlines start at a request's first byte, and a server made with
  // them (Node 20) never times a socket out by server.timeout: a connection that sends nothing
  // at all would be held for ever, and a few thousand of them would take every descriptor. So a
  // connection must begin its first request within the head deadline. Over TLS it is counted
  // from the handshake, which handshakeTimeout bounds.
  const awaitingRequest = new WeakMap<Socket, NodeJS.Timeout>();
  const watch = (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), headersTimeout);
    timer.unref();
    awaitingRequest.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  };
  server.on(options.tls ? 'secureConnection' : 'connection', watch);
  server.on('request', (req: IncomingMessage) => {
    clearTimeout(awaitingRequest.get(req.socket));
    awaitingRequest.delete(req.socket);
  });
  server.maxHeadersCount = 50;
  return server;
}

/**
 * Listens on the address and port (0: any free one); resolves with where it listens. A server
 * error after that (out of file descriptors) is logged rather than left to end the thread.
 */
export function listenMp(server: Server, address: string, port: number, https: boolean, log: (text: string) => void): Promise<MpListening> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, address, () => {
      server.off('error', failed);
      server.on('error', (error) => log(`The management point's server reported: ${error.message}`));
      const actual = (server.address() as AddressInfo).port;
      const shown = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
      const host = isIP(shown) === 6 ? `[${shown}]` : shown;
      resolve({
        server,
        port: actual,
        url: `${https ? 'https' : 'http'}://${host}:${actual}/ccm/v1/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** How long, and how many bytes of, a refused body is read and thrown away after the answer. */
const lingerMs = 1000;
const lingerBytes = 16 * 1024 * 1024;

/**
 * After the answer to a body refused unread, reads the rest of it and throws it away, for a
 * moment and up to a bound (a lingering close, as web servers do): closing at once would reset
 * a client still sending, which can lose the answer in its socket, and a client told only
 * "reset" takes the site for away and sends the same batch again. A body that ends in time
 * leaves the connection as good as any; one that does not is closed.
 */
function lingerThenClose(req: IncomingMessage): void {
  let read = 0;
  const close = () => {
    clearTimeout(timer);
    req.destroy();
  };
  const timer = setTimeout(close, lingerMs);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > lingerBytes) close();
  });
  req.once('end', () => clearTimeout(timer));
  req.resume();
}
