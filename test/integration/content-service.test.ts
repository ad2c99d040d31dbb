import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { contentServiceName, createContentService } from '../../core/components/dpcontent';
import { openDatabase } from '../../core/db/connection';
import { ContentServiceRepository } from '../../core/db/repositories/content-service-repository';
import { SiteBoundaryRepository } from '../../core/db/repositories/site-boundary-repository';
import { contentBaseUrl } from '../../core/services/content-location/content-url';
import { locateContent } from '../../core/services/content-location/locate-content';
import { value } from '../helpers/api-result';
import { selfSignedCertificate } from '../helpers/self-signed';
import { writeTree } from '../helpers/content-tree';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let temp: TempDir;
let core: Core;
let distmgr: ComponentRunner;
let service: ComponentRunner;
let base: string;
let packageId: string;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const volume = (name: string) => join(temp.path, 'volumes', name);
const copyOn = (dp: string, id: string) => join(volume(dp), 'SMSPKGD$', id);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const big = randomBytes(16 * 1024 * 1024);
const setup = randomBytes(300_000);
const files: Record<string, Uint8Array | string> = {
  'setup.exe': setup,
  'Data/Big.cab': big,
  'Data/Sub Folder/read me.txt': 'read me',
  'empty.txt': '',
};

/** expect.poll works only inside a test; the set-up waits with this. */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (done(got)) return got;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(got)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function installed(id: string, dps: number): Promise<void> {
  await until(`${id} installed on ${dps} DPs`, async () => value(await core.client['packages:status']({ packageId: id })), (status) =>
    status.distributionPoints.length === dps && status.distributionPoints.every((row) => row.state === 'installed' && row.sourceVersion === status.sourceVersion));
}

const url = (path: string) => `${base}/SMS_DP_SMSPKGD$/${packageId}/${path}`;

