import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { mpAuthorization, mpMaxStatusMessages, mpRegisterResponseSchema, type MpRegisterRequest, type MpRegisterResponse, type MpStatusMessage } from '../../core/api';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { createOfferManager, offerManagerName } from '../../core/components/offermgr';
import { openDatabase } from '../../core/db/connection';
import { value } from '../helpers/api-result';
import { untilIdle } from '../helpers/offer-state';
import { selfSignedCertificate } from '../helpers/self-signed';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The management point under hostile input over real HTTP on the loopback: every request ends
// with a specific answer (or a closed connection), nothing is half-stored, and the service
// keeps answering others.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
let base = '';
const site = () => join(temp.path, 'site');

interface Answer {
  status: number;
  body: { error?: { code: string; message: string; field?: string } } & Record<string, unknown>;
}

async function call(method: 'GET' | 'POST', path: string, options: { body?: unknown; auth?: string; raw?: string | Uint8Array<ArrayBuffer> } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.auth !== undefined) headers.authorization = options.auth;
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path.replace(/^\//, ''), base), { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Raw bytes on a socket; resolves with everything the server sent once it closes (or after `settleMs` of quiet once it answered). */
function raw(bytes: string | Buffer, settleMs = 300): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on('data', (data) => {
      received += data.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(finish, settleMs);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', () => undefined);
  });
}

function registration(name: string, extra: Partial<MpRegisterRequest> = {}): MpRegisterRequest {
  return {
    name,
    domain: 'CONTOSO',
    operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 5.1',
    platform: 'I386',
    ipAddresses: ['10.1.2.3'],
    ipSubnets: ['10.1.0.0'],
    loggedOnUsers: [],
    ...extra,
  };
}

