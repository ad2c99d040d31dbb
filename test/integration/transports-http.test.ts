import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, PackageDto } from '../../core/api';
import { createCore, type Core } from '../../core/core';
import { startHost, type RunningHost } from '../../core/host/start-host';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let data: TempDir;
let web: TempDir;
let core: Core;
let host: RunningHost;
const token = 'test-token-0123456789abcdef';

beforeEach(async () => {
  data = makeTempDir();
  web = makeTempDir('courier-web-');
  writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Courier</title>');
  mkdirSync(join(web.path, 'assets'));
  writeFileSync(join(web.path, 'assets', 'app.js'), 'console.log(1)');
  // A secret next to the web root: traversal attempts aim at it.
  writeFileSync(join(data.path, 'secret.txt'), 'secret');
  core = createCore({ dataDir: data.path });
  host = await startHost({ core, port: 0, staticDir: web.path, token });
});

afterEach(async () => {
  await host.close();
  core.close();
  data.remove();
  web.remove();
});

function api(channel: string, body: unknown, init: { headers?: Record<string, string>; method?: string; raw?: string } = {}) {
  return fetch(`${host.url}api/${channel}`, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
    body: init.method === 'GET' ? undefined : (init.raw ?? JSON.stringify(body)),
  });
}

async function packageCount(): Promise<number> {
  const listed = await core.client['packages:list']({});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.length;
}

