import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { contentServiceName, createContentService } from '../../core/components/dpcontent';
import { value } from '../helpers/api-result';
import { writeTree } from '../helpers/content-tree';
import { selfSignedCertificate } from '../helpers/self-signed';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The content service under hostile requests and a hostile share: every answer is the manifest's
// bytes or a refusal, never a byte from outside the package copy, and nothing is left open.

let temp: TempDir;
let core: Core;
let distmgr: ComponentRunner;
let service: ComponentRunner;
let base: string;
let packageId: string;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const volume = () => join(temp.path, 'volumes', 'dp01');
const copy = () => join(volume(), 'SMSPKGD$', packageId);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const setup = randomBytes(300_000);
const readMe = Buffer.from('read me, a small file');
const files: Record<string, Uint8Array | string> = {
  'setup.exe': setup,
  'Data/Sub Folder/read me.txt': readMe,
  'empty.txt': '',
};
/** Bytes of the site server that are no package's: what a symlink in the share would point at. */
const secretOf = (size: number) => Buffer.alloc(size, 'S');

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (done(got)) return got;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(got)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const url = (path: string) => `${base}/SMS_DP_SMSPKGD$/${packageId}/${path}`;

/** One request as the bytes given (nothing tidies the path); the whole answer as latin1. */
function raw(target: string, headers = '', method = 'GET'): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n${headers}\r\n`);
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const openFds = () => readdirSync('/proc/self/fd').length;

/** Replaces `path` by what `put` makes there, runs `check`, and puts the file back as the manifest lists it. */
async function replaced(path: string, put: (path: string) => void, check: () => Promise<void>): Promise<void> {
  const aside = `${path}.aside`;
  renameSync(path, aside);
  try {
    put(path);
    await check();
  } finally {
    rmSync(path, { recursive: true, force: true });
    renameSync(aside, path);
  }
}

beforeAll(async () => {
  temp = makeTempDir('courier-dpcontent-hostile-');
  core = createCore({ dataDir: site() });
  writeTree(source(), files);
  mkdirSync(volume(), { recursive: true });
  value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volume() }], bitsEnabled: true }));
  packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source() })).packageId;
  value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
  distmgr = startInlineDistributionManager(site(), () => new Date());
  await until('the package installed', async () => value(await core.client['packages:status']({ packageId })), (status) => status.distributionPoints.every((row) => row.state === 'installed') && status.distributionPoints.length === 1);
  await distmgr.stop();
  service = startComponentRunner({
    dataDir: site(),
    components: [{ name: contentServiceName, thread: 'inline', pollMs: 100 }],
    factories: { [contentServiceName]: () => createContentService({ idleTimeoutMs: 600_000, headersTimeoutMs: 400 }) },
    leaseMs: 2_000,
  });
  base = (await until('the content service to listen', async () => value(await core.client['content-service:get']({})).listeningUrl, (url) => url !== null)) ?? '';
}, 120_000);

afterAll(async () => {
  await service?.stop();
  core?.close();
  temp?.remove();
});

describe('the content service under hostile input', { timeout: 60_000 }, () => {
  it('never serves a file of the package replaced by a symlink out of the share, even one of the same size and time', async () => {
    for (const [path, bytes] of [['setup.exe', setup], ['Data/Sub Folder/read me.txt', readMe]] as const) {
      const file = join(copy(), ...path.split('/'));
      const { mtime } = statSync(file);
      const outside = join(temp.path, `outside-${bytes.length}`);
      writeFileSync(outside, secretOf(bytes.length));
      utimesSync(outside, mtime, mtime);
      await replaced(file, (at) => symlinkSync(outside, at), async () => {
        const answer = await fetch(url(path));
        const body = Buffer.from(await answer.arrayBuffer());
        expect([path, answer.status]).toEqual([path, 503]);
        expect(body.includes(Buffer.from('SSSS'))).toBe(false);
      });
      expect((await fetch(url(path))).status).toBe(200);
    }
  });

  it('never serves through a folder of the package replaced by a symlink out of the share', async () => {
    const folder = join(copy(), 'Data', 'Sub Folder');
    const { mtime } = statSync(join(folder, 'read me.txt'));
    const outside = join(temp.path, 'outside-folder');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'read me.txt'), secretOf(readMe.length));
    utimesSync(join(outside, 'read me.txt'), mtime, mtime);
    await replaced(folder, (at) => symlinkSync(outside, at, 'dir'), async () => {
      const answer = await fetch(url('Data/Sub%20Folder/read%20me.txt'));
      expect(answer.status).toBe(503);
      expect(await answer.text()).not.toContain('SSSS');
    });
    const back = await fetch(url('Data/Sub%20Folder/read%20me.txt'));
    expect(Buffer.from(await back.arrayBuffer()).equals(readMe)).toBe(true);
  });

  it('answers a file replaced by a FIFO with 503 at once, without hanging on it', async () => {
    const file = join(copy(), 'setup.exe');
    await replaced(file, (at) => execFileSync('mkfifo', [at]), async () => {
      const answer = await fetch(url('setup.exe'));
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '5']);
    });
    const back = await fetch(url('setup.exe'));
    expect(sha256(Buffer.from(await back.arrayBuffer()))).toBe(sha256(setup));
  });

  it('refuses Windows and encoded forms of leaving the package (drive letters, UNC, streams, devices), never answering 200', async () => {
    const targets = [
      '..%2fsetup.exe', '..%2F..%2F', '%2e%2e%2fsetup.exe', '%2E%2E/setup.exe', '.%2e/setup.exe', '..%5csetup.exe', '..\\setup.exe',
      '%c0%af', '%c0%ae%c0%ae%c0%af', '%e0%80%ae%e0%80%ae/setup.exe', '%ed%a0%80', '%', '%zz', '%00', 'setup.exe%00',
      'C:/Windows/win.ini', 'C:%5cWindows%5cwin.ini', 'C%3a%5cWindows', '%5c%5cserver%5cshare%5cx', '\\\\server\\share',
      'setup.exe:stream', 'setup.exe::$DATA', 'setup.exe%3a%3a%24DATA', 'CON', 'con.txt', 'NUL', 'AUX', 'COM1', 'LPT1', 'setup.exe.', 'setup.exe%20',
      'Data/Sub Folder/read me.txt/', 'Data//Sub Folder', 'Data/./Sub Folder/read me.txt', 'x'.repeat(40_000),
    ];
    for (const target of targets) {
      const answer = await raw(`/SMS_DP_SMSPKGD$/${packageId}/${target}`);
      expect([target.slice(0, 40), [400, 404, 414, 431].includes(statusOf(answer))]).toEqual([target.slice(0, 40), true]);
    }
    // Outside the share prefix altogether.
    for (const target of [`/SMS_DP_..%2f${packageId}/setup.exe`, `/SMS_DP_/${packageId}/setup.exe`, `/sms_dp_smspkgd$/..`, `//SMS_DP_SMSPKGD$/${packageId}/setup.exe`, `*`, `http://evil/SMS_DP_SMSPKGD$/${packageId}/setup.exe`]) {
      expect([target, [400, 404].includes(statusOf(await raw(target)))]).toEqual([target, true]);
    }
  });

  it('answers Range edge cases by RFC 9110: one byte, a zero suffix, numbers too big, many ranges, whitespace', async () => {
    const range = async (header: string, path = 'setup.exe') => {
      const answer = await fetch(url(path), { headers: { Range: header } });
      return { status: answer.status, range: answer.headers.get('content-range'), bytes: Buffer.from(await answer.arrayBuffer()) };
    };
    expect(await range('bytes=0-0')).toMatchObject({ status: 206, range: `bytes 0-0/${setup.length}`, bytes: setup.subarray(0, 1) });
    expect(await range(`bytes=${setup.length - 1}-`)).toMatchObject({ status: 206, bytes: setup.subarray(setup.length - 1) });
    expect(await range('bytes=-1')).toMatchObject({ status: 206, bytes: setup.subarray(setup.length - 1) });
    expect((await range('bytes=-0')).status).toBe(416);
    expect(await range('bytes=-0')).toMatchObject({ range: `bytes */${setup.length}` });
    expect((await range(`bytes=${setup.length}-`)).status).toBe(416);
    expect((await range('bytes=0-0', 'empty.txt')).status).toBe(416);
    // Too many digits to count bytes by, or several ranges: the whole file (RFC 9110 allows ignoring Range).
    for (const header of ['bytes=99999999999999999999-', 'bytes=0-99999999999999999999', 'bytes=-99999999999999999999', Array.from({ length: 1000 }, (_, i) => `${i}-${i}`).join(',').replace(/^/, 'bytes='), 'bytes=0-1,0-1', 'bytes=5-1', 'items=0-1', 'bytes=0x10-', 'bytes=1e3-', 'bytes=-', 'bytes=+1-2']) {
      const answer = await range(header);
      expect([header.slice(0, 30), answer.status, answer.bytes.length]).toEqual([header.slice(0, 30), 200, setup.length]);
    }
    expect(await range('bytes = 10 - 19')).toMatchObject({ status: 206, bytes: setup.subarray(10, 20) });
    expect(await range('BYTES=10-19')).toMatchObject({ status: 206, bytes: setup.subarray(10, 20) });
  });

  it('drops connections that never send a request at the head deadline, long before the idle time, and still answers', async () => {
    const { hostname, port } = new URL(base);
    const before = openFds();
    const silent = await Promise.all(
      Array.from({ length: 100 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
        const socket = connect({ host: hostname, port: Number(port) }, () => resolve(socket));
        socket.on('error', () => undefined);
        socket.resume();
      })),
    );
    expect((await fetch(url('setup.exe'))).status).toBe(200);
    // The idle time is 10 minutes here, far past the test's own timeout; the head deadline 400 ms.
    await Promise.all(silent.map((socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())))));
    await expect.poll(openFds, { timeout: 5_000 }).toBeLessThanOrEqual(before + 2);
    expect((await fetch(url('setup.exe'))).status).toBe(200);
  });

  it('answers thousands of HEAD requests on one connection and leaves no file open', async () => {
    const before = openFds();
    const { hostname, port } = new URL(base);
    const asked = 2_000;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) });
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        text += chunk;
        if ((text.match(/^HTTP\/1\.1 /gm) ?? []).length >= asked) socket.end();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      const one = (i: number) => `HEAD /SMS_DP_SMSPKGD$/${packageId}/${i % 2 === 0 ? 'setup.exe' : 'Data/Sub%20Folder/read%20me.txt'} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`;
      socket.write(Array.from({ length: asked }, (_, i) => one(i)).join(''));
    });
    expect((answer.match(/^HTTP\/1\.1 200 /gm) ?? []).length).toBe(asked);
    // A HEAD answer has no body: nothing of the file follows any head.
    expect(answer.includes(setup.subarray(0, 32).toString('latin1'))).toBe(false);
    await expect.poll(openFds, { timeout: 5_000 }).toBeLessThanOrEqual(before + 2);
    expect((await fetch(url('setup.exe'))).status).toBe(200);
  });
  // Last: it moves the service to HTTPS.
  it('over HTTPS, drops connections that never finish the handshake or never send a request after it', async () => {
    const { certificate, key } = selfSignedCertificate(temp.path);
    value(await core.client['content-service:set']({ changes: { certificate, key } }));
    const secure = await until('HTTPS', async () => value(await core.client['content-service:get']({})).listeningUrl, (at) => at?.startsWith('https://') === true, 20_000);
    const { hostname, port } = new URL(secure ?? '');
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
});