async function register(name: string, extra: Partial<MpRegisterRequest> = {}): Promise<MpRegisterResponse> {
  const answer = await call('POST', 'register', { body: registration(name, extra) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return mpRegisterResponseSchema.parse(answer.body);
}

const auth = (client: MpRegisterResponse, secret = client.secret) => mpAuthorization(client.resourceId, secret);

function count(sql: string, ...params: unknown[]): number {
  const db = openDatabase(join(site(), 'courier.db'));
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
}

const systems = (name: string) => count("SELECT count(*) FROM resources WHERE resource_type = 'system' AND name = ?", name);

function message(uid: string, extra: Partial<MpStatusMessage> = {}): MpStatusMessage {
  return { uid, messageId: 10002, severity: 'info', time: '2026-12-03T09:30:00Z', component: 'Software Distribution', insertionStrings: [], attributes: {}, ...extra };
}

async function startMp(extra: { bodyBudgetBytes?: number; requestTimeoutMs?: number } = {}): Promise<void> {
  await runner?.stop();
  value(await core.client['management-point:update']({ changes: { port: 0 } }));
  await expect.poll(async () => value(await core.client['management-point:status']({})).running).toBe(false);
  runner = startComponentRunner({
    dataDir: site(),
    components: [{ name: mpControlName, thread: 'inline' }],
    factories: { [mpControlName]: () => createMpControlManager({ headersTimeoutMs: 400, requestTimeoutMs: 800, ...extra }) },
    leaseMs: 2_000,
  });
  await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^http:/);
  base = value(await core.client['management-point:status']({})).url!;
}

beforeEach(async () => {
  temp = makeTempDir('courier-mp-hostile-');
  core = createCore({ dataDir: site() });
  await startMp();
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('the management point under hostile input', { timeout: 60_000 }, () => {
  it('refuses a body that is not valid UTF-8, naming it, rather than storing replacement characters', async () => {
    const text = JSON.stringify(registration('PCXX'));
    const bytes = Buffer.from(text, 'utf8');
    // "PCXX" becomes "PC", a lone continuation byte and an overlong "/" (0xC0 0xAF).
    const at = bytes.indexOf('PCXX') + 2;
    bytes[at] = 0x80;
    bytes[at + 1] = 0xc0;
    const spliced = Buffer.concat([bytes.subarray(0, at + 2), Buffer.from([0xaf]), bytes.subarray(at + 2)]);
    const answer = await call('POST', 'register', { raw: new Uint8Array(spliced) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/not valid UTF-8/) });
    expect(count("SELECT count(*) FROM resources WHERE resource_type = 'system'")).toBe(0);
  });

  it('answers deep nesting, huge strings and prototype keys with a 400 naming the field, and stays up', async () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000);
    const nested = await call('POST', 'register', { raw: `{"name":${deep}}` });
    expect(nested.status).toBe(400);
    expect(nested.body.error?.code).toBe('VALIDATION_FAILED');
    const pc = await register('PC0001');
    const deepStatus = await call('POST', 'status', { auth: auth(pc), raw: `{"messages":[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]}` });
    expect(deepStatus.status).toBe(400);
    expect(deepStatus.body.error?.field).toMatch(/^messages\.0/);

    const megabyteName = await call('POST', 'register', { body: registration('x'.repeat(1_000_000)) });
    expect(megabyteName.status).toBe(400);
    expect(megabyteName.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });

    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const polluted = await call('POST', 'register', { raw: `{${JSON.stringify(key)}:{"approval":"approved","polluted":true},${JSON.stringify(registration('PC0002')).slice(1)}` });
      expect(polluted.status, key).toBe(400);
      expect(polluted.body.error?.code, key).toBe('VALIDATION_FAILED');
      const pollutedMessage = await call('POST', 'status', { auth: auth(pc), raw: `{"messages":[{${JSON.stringify(key)}:{"uid":"x"},${JSON.stringify(message('p1')).slice(1)}]}` });
      expect(pollutedMessage.status, key).toBe(400);
      expect(pollutedMessage.body.error?.field, key).toMatch(/^messages\.0/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(systems('PC0002')).toBe(0);
    expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'")).toBe(0);
    expect((await call('GET', 'health')).status).toBe(200);
  });

  it('refuses line breaks, NULs and escape sequences in every text of a registration, naming the field, so none reaches a log line', async () => {
    const fields: [Partial<MpRegisterRequest>, string][] = [
      [{ name: 'PC0001\r\nClient PC0002 registered' }, 'name'],
      [{ name: 'PC\u0000' }, 'name'],
      [{ name: '\u001b[2JPC' }, 'name'],
      [{ domain: 'CON\nTOSO' }, 'domain'],
      [{ operatingSystemNameAndVersion: 'Windows\r\nX-Injected: 1' }, 'operatingSystemNameAndVersion'],
      [{ loggedOnUsers: ['CONTOSO\\an\r\nn'] }, 'loggedOnUsers.0'],
      [{ adSiteName: 'H\u0007Q' }, 'adSiteName'],
      [{ clientVersion: '4.00\u0000.1' }, 'clientVersion'],
      [{ smsUniqueIdentifier: 'GUID:A\r\nB' }, 'smsUniqueIdentifier'],
      [{ name: 'PC\u202e1000' }, 'name'],
    ];
    for (const [extra, field] of fields) {
      const answer = await call('POST', 'register', { body: registration('PC0001', extra) });
      expect([field, answer.status, answer.body.error?.field]).toEqual([field, 400, field]);
    }
    expect(count("SELECT count(*) FROM resources WHERE resource_type = 'system'")).toBe(0);
    // Surrounding white space, line breaks included, is trimmed as every text field trims it.
    expect((await register('PC0001', { domain: 'CONTOSO\r\n' })).resourceId).toBeGreaterThan(0);
  });

  it('refuses duplicate and NUL-bearing query keys, and odd or oversized credentials, all alike', async () => {
    const pc = await register('PC0001');
    expect((await call('GET', 'policy/machine?since=0&since=1', { auth: auth(pc) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'since' });
    expect((await call('GET', 'policy/machine?since=1%00', { auth: auth(pc) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'since' });
    expect((await call('GET', 'policy/machine?since%00=1', { auth: auth(pc) })).status).toBe(400);
    expect((await call('GET', 'policy/user?user=CONTOSO%5Cann%00', { auth: auth(pc) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'user' });
    expect((await call('GET', 'policy/user?user=%FF%FE', { auth: auth(pc) })).status).toBe(400);
    for (const secret of ['', 'a', pc.secret.slice(0, -1), `${pc.secret}A`, pc.secret.toUpperCase(), 'x'.repeat(129), 'x'.repeat(8000)]) {
      const answer = await call('GET', 'policy/machine', { auth: `Courier-Client ${pc.resourceId}:${secret}` });
      expect(answer.body.error?.code, `a secret of ${secret.length} characters`).toBe('UNKNOWN_CLIENT');
    }
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).status).toBe(200);
    // A NUL or a line break in the header itself never reaches the handler: the parser refuses it.
    const injected = await raw(`GET /ccm/v1/policy/machine HTTP/1.1\r\nHost: x\r\nAuthorization: Courier-Client ${pc.resourceId}:${pc.secret}\u0000\r\n\r\n`);
    expect(injected).toMatch(/^HTTP\/1\.1 400 /);
    const folded = await raw(`GET /ccm/v1/health HTTP/1.1\r\nHost: x\r\nX-A: b\r\n c\r\n\r\n`);
    expect(folded).toMatch(/^HTTP\/1\.1 400 /);
    const badName = await raw(`GET /ccm/v1/health HTTP/1.1\r\nHost: x\r\nX A: b\r\n\r\n`);
    expect(badName).toMatch(/^HTTP\/1\.1 400 /);
    expect((await call('GET', 'health')).status).toBe(200);
  });

  it('answers a huge declared length and an endless chunked body without reading them, and keeps serving', async () => {
    const pc = await register('PC0001');
    const huge = await raw(`POST /ccm/v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{`);
    expect(huge).toMatch(/^HTTP\/1\.1 (400|413) /);
    const big = await raw(`POST /ccm/v1/status HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth(pc)}\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{`);
    expect(big).toMatch(/^HTTP\/1\.1 413 [^]*PAYLOAD_TOO_LARGE/);
    // Chunks of zeros, never the last chunk: cut off once the limit is passed.
    const chunk = `10000\r\n${' '.repeat(0x10000)}\r\n`;
    const endless = await raw(Buffer.from(`POST /ccm/v1/status HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth(pc)}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.repeat(20)}`, 'latin1'));
    expect(endless).toMatch(/^HTTP\/1\.1 413 /);
    // Chunked and never finished, under the limit: the request deadline (800 ms here) ends it.
    const unfinished = await raw(`POST /ccm/v1/status HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth(pc)}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n`, 5_000);
    expect(unfinished).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect((await call('GET', 'health')).status).toBe(200);
  });

  it('refuses bodies past its budget of bytes in flight with 503 and Retry-After, and takes them again once the holder is gone', async () => {
    // A longer request deadline than the other cases: every step below must happen while the holder holds, even on a busy machine.
    await startMp({ bodyBudgetBytes: 1024 * 1024 + 4096, requestTimeoutMs: 4000 });
    const { hostname, port } = new URL(base);
    // One client declares a MiB and sends ten bytes of it: the MiB is taken from the budget at once.
    const holder = connect(Number(port), hostname, () => holder.write(`POST /ccm/v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{"name":"P`));
    holder.on('error', () => undefined);
    const holderClosed = new Promise<void>((resolve) => holder.once('close', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 400));
    // A small registration still fits; a larger one does not, declared or streamed.
    expect((await call('POST', 'register', { body: registration('PC0001') })).status).toBe(200);
    const declared = await raw(`POST /ccm/v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 8000\r\n\r\n{`);
    expect(declared).toMatch(/^HTTP\/1\.1 503 [^]*Retry-After: 5[^]*"code":"BUSY"/i);
    const streamed = await raw(Buffer.from(`POST /ccm/v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n${' '.repeat(0x2000)}\r\n`, 'latin1'));
    expect(streamed).toMatch(/^HTTP\/1\.1 503 /);
    // The holder is dropped at the request deadline (4 s here), and its share comes back.
    await holderClosed;
    const again = await call('POST', 'register', { body: registration('PC0002', { operatingSystemNameAndVersion: `Windows ${'x'.repeat(200)}` }) });
    expect(again.status).toBe(200);
    const big = await raw(`POST /ccm/v1/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 8000\r\n\r\n${'{'.padEnd(8000, ' ')}`);
    expect(big).toMatch(/^HTTP\/1\.1 400 /);
    // A client dropped at its deadline is not the site's failure: nothing about it in the log.
    expect(readFileSync(join(site(), 'SMS', 'Logs', 'mpcontrol.log'), 'utf8')).not.toMatch(/failed/);
  });

  it('drops many idle connections at the head deadline and still answers', async () => {
    const { hostname, port } = new URL(base);
    const sockets = await Promise.all(
      Array.from({ length: 200 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
        const socket = connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', () => undefined);
        // Flowing, so the server's close is seen even by a socket that has read nothing.
        socket.resume();
      })),
    );
    expect((await call('GET', 'health')).status).toBe(200);
    const closed = sockets.map((socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve()))));
    await Promise.all(closed);
    expect((await call('GET', 'health')).status).toBe(200);
  });

  it('over HTTPS too, drops connections that never finish the handshake or never send a request after it', async () => {
    const { certificate, key } = selfSignedCertificate(temp.path, 'mp');
    value(await core.client['management-point:update']({ changes: { certificateFile: certificate, keyFile: key } }));
    await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^https:/);
    const { hostname, port } = new URL(value(await core.client['management-point:status']({})).url!);
    const closed = (socket: { once(event: 'close', listener: () => void): unknown; destroyed: boolean }) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
    const silent = Array.from({ length: 20 }, () => connect(Number(port), hostname).on('error', () => undefined).resume());
    const handshaken = await Promise.all(
      Array.from({ length: 20 }, () => new Promise<ReturnType<typeof tlsConnect>>((resolve, reject) => {
        // Resumed: a paused socket with unread data (a TLS 1.3 session ticket) never sees its end.
        const socket = tlsConnect({ host: hostname, port: Number(port), ca: readFileSync(certificate) }, () => resolve(socket)).resume();
        socket.on('error', reject);
      })),
    );
    await Promise.all([...silent, ...handshaken].map(closed));
  });

  it('answers a client still sending a body it refused, rather than resetting it, and closes after a moment', async () => {
    const pc = await register('PC0001');
    const body = Buffer.alloc(6 * 1024 * 1024, 0x20);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => {
        const { hostname, port } = new URL(base);
        return new Promise<{ text: string; error: string | null }>((resolve) => {
          const socket = connect(Number(port), hostname, () => {
            socket.write(`POST /ccm/v1/status HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth(pc)}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
            socket.write(body);
          });
          let text = '';
          let error: string | null = null;
          socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
          socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
          socket.on('close', () => resolve({ text, error }));
        });
      }),
    );
    // Each is told why, and the server ends the connection itself (no reset lost the answer).
    for (const answer of answers) expect(answer.text).toMatch(/^HTTP\/1\.1 413 [^]*"code":"PAYLOAD_TOO_LARGE"/);
    expect(answers.map((a) => a.error)).toEqual([null, null, null, null]);
  });

  it('stores 500 messages each at every size limit in one upload, and refuses 501', async () => {
    const pc = await register('PC0001');
    const full = (i: number) =>
      message(`${'U'.repeat(60)}${String(i).padStart(4, '0')}`, {
        insertionStrings: Array.from({ length: 10 }, () => 'é'.repeat(1024)),
        messageId: 65535,
        attributes: { 400: 'A0100001', 401: 'A0120000' },
      });
    const messages = Array.from({ length: mpMaxStatusMessages }, (_, i) => full(i));
    // 500 messages of ten 1024-character strings (10 MB) do not fit a MiB: refused whole, by size, nothing stored.
    const answer = await call('POST', 'status', { auth: auth(pc), body: { messages } });
    expect(answer.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'")).toBe(0);
    const fitting = Array.from({ length: mpMaxStatusMessages }, (_, i) => ({ ...full(i), insertionStrings: [`${'e'.repeat(1024)}`] }));
    const stored = await call('POST', 'status', { auth: auth(pc), body: { messages: fitting } });
    expect(stored.status, JSON.stringify(stored.body).slice(0, 300)).toBe(200);
    expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'")).toBe(mpMaxStatusMessages);
    const over = await call('POST', 'status', { auth: auth(pc), body: { messages: [...fitting.slice(0, 1), ...Array.from({ length: mpMaxStatusMessages }, (_, i) => message(`n${i}`))] } });
    expect(over.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'messages' });
    const tooLong = await call('POST', 'status', { auth: auth(pc), body: { messages: [message('x'.repeat(65)), message('ok')] } });
    expect(tooLong.body.error?.field).toBe('messages.0.uid');
    const longString = await call('POST', 'status', { auth: auth(pc), body: { messages: [message('ok2'), message('ok3', { insertionStrings: ['e'.repeat(1025)] })] } });
    expect(longString.body.error?.field).toBe('messages.1.insertionStrings.0');
    expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'")).toBe(mpMaxStatusMessages);
  });

  it('registers one client for concurrent registrations of the same identifier; the others are told it exists', async () => {
    const identifier = 'GUID:11111111-2222-3333-4444-555555555555';
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call('POST', 'register', { body: registration(`PC${String(i).padStart(4, '0')}`, { smsUniqueIdentifier: identifier }) })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(count('SELECT count(*) FROM resources WHERE sms_unique_identifier = ?', identifier)).toBe(1);
    expect(count('SELECT count(*) FROM mp_clients')).toBe(1);
  });

  it('refuses a client that claims another client\'s identity with its own secret, and files every upload under the client that sent it', async () => {
    const a = await register('PC0001', { ipAddresses: ['10.1.2.3'] });
    const b = await register('PC0002', { ipAddresses: ['10.9.9.9'] });
    const rowOf = async (resourceId: number) => value(await core.client['resources:get']({ resourceId }));
    const before = [await rowOf(a.resourceId), await rowOf(b.resourceId)];
    expect(before.map((r) => [r.name, r.smsUniqueIdentifier, r.ipAddresses])).toEqual([['PC0001', a.smsUniqueIdentifier, ['10.1.2.3']], ['PC0002', b.smsUniqueIdentifier, ['10.9.9.9']]]);

    // B, with its own valid credentials, sends A's SMS unique identifier (under its own name, and under A's).
    for (const name of ['PC0002', 'PC0001']) {
      const claim = await call('POST', 'register', { body: registration(name, { smsUniqueIdentifier: a.smsUniqueIdentifier, ipAddresses: ['10.9.9.9'] }), auth: auth(b) });
      expect(claim, name).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', field: 'smsUniqueIdentifier' } } });
    }
    // B re-registers under A's name with no identifier, or with its own identifier: A's resource is not B's to take.
    expect((await call('POST', 'register', { body: registration('PC0001'), auth: auth(b) })).status).toBe(409);
    expect((await call('POST', 'register', { body: registration('PC0001', { smsUniqueIdentifier: b.smsUniqueIdentifier }), auth: auth(b) })).status).toBe(409);
    // A's credentials with B's resource ID are no credentials at all.
    expect((await call('GET', 'policy/machine', { auth: mpAuthorization(b.resourceId, a.secret) })).status).toBe(401);
    expect([await rowOf(a.resourceId), await rowOf(b.resourceId)]).toEqual(before);
    expect(count('SELECT count(*) FROM mp_clients')).toBe(2);
    for (const client of [a, b]) expect((await call('GET', 'policy/machine', { auth: auth(client) })).status).toBe(200);

    // A status message names no sender: a key that tries to is refused, and nothing is stored.
    const named = await call('POST', 'status', { auth: auth(b), body: { messages: [{ ...message('from-b-1'), machineName: 'PC0001' }] } });
    expect(named).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(named.body.error?.message).toMatch(/machineName/);
    // The same uid from both clients: each stored once, under the client that sent it; B's copy does not
    // swallow A's (the receipts are per client), and a replay by either stores nothing more.
    for (const client of [b, a, b, a]) expect((await call('POST', 'status', { auth: auth(client), body: { messages: [message('shared-uid')] } })).body).toEqual({ acknowledged: ['shared-uid'] });
    for (const name of ['PC0001', 'PC0002']) expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client' AND machine_name = ?", name), name).toBe(1);
    expect(count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'")).toBe(2);
  });

  it('keeps a block an admin makes while the client re-registers: the client stays blocked', async () => {
    const pc = await register('PC0001');
    const again = Array.from({ length: 10 }, () => call('POST', 'register', { body: registration('PC0001'), auth: auth(pc) }));
    value(await core.client['mp-clients:set-approval']({ client: pc.resourceId, action: 'block' }));
    for (const answer of await Promise.all(again)) expect([200]).toContain(answer.status);
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).body.error?.code).toBe('BLOCKED');
    const after = await call('POST', 'register', { body: registration('PC0001'), auth: auth(pc) });
    expect(after.body).toMatchObject({ approval: 'blocked' });
  });

  it('places a client that reports its IPv4 address IPv4-mapped (::ffff:10.1.2.3) by that address', async () => {
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16', connection: 'slow' }));
    const offers = startComponentRunner({ dataDir: site(), components: [{ name: offerManagerName, thread: 'inline' }], factories: { [offerManagerName]: () => createOfferManager() }, leaseMs: 2_000 });
    try {
      const located: Record<string, unknown> = {};
      for (const [name, addresses] of [['PC0001', ['::ffff:10.1.2.3']], ['PC0002', ['::FFFF:0A01:0203']], ['PC0003', ['fe80::1', '::ffff:192.168.1.1']]] as const) {
        const pc = await register(name, { ipAddresses: [...addresses] });
        const packageId = value(await core.client['packages:create']({ name: `Script ${name}` })).packageId;
        value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
        const collectionId = value(await core.client['collections:create']({ name: `Lab ${name}`, rules: [{ kind: 'direct', resourceId: pc.resourceId }] })).collectionId;
        const advertisementId = value(await core.client['advertisements:create']({ advertisementName: `Fix ${name}`, packageId, programName: 'Install', collectionId, includeSubcollections: true })).advertisementId;
        await untilIdle(site(), ['Offermgr.box']);
        const answer = await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId, packageId, sourceVersion: 1 } });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        located[name] = answer.body.network;
      }
      expect(located).toEqual({ PC0001: 'slow', PC0002: 'slow', PC0003: 'none' });
    } finally {
      await offers.stop();
    }
  });

  it('answers content location cleanly for a client registered with IPv6 and odd addresses', async () => {
    const pc = await register('PC0001', { ipAddresses: ['fe80::1', '::ffff:10.1.2.3', '::', '2001:db8::1', '0.0.0.0', '255.255.255.255'], ipSubnets: ['10.1.0.0'] });
    const answer = await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId: 'A0120000', packageId: 'A0100001', sourceVersion: 1 } });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'advertisementId' });
    for (const address of ['1.2.3.4.5', '256.1.1.1', '01.2.3.4', 'fe80::1%eth0', '::1\u0000']) {
      const refused = await call('POST', 'register', { body: registration('PC0009', { ipAddresses: [address] }) });
      expect(refused.status, address).toBe(400);
      expect(refused.body.error?.field, address).toMatch(/^ipAddresses/);
    }
  });
});