/** A request sent as the bytes given, so nothing between the test and the server tidies the path. */
function raw(target: string, headers = ''): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n${headers}\r\n`);
  });
}
function httpsGet(address: string, ca: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(address, { ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

beforeAll(async () => {
  temp = makeTempDir('courier-dpcontent-');
  core = createCore({ dataDir: site() });
  writeTree(source(), files);
  for (const name of ['dp01', 'dp02']) mkdirSync(volume(name), { recursive: true });
  value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volume('dp01') }], bitsEnabled: true }));
  value(await core.client['distribution-points:create']({ name: 'DP02', volumes: [{ letter: 'D', path: volume('dp02') }] }));
  packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source() })).packageId;
  value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
  distmgr = startInlineDistributionManager(site(), () => new Date());
  await installed(packageId, 1);
  service = startComponentRunner({
    dataDir: site(),
    components: [{ name: contentServiceName, thread: 'inline', pollMs: 100 }],
    factories: { [contentServiceName]: () => createContentService({ idleTimeoutMs: 1_500 }) },
    leaseMs: 2_000,
  });
  const listening = await until('the content service to listen', async () => value(await core.client['content-service:get']({})).listeningUrl, (url) => url !== null);
  expect(listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  base = listening ?? '';
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await distmgr?.stop();
  core?.close();
  temp?.remove();
});

describe('the content service', { timeout: 60_000 }, () => {
  it('serves the installed manifest at the package folder, GET and HEAD, with its ETag', async () => {
    const manifest = readFileSync(join(volume('dp01'), 'SMSPKGD$', `${packageId}.manifest`));
    const answer = await fetch(url(''));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Buffer.from(await answer.arrayBuffer()).equals(manifest)).toBe(true);
    const etag = answer.headers.get('etag');
    expect(etag).toBe(`"${sha256(manifest)}"`);
    const head = await fetch(url(''), { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, String(manifest.length), '']);
    expect((await fetch(url(''), { headers: { 'If-None-Match': etag ?? '' } })).status).toBe(304);
  });

  it('serves a listed file whole, with its SHA-256 as ETag, length, date and ranges offered, names matched whatever their case', async () => {
    const answer = await fetch(url('setup.exe'));
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(setup)).toBe(true);
    expect(answer.headers.get('etag')).toBe(`"${sha256(setup)}"`);
    expect(answer.headers.get('content-length')).toBe(String(setup.length));
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    expect(new Date(answer.headers.get('last-modified') ?? '').getTime()).toBe(Math.floor(statSync(join(source(), 'setup.exe')).mtimeMs / 1000) * 1000);
    const other = await fetch(url('DATA/sub%20folder/READ%20ME.TXT'));
    expect([other.status, await other.text()]).toEqual([200, 'read me']);
    const empty = await fetch(url('empty.txt'));
    expect([empty.status, empty.headers.get('content-length'), await empty.text()]).toEqual([200, '0', '']);
    const head = await fetch(url('Data/Big.cab'), { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.headers.get('etag'), await head.text()]).toEqual([200, String(big.length), `"${sha256(big)}"`, '']);
  });

  it('answers one range with 206 and Content-Range, several with the whole file, and a range past the end with 416', async () => {
    const part = async (range: string, ifRange?: string) => {
      const answer = await fetch(url('setup.exe'), { headers: { Range: range, ...(ifRange !== undefined && { 'If-Range': ifRange }) } });
      return { status: answer.status, range: answer.headers.get('content-range'), body: Buffer.from(await answer.arrayBuffer()) };
    };
    const first = await part('bytes=0-99');
    expect([first.status, first.range, first.body.equals(setup.subarray(0, 100))]).toEqual([206, 'bytes 0-99/300000', true]);
    const suffix = await part('bytes=-100');
    expect([suffix.status, suffix.range, suffix.body.equals(setup.subarray(299_900))]).toEqual([206, 'bytes 299900-299999/300000', true]);
    const open = await part('bytes=299990-');
    expect([open.status, open.range, open.body.equals(setup.subarray(299_990))]).toEqual([206, 'bytes 299990-299999/300000', true]);
    const clamped = await part('bytes=299000-999999');
    expect([clamped.status, clamped.range, clamped.body.length]).toEqual([206, 'bytes 299000-299999/300000', 1000]);
    const past = await part('bytes=300000-');
    expect([past.status, past.range]).toEqual([416, 'bytes */300000']);
    const several = await part('bytes=0-1,5-6');
    expect([several.status, several.body.equals(setup)]).toEqual([200, true]);
    const inBig = await fetch(url('Data/Big.cab'), { headers: { Range: 'bytes=8388608-9437183' } });
    expect(inBig.status).toBe(206);
    expect(Buffer.from(await inBig.arrayBuffer()).equals(big.subarray(8_388_608, 9_437_184))).toBe(true);
  });

  it('honours If-Range only while the file is the one the client has', async () => {
    const whole = await fetch(url('setup.exe'), { method: 'HEAD' });
    const etag = whole.headers.get('etag') ?? '';
    const date = whole.headers.get('last-modified') ?? '';
    const ask = async (ifRange: string) => (await fetch(url('setup.exe'), { headers: { Range: 'bytes=0-9', 'If-Range': ifRange } })).status;
    expect(await ask(etag)).toBe(206);
    expect(await ask(date)).toBe(206);
    expect(await ask(`"${'0'.repeat(64)}"`)).toBe(200);
    expect(await ask(`W/${etag}`)).toBe(200);
    expect(await ask('Mon, 01 Jan 2001 00:00:00 GMT')).toBe(200);
  });

  it('serves nothing the manifest does not list: other files, other manifests, the work folder', async () => {
    writeFileSync(join(copyOn('dp01', packageId), 'extra.txt'), 'not in the manifest');
    mkdirSync(join(volume('dp01'), 'SMSPKGD$', `.courier-${packageId}`, 'staging-2-abc'), { recursive: true });
    writeFileSync(join(volume('dp01'), 'SMSPKGD$', `.courier-${packageId}`, 'staging-2-abc', 'setup.exe'), 'half copied');
    const statuses = await Promise.all(
      [
        url('extra.txt'),
        url('nothere.exe'),
        url('Data/'),
        url('Data'),
        `${base}/SMS_DP_SMSPKGD$/.courier-${packageId}/staging-2-abc/setup.exe`,
        `${base}/SMS_DP_SMSPKGD$/${packageId}.manifest`,
        `${base}/SMS_DP_SMSPKGE$/${packageId}/setup.exe`,
        `${base}/SMSPKGD$/${packageId}/setup.exe`,
      ].map(async (address) => (await fetch(address)).status),
    );
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect((await fetch(url('setup.exe'), { method: 'POST' })).status).toBe(405);
  });

  it('refuses traversal and encodings that could leave the package with 400, before any lookup', async () => {
    const targets = [
      `/SMS_DP_SMSPKGD$/${packageId}/../${packageId}.manifest`,
      `/SMS_DP_SMSPKGD$/${packageId}/%2e%2e/.courier-${packageId}/staging-2-abc/setup.exe`,
      `/SMS_DP_SMSPKGD$/${packageId}/Data%2f..%2f..%2f${packageId}.manifest`,
      `/SMS_DP_SMSPKGD$/${packageId}/Data%5cBig.cab`,
      `/SMS_DP_SMSPKGD$/${packageId}/Data\\Big.cab`,
      `/SMS_DP_SMSPKGD$/${packageId}/setup.exe%00.txt`,
      `/SMS_DP_SMSPKGD$/${packageId}/setup%0d%0aX-Injected:%201`,
      `/SMS_DP_SMSPKGD$/${packageId}/%c0%ae%c0%ae/x`,
      `/SMS_DP_SMSPKGD$/${packageId}//setup.exe`,
    ];
    for (const target of targets) {
      const answer = await raw(target);
      expect([target, statusOf(answer)]).toEqual([target, 400]);
      expect(answer.split('\r\n\r\n')[0]).not.toMatch(/^X-Injected/im);
    }
    // %252e%252e is the name "%2e%2e", looked up (and not found) as it is.
    expect(statusOf(await raw(`/SMS_DP_SMSPKGD$/${packageId}/%252e%252e/setup.exe`))).toBe(404);
  });

  it('serves a DP only while it is BITS-enabled', async () => {
    const other = join(temp.path, 'other');
    writeTree(other, { 'only.txt': 'on DP02' });
    const second = value(await core.client['packages:create']({ name: 'Other', containsSourceFiles: true, sourceDirectory: other })).packageId;
    value(await core.client['packages:distribute']({ packageId: second, distributionPoints: ['DP02'], groups: [] }));
    await installed(second, 1);
    const address = `${base}/SMS_DP_SMSPKGD$/${second}/only.txt`;
    expect((await fetch(address)).status).toBe(404);
    value(await core.client['distribution-points:update']({ name: 'DP02', changes: { bitsEnabled: true } }));
    await expect.poll(async () => (await fetch(address)).status, { timeout: 20_000, interval: 100 }).toBe(200);
    value(await core.client['distribution-points:update']({ name: 'DP02', changes: { bitsEnabled: false } }));
    await expect.poll(async () => (await fetch(address)).status, { timeout: 20_000, interval: 100 }).toBe(404);
  });

  it('serves many clients at once, and a client that stops reading neither blocks them nor holds its connection for ever', async () => {
    const { hostname, port } = new URL(base);
    const stalled: Socket = connect({ host: hostname, port: Number(port) });
    let received = 0;
    let closed = false;
    let stalling = true;
    stalled.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (stalling) stalled.pause();
    });
    stalled.on('close', () => (closed = true));
    stalled.on('error', () => undefined);
    // Six requests pipelined: more than the socket buffers of both ends hold (up to 32 MiB on loopback here), so the server really waits on this client.
    const asked = 6;
    stalled.write(`GET /SMS_DP_SMSPKGD$/${packageId}/Data/Big.cab HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`.repeat(asked));
    await expect.poll(() => received, { timeout: 10_000 }).toBeGreaterThan(0);
    const answers = await Promise.all(
      Array.from({ length: 32 }, async (_, i) => {
        const answer = await fetch(url(i % 2 === 0 ? 'Data/Big.cab' : 'setup.exe'));
        return sha256(Buffer.from(await answer.arrayBuffer()));
      }),
    );
    expect(new Set(answers)).toEqual(new Set([sha256(big), sha256(setup)]));
    // The stalled client sends and takes nothing: once its idle time (1.5 s here) has passed, the
    // server has closed it and its file with it. A paused socket notices only when it reads again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stalling = false;
    stalled.resume();
    await expect.poll(() => closed, { timeout: 20_000, interval: 100 }).toBe(true);
    expect(received).toBeLessThan(asked * big.length);
  });

  it('ends a download short, never with other bytes, when the file is cut under it', async () => {
    const { hostname, port } = new URL(base);
    const socket: Socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    let holding = true;
    let ended = false;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (holding) socket.pause();
    });
    socket.on('close', () => (ended = true));
    socket.on('error', () => undefined);
    // As above: more than the socket buffers hold, so the server is mid-file when the file is cut.
    const asked = 6;
    socket.write(`GET /SMS_DP_SMSPKGD$/${packageId}/Data/Big.cab HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`.repeat(asked));
    await expect.poll(() => chunks.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cab = join(copyOn('dp01', packageId), 'Data', 'Big.cab');
    const { mtime } = statSync(cab);
    truncateSync(cab, 1024 * 1024);
    holding = false;
    socket.resume();
    await expect.poll(() => ended, { timeout: 30_000, interval: 100 }).toBe(true);
    // Every answer's body is the start of the file the manifest lists; the last one stops short.
    const stream = Buffer.concat(chunks);
    let at = 0;
    let whole = 0;
    let short = 0;
    while (at < stream.length) {
      const headEnd = stream.indexOf('\r\n\r\n', at);
      expect(headEnd).toBeGreaterThan(at);
      const head = stream.subarray(at, headEnd).toString('latin1');
      expect(head).toMatch(/^HTTP\/1\.1 200 /);
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
      const body = stream.subarray(headEnd + 4, headEnd + 4 + length);
      expect(body.equals(big.subarray(0, body.length))).toBe(true);
      if (body.length === length) whole++;
      else short++;
      at = headEnd + 4 + body.length;
    }
    expect([whole < asked, short]).toEqual([true, 1]);
    writeFileSync(cab, big);
    utimesSync(cab, mtime, mtime);
  });

  it('answers 503 with Retry-After for a file that is not the manifest\'s version, never its bytes', async () => {
    const cab = join(copyOn('dp01', packageId), 'Data', 'Big.cab');
    const { mtime } = statSync(cab);
    appendFileSync(cab, 'more');
    const longer = await fetch(url('Data/Big.cab'));
    expect([longer.status, longer.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await longer.text()).toMatch(/being updated/);
    // The same size with another modification time is another file too.
    writeFileSync(cab, randomBytes(big.length));
    expect((await fetch(url('Data/Big.cab'), { headers: { Range: 'bytes=0-99' } })).status).toBe(503);
    // Put back as the manifest has it: served again.
    writeFileSync(cab, big);
    utimesSync(cab, mtime, mtime);
    const back = await fetch(url('Data/Big.cab'));
    expect(back.status).toBe(200);
    expect(sha256(Buffer.from(await back.arrayBuffer()))).toBe(sha256(big));
  });

  it('serves the new version once Distribution Manager has put it in place', async () => {
    const before = (await fetch(url(''))).headers.get('etag');
    const changed = Buffer.from('version 2');
    writeFileSync(join(source(), 'setup.exe'), changed);
    value(await core.client['packages:update-dps']({ packageId }));
    await installed(packageId, 1);
    const manifest = await fetch(url(''));
    expect(manifest.headers.get('etag')).not.toBe(before);
    const answer = await fetch(url('setup.exe'));
    expect([answer.status, answer.headers.get('etag'), await answer.text()]).toEqual([200, `"${sha256(changed)}"`, 'version 2']);
  });

  it('says in its log when it cannot take the port it is given, and listens again once given one it can', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const log = join(site(), 'SMS', 'Logs', 'dpcontent.log');
    try {
      value(await core.client['content-service:set']({ changes: { port } }));
      await expect.poll(() => readFileSync(log, 'utf8'), { timeout: 20_000, interval: 100 }).toContain(`Cannot listen at 127.0.0.1 port ${port}`);
      expect(value(await core.client['content-service:get']({})).listeningUrl).toBeNull();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    value(await core.client['content-service:set']({ changes: { port: 0 } }));
    // Freed, the port may be taken at a poll before port 0 is read: wait for a port other than it.
    base = (await until('listening again', async () => value(await core.client['content-service:get']({})).listeningUrl, (at) => at !== null && !at.endsWith(`:${port}`), 20_000)) ?? '';
    expect((await fetch(url('setup.exe'))).status).toBe(200);
  });

  it('moves to HTTPS when given a certificate, and content location gives a URL a client here really fetches', async () => {
    const { certificate, key } = selfSignedCertificate(temp.path);
    value(await core.client['content-service:set']({ changes: { certificate, key } }));
    const secure = await until('HTTPS', async () => value(await core.client['content-service:get']({})).listeningUrl, (at) => at?.startsWith('https://') === true, 20_000);
    const db = openDatabase(join(site(), 'courier.db'));
    try {
      const settings = new ContentServiceRepository(db);
      const ask = () => locateContent(new SiteBoundaryRepository(db), {
        addresses: ['10.1.0.5'], adSite: null, packageId, sourceVersion: 2, fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallback: true,
      }, contentBaseUrl(settings.settings(), settings.listening()));
      const port = new URL(secure ?? '').port;
      expect(ask().dps.map((dp) => dp.httpUrl)).toEqual([`https://DP01:${port}/SMS_DP_SMSPKGD$/${packageId}/`]);
      value(await core.client['content-service:set']({ changes: { clientUrl: `https://127.0.0.1:${port}` } }));
      const located = ask().dps[0]?.httpUrl ?? '';
      expect(located).toBe(`https://127.0.0.1:${port}/SMS_DP_SMSPKGD$/${packageId}/`);
      const answer = await httpsGet(`${located}setup.exe`, readFileSync(certificate));
      expect([answer.status, answer.body.toString()]).toEqual([200, 'version 2']);
    } finally {
      db.close();
    }
    value(await core.client['content-service:set']({ changes: { certificate: null, key: null, clientUrl: null } }));
    base = (await until('HTTP again', async () => value(await core.client['content-service:get']({})).listeningUrl, (at) => at?.startsWith('http://') === true, 20_000)) ?? '';
    expect((await fetch(url('setup.exe'))).status).toBe(200);
  });

  it('stops answering when the component stops, and says so in the settings', async () => {
    expect(readFileSync(join(site(), 'SMS', 'Logs', 'dpcontent.log'), 'utf8')).toContain(`Serving the content of BITS-enabled distribution points at ${base}`);
    // Every open console hears it, so Site Systems shows the service stopped without F5.
    const heard: string[] = [];
    const off = core.on('components:settings-changed', (event) => heard.push(event.component));
    await service.stop();
    expect(value(await core.client['content-service:get']({})).listeningUrl).toBeNull();
    await expect.poll(() => heard, { timeout: 5_000, interval: 50 }).toContain('dpcontent');
    off();
    await expect(fetch(url(''))).rejects.toThrow();
  });
});
