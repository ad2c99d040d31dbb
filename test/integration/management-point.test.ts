import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { mpAuthorization, mpAuthScheme, mpPolicyResponseSchema, mpRegisterResponseSchema, type MpRegisterRequest, type MpRegisterResponse, type MpStatusMessage } from '../../core/api';
import { createOfferManager, offerManagerName } from '../../core/components/offermgr';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { openDatabase } from '../../core/db/connection';
import { value } from '../helpers/api-result';
import { untilIdle } from '../helpers/offer-state';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The management point as a client sees it: SMS_MP_CONTROL_MANAGER run by a real runner on a
// real site, answering real HTTP on the loopback, with Offer Manager making the policy.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
let base = '';
const site = () => join(temp.path, 'site');

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(method: 'GET' | 'POST', path: string, options: { body?: unknown; auth?: string; contentType?: string; raw?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.auth !== undefined) headers.authorization = options.auth;
  const text = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (text !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(new URL(path.replace(/^\//, ''), base), { method, headers, ...(text !== undefined ? { body: text } : {}) });
  const body = (await response.json()) as unknown;
  return { status: response.status, headers: response.headers, body };
}

const auth = (client: MpRegisterResponse, secret = client.secret) => mpAuthorization(client.resourceId, secret);

function registration(name: string, extra: Partial<MpRegisterRequest> = {}): MpRegisterRequest {
  return {
    name,
    domain: 'CONTOSO',
    operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 5.1',
    platform: 'I386',
    ipAddresses: ['10.1.2.3'],
    ipSubnets: ['10.1.0.0'],
    loggedOnUsers: ['CONTOSO\\ann'],
    clientVersion: '4.00.6487.2000',
    ...extra,
  };
}

async function register(name: string, extra: Partial<MpRegisterRequest> = {}, authorization?: string): Promise<MpRegisterResponse> {
  const answer = await call('POST', 'register', { body: registration(name, extra), ...(authorization !== undefined ? { auth: authorization } : {}) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return mpRegisterResponseSchema.parse(answer.body);
}

function startRunner(withOfferManager = false): void {
  runner = startComponentRunner({
    dataDir: site(),
    components: [{ name: mpControlName, thread: 'inline' }, ...(withOfferManager ? [{ name: offerManagerName, thread: 'inline' as const }] : [])],
    factories: { [mpControlName]: () => createMpControlManager({ headersTimeoutMs: 400, requestTimeoutMs: 800 }), [offerManagerName]: () => createOfferManager() },
    leaseMs: 2_000,
  });
}

async function listening(scheme = 'http'): Promise<string> {
  await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(new RegExp(`^${scheme}://127\\.0\\.0\\.1:\\d+/ccm/v1/$`));
  return value(await core.client['management-point:status']({})).url!;
}

function count(sql: string, ...params: unknown[]): number {
  const db = openDatabase(join(site(), 'courier.db'));
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
}

const clientMessages = () => count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'");

function message(uid: string, extra: Partial<MpStatusMessage> = {}): MpStatusMessage {
  return { uid, messageId: 10002, severity: 'info', time: '2026-12-03T09:30:00Z', component: 'Software Distribution', insertionStrings: ['Viewer', 'A0120000'], attributes: { 401: 'A0120000' }, ...extra };
}

beforeEach(async () => {
  temp = makeTempDir('courier-mp-');
  core = createCore({ dataDir: site() });
  value(await core.client['management-point:update']({ changes: { port: 0 } }));
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('the management point', { timeout: 60_000 }, () => {
  it('answers health without credentials and records where it listens; stopped, it says so', async () => {
    startRunner();
    base = await listening();
    const health = await call('GET', 'health');
    expect(health).toMatchObject({ status: 200, body: { siteCode: 'A01', version: expect.any(String) } });
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(value(await core.client['management-point:status']({}))).toMatchObject({ running: true, error: null, clients: { total: 0 } });
    expect((await call('GET', 'nothing-here')).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const wrongMethod = await call('POST', 'health', { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    await runner!.stop();
    runner = null;
    expect(value(await core.client['management-point:status']({}))).toMatchObject({ running: false, url: null });
  });

  it('runs in its own worker thread, as serve runs it, and answers there', async () => {
    runner = startComponentRunner({ dataDir: site(), components: [{ name: mpControlName }], leaseMs: 2_000 });
    base = await listening();
    const pc = await register('PC0100');
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: 0 });
    expect(value(await core.client['management-point:status']({})).clients.total).toBe(1);
  });

  it('registers a new client with a new secret, updates it again only with that secret, and takes it back after a reset', async () => {
    startRunner();
    base = await listening();
    const pc = await register('PC0001');
    expect(pc).toMatchObject({ approval: 'approved', siteCode: 'A01', policyPollingMinutes: 60, smsUniqueIdentifier: expect.stringMatching(/^GUID:[0-9A-F-]{36}$/) });
    const resource = value(await core.client['resources:get']({ resourceId: pc.resourceId }));
    expect(resource).toMatchObject({ name: 'PC0001', client: true, platform: 'I386', operatingSystem: 'Microsoft Windows NT Workstation 5.1', ipAddresses: ['10.1.2.3'], smsUniqueIdentifier: pc.smsUniqueIdentifier });
    // The logged-on user became a user resource.
    expect(value(await core.client['resources:list']({ resourceType: 'user' })).map((u) => u.name)).toEqual(['CONTOSO\\ann']);

    // The same identifier again without its secret: someone else's machine cannot take it over.
    const stranger = await call('POST', 'register', { body: registration('PC0001', { smsUniqueIdentifier: pc.smsUniqueIdentifier, ipAddresses: ['192.168.0.9'] }) });
    expect(stranger.status).toBe(409);
    expect(stranger.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining(`courier client reset ${pc.resourceId}`) } });
    const wrongSecret = await call('POST', 'register', { body: registration('PC0001', { smsUniqueIdentifier: pc.smsUniqueIdentifier }), auth: auth(pc, 'x'.repeat(43)) });
    expect(wrongSecret.status).toBe(409);
    // By name alone, too.
    expect((await call('POST', 'register', { body: registration('pc0001') })).status).toBe(409);
    expect(value(await core.client['resources:get']({ resourceId: pc.resourceId })).ipAddresses).toEqual(['10.1.2.3']);

    // With its secret it updates, keeps its secret and its resource.
    const again = await register('PC0001', { smsUniqueIdentifier: pc.smsUniqueIdentifier, ipAddresses: ['10.1.2.4'] }, auth(pc));
    expect(again).toMatchObject({ resourceId: pc.resourceId, secret: pc.secret, smsUniqueIdentifier: pc.smsUniqueIdentifier });
    expect(value(await core.client['resources:get']({ resourceId: pc.resourceId })).ipAddresses).toEqual(['10.1.2.4']);

    // An admin's reset: the next registration needs no secret and gets a new one; the old one is dead.
    expect(value(await core.client['mp-clients:reset']({ client: 'PC0001' }))).toMatchObject({ resourceId: pc.resourceId, secretReset: true });
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).status).toBe(401);
    const reinstalled = await register('PC0001', { smsUniqueIdentifier: pc.smsUniqueIdentifier });
    expect(reinstalled.resourceId).toBe(pc.resourceId);
    expect(reinstalled.secret).not.toBe(pc.secret);
    expect((await call('GET', 'policy/machine', { auth: auth(reinstalled) })).status).toBe(200);
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).status).toBe(401);
    expect(value(await core.client['mp-clients:list']({}))).toEqual([expect.objectContaining({ name: 'PC0001', approval: 'approved', secretReset: false, lastContactAt: expect.any(String) })]);

    // A system added by hand becomes the client that registers with its name.
    const byHand = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC0009' })).resourceId;
    const adopted = await register('PC0009', { loggedOnUsers: ['CONTOSO\\carl'] });
    expect(adopted.resourceId).toBe(byHand);
    // Its identifier with the other one's name: refused whole, not a user or a secret written.
    const clash = await call('POST', 'register', { body: registration('PC0009', { smsUniqueIdentifier: reinstalled.smsUniqueIdentifier, loggedOnUsers: ['CONTOSO\\dora'] }), auth: auth(reinstalled) });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(value(await core.client['resources:list']({ resourceType: 'user' })).map((u) => u.name)).toEqual(['CONTOSO\\ann', 'CONTOSO\\carl']);
    expect((await call('GET', 'policy/machine', { auth: auth(reinstalled) })).status).toBe(200);
  });

  it('tells every open console when it starts listening, when a client registers and when it stops, and lists the addresses clients reported', async () => {
    const seen: string[] = [];
    const off = core.on('management-point:changed', (event) => seen.push(`${event.change} ${event.resourceId ?? '-'}`));
    try {
      startRunner();
      base = await listening();
      await expect.poll(() => seen, { timeout: 10_000, interval: 50 }).toContain('status -');
      const pc = await register('PC0007', { ipAddresses: ['10.1.2.3', '192.168.5.7'] });
      await expect.poll(() => seen, { timeout: 10_000, interval: 50 }).toContain(`client ${pc.resourceId}`);
      expect(value(await core.client['mp-clients:list']({})).map((c) => [c.name, c.ipAddresses])).toEqual([['PC0007', ['10.1.2.3', '192.168.5.7']]]);
      // Its Properties: the whole registration, by resource ID or by name; an unknown client is named.
      const detail = value(await core.client['mp-clients:get']({ client: 'pc0007' }));
      expect(detail).toMatchObject({
        resourceId: pc.resourceId,
        name: 'PC0007',
        smsUniqueIdentifier: pc.smsUniqueIdentifier,
        domain: 'CONTOSO',
        operatingSystem: 'Microsoft Windows NT Workstation 5.1',
        platform: 'I386',
        ipAddresses: ['10.1.2.3', '192.168.5.7'],
        ipSubnets: ['10.1.0.0'],
        loggedOnUsers: ['CONTOSO\\ann'],
        clientVersion: '4.00.6487.2000',
        policyVersion: 0,
      });
      expect(value(await core.client['mp-clients:get']({ client: pc.resourceId }))).toEqual(detail);
      expect(await core.client['mp-clients:get']({ client: 'PC9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'client' } });
      expect(await core.client['mp-clients:get']({ client: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const before = seen.filter((e) => e === 'status -').length;
      await runner!.stop();
      runner = null;
      await expect.poll(() => seen.filter((e) => e === 'status -').length, { timeout: 10_000, interval: 50 }).toBe(before + 1);
    } finally {
      off();
    }
  });

  it('refuses unknown clients, keeps pending ones out until approved, and blocked ones until unblocked', async () => {
    startRunner();
    base = await listening();
    for (const header of [undefined, `${mpAuthScheme} 16777217:nope`, 'Bearer abc', `${mpAuthScheme} 1:${'a'.repeat(43)}`]) {
      const answer = await call('GET', 'policy/machine', header === undefined ? {} : { auth: header });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'UNKNOWN_CLIENT' } });
      expect(answer.headers.get('www-authenticate')).toBe(mpAuthScheme);
    }
    value(await core.client['management-point:update']({ changes: { approval: 'manual' } }));
    const pc = await register('PC0002');
    expect(pc.approval).toBe('pending');
    expect(value(await core.client['mp-clients:list']({ approval: 'pending' })).map((c) => c.name)).toEqual(['PC0002']);
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).body).toMatchObject({ error: { code: 'PENDING_APPROVAL' } });
    expect((await call('POST', 'status', { auth: auth(pc), body: { messages: [message('m1')] } })).status).toBe(403);
    expect(clientMessages()).toBe(0);

    value(await core.client['mp-clients:set-approval']({ client: pc.resourceId, action: 'approve' }));
    expect((await call('GET', 'policy/machine', { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: 0 });

    value(await core.client['mp-clients:set-approval']({ client: 'PC0002', action: 'block' }));
    const blocked = await call('GET', 'policy/machine', { auth: auth(pc) });
    expect(blocked).toMatchObject({ status: 403, body: { error: { code: 'BLOCKED' } } });
    const approveBlocked = await core.client['mp-clients:set-approval']({ client: 'PC0002', action: 'approve' });
    expect(approveBlocked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Unblocked under manual approval it waits again; a re-registration keeps the admin's decision.
    expect(value(await core.client['mp-clients:set-approval']({ client: 'PC0002', action: 'unblock' })).approval).toBe('pending');
    expect((await register('PC0002', { smsUniqueIdentifier: pc.smsUniqueIdentifier }, auth(pc))).approval).toBe('pending');
    expect(value(await core.client['management-point:status']({})).clients).toEqual({ total: 1, approved: 0, pending: 1, blocked: 0 });
    expect(await core.client['mp-clients:reset']({ client: 'PC9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'client' } });
  });

  it('serves machine policy since a version: nothing changed, then the advertisement once Offer Manager offered it; user policy only for a logged-on user', async () => {
    startRunner(true);
    base = await listening();
    const pc = await register('PC0003');
    expect((await call('GET', 'policy/machine?since=0', { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: 0 });

    const packageId = value(await core.client['packages:create']({ name: 'Script' })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
    const lab = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: pc.resourceId }], maintenanceWindows: [{ name: 'Nights', schedule: '00012CC0001A2000', durationMinutes: 120 }] })).collectionId;
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Fix the lab', packageId, programName: 'Install', collectionId: lab, includeSubcollections: true })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);

    const first = mpPolicyResponseSchema.parse((await call('GET', 'policy/machine?since=0', { auth: auth(pc) })).body);
    expect(first.changed).toBe(true);
    if (!first.changed) return;
    expect(first.policyVersion).toBeGreaterThan(0);
    expect(first.advertisements.map((a) => a.advertisement.advertisementId)).toEqual([ad]);
    expect(first.advertisements[0]).toMatchObject({ format: 'courier-offer-body', package: { packageId }, program: { name: 'Install' } });
    expect(first.maintenanceWindows).toEqual([expect.objectContaining({ collectionId: lab, name: 'Nights', token: '00012CC0001A2000', durationMinutes: 120 })]);
    // The body goes out byte for byte as Offer Manager stored it, inside an answer that is JSON.
    const raw = await (await fetch(new URL('policy/machine?since=0', base), { headers: { authorization: auth(pc) } })).text();
    const db = openDatabase(join(site(), 'courier.db'));
    const storedBody = db.prepare('SELECT body FROM offers WHERE advertisement_id = ?').pluck().get(ad) as string;
    db.close();
    expect(mpPolicyResponseSchema.parse(JSON.parse(raw))).toEqual(first);
    expect(raw).toContain(`"advertisements":[${storedBody}]`);
    expect((await call('GET', `policy/machine?since=${first.policyVersion}`, { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: first.policyVersion });
    // A client ahead of the site (restored from a backup) gets the whole policy again.
    expect((await call('GET', `policy/machine?since=${first.policyVersion + 10}`, { auth: auth(pc) })).body).toMatchObject({ changed: true, policyVersion: first.policyVersion });
    for (const bad of ['since=-1', 'since=abc', 'since=1&since=2', 'other=1']) {
      expect((await call('GET', `policy/machine?${bad}`, { auth: auth(pc) })).status).toBe(400);
    }

    // Content location for what it is offered; a package without source files has no DP to name.
    const located = await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId: ad, packageId, sourceVersion: 1 } });
    expect(located).toMatchObject({ status: 200, body: { action: 'doNotRun', dps: [], network: 'none' } });
    expect((await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId: 'A0129999', packageId, sourceVersion: 1 } })).status).toBe(404);
    expect((await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId: ad, packageId: 'A0199999', sourceVersion: 1 } })).body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'packageId' } });

    // User policy: ann is logged on to it, bob is not. Ann's own advertisement reaches her, not the machine.
    const annUrl = `policy/user?user=${encodeURIComponent('CONTOSO\\ann')}&since=0`;
    expect((await call('GET', annUrl, { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: 0 });
    const ann = value(await core.client['resources:list']({ resourceType: 'user' }))[0]!.resourceId;
    const people = value(await core.client['collections:create']({ name: 'People', rules: [{ kind: 'direct', resourceId: ann }] })).collectionId;
    const userAd = value(await core.client['advertisements:create']({ advertisementName: 'Fix for Ann', packageId, programName: 'Install', collectionId: people, includeSubcollections: false })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);
    const annPolicy = mpPolicyResponseSchema.parse((await call('GET', annUrl, { auth: auth(pc) })).body);
    expect(annPolicy.changed && annPolicy.advertisements.map((a) => a.advertisement.advertisementId)).toEqual([userAd]);
    expect((await call('GET', `policy/machine?since=${first.policyVersion}`, { auth: auth(pc) })).body).toEqual({ changed: false, policyVersion: first.policyVersion });
    // Content location answers for what a logged-on user is offered, too.
    expect((await call('POST', 'content-location', { auth: auth(pc), body: { advertisementId: userAd, packageId, sourceVersion: 1 } })).status).toBe(200);
    const bob = await call('GET', `policy/user?user=${encodeURIComponent('CONTOSO\\bob')}`, { auth: auth(pc) });
    expect(bob).toMatchObject({ status: 403, body: { error: { code: 'USER_NOT_LOGGED_ON', field: 'user' } } });
  });

  it('stores uploaded status messages once, however often or however concurrently they are sent, and refuses a batch with one bad message whole', async () => {
    startRunner();
    base = await listening();
    const pc = await register('PC0004');
    const batch = { messages: [message('m1'), message('m2', { severity: 'error', insertionStrings: ['Viewer', 'line one\r\nline two'] })] };
    expect((await call('POST', 'status', { auth: auth(pc), body: batch })).body).toEqual({ acknowledged: ['m1', 'm2'] });
    expect(clientMessages()).toBe(2);
    expect((await call('POST', 'status', { auth: auth(pc), body: batch })).body).toEqual({ acknowledged: ['m1', 'm2'] });
    expect(clientMessages()).toBe(2);
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => call('POST', 'status', { auth: auth(pc), body: { messages: [message('m3'), message('m3')] } })));
    for (const answer of concurrent) expect(answer.body).toEqual({ acknowledged: ['m3', 'm3'] });
    expect(clientMessages()).toBe(3);
    const stored = value(await core.client['status:messages']({ machine: 'PC0004', limit: 10 })).messages;
    expect(stored.map((m) => m.severity).sort()).toEqual(['error', 'info', 'info']);
    expect(stored.find((m) => m.severity === 'error')?.insertionStrings[1]).toBe('line one\r\nline two');
    expect(stored[0]?.attributes).toEqual({ 401: 'A0120000' });

    const refusals: [unknown, RegExp][] = [
      [{ messages: [message('m4'), message('m5', { severity: 'fatal' as never })] }, /Message 1 is refused \(severity\)/],
      [{ messages: [message('m4'), message('m5', { insertionStrings: ['a\u0000b'] })] }, /Message 1 is refused \(insertionStrings\.0\).*NUL/],
      [{ messages: [message('m4'), message('m5', { insertionStrings: Array.from({ length: 11 }, () => 'x') })] }, /Message 1 is refused/],
      [{ messages: [message('m4'), message('m5', { insertionStrings: ['x'.repeat(1025)] })] }, /at most 1024/],
      [{ messages: [message('x'.repeat(65))] }, /Message 0 is refused \(uid\)/],
      [{ messages: [message('m4', { attributes: { 400: '../../etc' } })] }, /Message 0 is refused \(attributes\.400\)/],
      [{ messages: Array.from({ length: 501 }, (_, i) => message(`n${i}`)) }, /At most 500 messages/],
      [{ messages: [] }, /at least one/],
      [{ messages: [message('m4')], extra: 1 }, /extra|Unrecognized/i],
    ];
    for (const [body, reason] of refusals) {
      const answer = await call('POST', 'status', { auth: auth(pc), body });
      expect(answer.status).toBe(400);
      expect((answer.body as { error: { message: string } }).error.message).toMatch(reason);
    }
    expect(clientMessages()).toBe(3);
    expect(count('SELECT count(*) FROM mp_status_receipts')).toBe(3);

    // Every refusal is counted by client and reason although nothing of it was stored: the
    // messages of each refused upload (all of them go unstored with the bad one), and the last words.
    const refused = value(await core.client['management-point:status']({})).refused;
    expect({ uploads: refused.uploads, messages: refused.messages }).toEqual({ uploads: 9, messages: 2 + 2 + 2 + 2 + 1 + 1 + 501 + 0 + 1 });
    const byReason = Object.fromEntries(refused.recent.map((r) => [r.reason, [r.client, r.uploads, r.messages]]));
    expect(byReason).toEqual({ severity: ['PC0004', 1, 2], insertionStrings: ['PC0004', 3, 6], uid: ['PC0004', 1, 1], attributes: ['PC0004', 1, 1], messages: ['PC0004', 3, 502] });
    expect(refused.recent.find((r) => r.reason === 'insertionStrings')?.lastDetail).toMatch(/at most 1024/);
    expect(refused.recent.every((r) => r.resourceId === pc.resourceId && !Number.isNaN(Date.parse(r.lastRefusedAt)))).toBe(true);
  });

  it('bounds bodies: declared too large, streamed too large, not JSON, not declared JSON', async () => {
    startRunner();
    base = await listening();
    const pc = await register('PC0005');
    const url = new URL('status', base);
    const huge = await fetch(url, { method: 'POST', headers: { authorization: auth(pc), 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    // Streamed with no length at all: cut off once past a MiB.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(url, { method: 'POST', headers: { authorization: auth(pc), 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((await call('POST', 'status', { auth: auth(pc), raw: '{"messages": [' })).body).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('not JSON') } });
    expect((await call('POST', 'status', { auth: auth(pc), raw: '{}', contentType: 'text/plain' })).status).toBe(415);
    // Each is a malformed upload of PC0005's, counted as one under "body"; a stranger's is not counted.
    expect((await call('POST', 'status', { body: { messages: [message('z')] } })).status).toBe(401);
    const refused = value(await core.client['management-point:status']({})).refused;
    expect(refused.recent.map((r) => [r.client, r.reason, r.uploads, r.messages])).toEqual([['PC0005', 'body', 4, 0]]);
    expect(refused.recent[0]?.lastDetail).toMatch(/Content-Type: application\/json/);
    // A stranger's body is not read at all.
    const badRegistration = await call('POST', 'register', { body: { ...registration('PC0006'), platform: 'ARM64', loggedOnUsers: ['nobody'] } });
    expect(badRegistration.status).toBe(400);
    expect(badRegistration.body).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'platform' } });
  });

  it('drops a client that sends its head or its body too slowly', async () => {
    startRunner();
    base = await listening();
    const { hostname, port } = new URL(base);
    const outcome = (lines: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname, () => socket.write(lines));
        let received = '';
        socket.on('data', (data) => (received += data.toString('latin1')));
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
      });
    // Half a head, never finished; then a head promising a body that never comes.
    const head = await outcome(`GET /ccm/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    expect(head).toMatch(/^(HTTP\/1\.1 408 |$)/);
    const body = await outcome(`POST /ccm/v1/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":`);
    expect(body).toMatch(/^(HTTP\/1\.1 408 |$)/);
    // The service still answers others.
    expect((await call('GET', 'health')).status).toBe(200);
  });

  it('keeps running when its port is taken, says why, and listens once the port is free', async () => {
    const squatter = createNetServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    value(await core.client['management-point:update']({ changes: { port: taken } }));
    startRunner();
    await expect.poll(async () => value(await core.client['management-point:status']({})).error ?? '', { timeout: 20_000, interval: 50 }).toContain('EADDRINUSE');
    expect(value(await core.client['management-point:status']({}))).toMatchObject({ running: false, url: null });
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    runner!.wake(mpControlName);
    expect(await listening()).toBe(`http://127.0.0.1:${taken}/ccm/v1/`);
    expect(value(await core.client['management-point:status']({})).error).toBeNull();
  });

  it('speaks HTTPS with a certificate and key from its settings, picked up by its wake-up', async () => {
    const cert = join(temp.path, 'mp.crt');
    const key = join(temp.path, 'mp.key');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    startRunner();
    await listening('http');
    expect(await core.client['management-point:update']({ changes: { certificateFile: cert } })).toMatchObject({ ok: false, error: { field: 'keyFile' } });
    expect(await core.client['management-point:update']({ changes: { certificateFile: key, keyFile: key } })).toMatchObject({ ok: false, error: { field: 'certificateFile', message: expect.stringContaining('not a PEM certificate') } });
    value(await core.client['management-point:update']({ changes: { certificateFile: cert, keyFile: key } }));
    const secure = await listening('https');
    const { readFileSync } = await import('node:fs');
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(new URL('health', secure), { ca: readFileSync(cert) }, (res) => {
        let body = '';
        res.on('data', (data: Buffer) => (body += data.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ siteCode: 'A01' });
    // Plain HTTP is gone from that port.
    await expect(fetch(new URL('health', secure.replace(/^https:/, 'http:')))).rejects.toThrow();
  });
});