/** fetch() normalizes `..` away, so traversal has to be tried with a raw request line. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP host: requests', () => {
  it('creates a package and answers with the PackageDto', async () => {
    const response = await api('packages:create', { name: 'Office' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as ApiResult<PackageDto>;
    expect(result.ok && result.value.name).toBe('Office');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 401 without a token, or with a wrong one, and changes nothing', async () => {
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer wrong' }, { Authorization: `Basic ${token}` }]) {
      const response = await api('packages:create', { name: 'Sneaky' }, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    }
    expect(await packageCount()).toBe(0);
  });

  it('refuses a request from another origin with 403 and changes nothing', async () => {
    const response = await api('packages:create', { name: 'Cross-site' }, { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiResult<unknown>).ok).toBe(false);
    expect(await packageCount()).toBe(0);
    // The console's own pages send their own origin and are served.
    const own = await api('packages:list', {}, { headers: { Origin: host.url.replace(/\/$/, '') } });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host name on a loopback bind (DNS rebinding)', async () => {
    const response = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/packages:list', method: 'POST', headers: { Host: `evil.example:${host.port}`, Authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(response).toBe(403);
  });

  it('answers malformed JSON with 400 and a clear message, and creates nothing', async () => {
    const response = await api('packages:create', null, { raw: '{"name": "Broken",' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' },
    });
    expect(await packageCount()).toBe(0);
  });

  it('answers 413 for a body over 1 MiB and creates nothing', async () => {
    const response = await api('packages:create', { name: 'Big', comment: 'x'.repeat(1024 * 1024 + 10) });
    expect(response.status).toBe(413);
    const result = (await response.json()) as ApiResult<unknown>;
    expect(!result.ok && result.error.message).toMatch(/1 MiB/);
    expect(await packageCount()).toBe(0);
  });

  it('answers 413 for a streamed body that grows past 1 MiB (no Content-Length to go by)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/packages:create',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"name": "Streamed", "comment": "');
      for (let i = 0; i < 17; i++) req.write('x'.repeat(64 * 1024));
      req.end('"}');
    });
    expect(status).toBe(413);
    expect(await packageCount()).toBe(0);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await api('packages:create', null, { raw: 'name=Form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
    expect(await packageCount()).toBe(0);
  });

  it('answers 404 UNKNOWN_CHANNEL for a channel the contract does not have', async () => {
    const response = await api('packages:explode', {});
    expect(response.status).toBe(404);
    const result = (await response.json()) as ApiResult<unknown>;
    expect(!result.ok && result.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('answers 405 to anything but POST on a channel', async () => {
    const response = await api('packages:list', null, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('maps the core error codes to HTTP statuses', async () => {
    const tooLong = await api('packages:create', { name: 'n'.repeat(51) });
    expect(tooLong.status).toBe(400);
    const missing = await api('packages:get', { packageId: 'A01FFFFF' });
    expect(missing.status).toBe(404);
    const noSource = await api('packages:create', { name: 'S', containsSourceFiles: true, sourceDirectory: join(data.path, 'nope') });
    expect(noSource.status).toBe(422);
  });
});

describe('HTTP host: server-sent events', () => {
  it('needs the token', async () => {
    const response = await fetch(`${host.url}api/events?token=wrong`);
    expect(response.status).toBe(401);
  });

  it('delivers packages:changed after a create', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.url}api/events?token=${token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain(': connected');

    await api('packages:create', { name: 'Evented' });
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    const data = /^data: (.*)$/m.exec(text)?.[1];
    const event = JSON.parse(data ?? 'null') as { channel: string; payload: { change: string; package: PackageDto } };
    expect(event.channel).toBe('packages:changed');
    expect(event.payload.change).toBe('created');
    expect(event.payload.package.name).toBe('Evented');
    controller.abort();
  });

  it('replays to a console that reconnects with Last-Event-ID what was committed while it was away', async () => {
    /** Reads frames until `count` of them carry data, or an event name, and returns them. */
    async function frames(reader: ReadableStreamDefaultReader<string>, count: number) {
      let text = '';
      const got = () => text.split('\n\n').filter((b) => /^(id|event|data): /m.test(b));
      while (got().length < count) text += (await reader.read()).value ?? '';
      return got().map((block) => ({
        id: /^id: (.*)$/m.exec(block)?.[1],
        event: /^event: (.*)$/m.exec(block)?.[1],
        name: (JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as { payload?: { package?: PackageDto } }).payload?.package?.name,
      }));
    }
    const first = new AbortController();
    const before = await fetch(`${host.url}api/events?token=${token}`, { signal: first.signal });
    await api('packages:create', { name: 'Heard' });
    const [heard] = await frames(before.body!.pipeThrough(new TextDecoderStream()).getReader(), 1);
    expect(heard!.name).toBe('Heard');
    first.abort();

    await api('packages:create', { name: 'Missed 1' });
    await api('packages:create', { name: 'Missed 2' });

    const second = new AbortController();
    const after = await fetch(`${host.url}api/events?token=${token}`, { signal: second.signal, headers: { 'Last-Event-ID': heard!.id! } });
    const reader = after.body!.pipeThrough(new TextDecoderStream()).getReader();
    const caughtUp = await frames(reader, 2);
    expect(caughtUp.map((f) => f.name)).toEqual(['Missed 1', 'Missed 2']);
    second.abort();

    // An id this host never gave (an earlier run of it) cannot be replayed: the console is told to read again.
    const third = new AbortController();
    const stale = await fetch(`${host.url}api/events?token=${token}&lastEventId=0123456789ab.7`, { signal: third.signal });
    const [resync] = await frames(stale.body!.pipeThrough(new TextDecoderStream()).getReader(), 1);
    expect(resync!.event).toBe('resync');
    third.abort();
  });

  it('is ended by close() so the host can stop', async () => {
    const response = await fetch(`${host.url}api/events?token=${token}`);
    const reader = response.body!.getReader();
    await reader.read();
    await host.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe('HTTP host: static files', () => {
  it('serves index.html at / with no-store and the security headers', async () => {
    const response = await fetch(`${host.url}?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });

  it('serves assets with their content type', async () => {
    const response = await fetch(`${host.url}assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('puts the security headers on API answers too', async () => {
    const response = await api('packages:list', {}, { headers: { Authorization: '' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
  ])('refuses directory traversal: %s', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
  });

  it('answers 404 for a missing file', async () => {
    expect((await fetch(`${host.url}nope.js`)).status).toBe(404);
  });
});

describe('HTTP host without a renderer build', () => {
  it('serves a page that says how to build it', async () => {
    const empty = makeTempDir('courier-web-empty-');
    const bare = await startHost({ core, port: 0, staticDir: empty.path });
    try {
      const response = await fetch(bare.url);
      expect(await response.text()).toContain('npm run build:renderer');
      expect(bare.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    } finally {
      await bare.close();
      empty.remove();
    }
  });
});
