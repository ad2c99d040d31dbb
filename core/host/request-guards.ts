import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

const loopbackNames = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return loopbackNames.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `host:port` as it appears in a URL (IPv6 addresses in brackets). */
export function urlAuthority(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

function hostnameOf(hostHeader: string): string {
  // "[::1]:4817" → "[::1]", "localhost:4817" → "localhost"
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader);
  return match?.[1]?.toLowerCase() ?? '';
}

export type GuardOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Two checks that stop a web page from another site driving the console through the user's
 * browser. On a loopback bind the Host header must name the loopback too, which defeats DNS
 * rebinding (evil.example resolving to 127.0.0.1). And a request that states an Origin must come
 * from the console's own origin; browsers send Origin on every cross-site fetch and on every POST.
 */
export function checkRequestSource(req: IncomingMessage, boundHost: string): GuardOutcome {
  const hostHeader = req.headers.host ?? '';
  if (isLoopbackHost(boundHost) && !isLoopbackHost(hostnameOf(hostHeader))) {
    return { ok: false, message: `This console answers only on the loopback address, not on "${hostHeader}".` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${hostHeader}`) {
    return { ok: false, message: `Requests from ${origin} are not allowed: the console accepts requests only from its own pages.` };
  }
  return { ok: true };
}
