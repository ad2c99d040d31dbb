import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MpOfferBody } from '../../core/api/management-point';
import { BadAnswerError, UnreachableError } from './json-request';
import { ManagementPointClient, MpRefusedError } from './mp-client';

// courier-client against management points that are broken or hostile: each answer ends in a
// specific error within the client's deadline, never a hang, an unbounded read or a crash.

const servers: Server[] = [];

async function hostile(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ccm/v1/`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const json = (res: ServerResponse, body: unknown, status = 200) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
};

describe('the client against a hostile management point', { timeout: 30_000 }, () => {
  it('refuses an answer declared as 10 GB without reading it, and one streamed past 16 MiB without a length', async () => {
    let written = 0;
    const declared = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 ** 3) });
      res.write('{"siteCode":"');
    });
    const error = await failure(new ManagementPointClient(declared, { timeoutMs: 5_000 }).health());
    expect(error).toBeInstanceOf(BadAnswerError);
    expect(error.message).toMatch(/answer of 10737418240 bytes, more than the 16777216/);
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    const streamed = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const more = () => {
        while (!res.destroyed && written < 64 * chunk.length) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
      };
      res.write('{"siteCode":"');
      more();
    });
    const cut = await failure(new ManagementPointClient(streamed, { timeoutMs: 10_000 }).health());
    expect(cut).toBeInstanceOf(BadAnswerError);
    expect(cut.message).toMatch(/more than the 16777216 bytes/);
    expect(written).toBeLessThan(64 * chunk.length);
  });

  it('gives up on an answer that never ends, or never starts, at its deadline', async () => {
    const trickle = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"siteCode":"');
      const timer = setInterval(() => res.write(' '), 20);
      res.once('close', () => clearInterval(timer));
    });
    const endless = await failure(new ManagementPointClient(trickle, { timeoutMs: 400 }).health());
    expect(endless).toBeInstanceOf(UnreachableError);
    expect(endless.message).toMatch(/did not answer within/);
    const headOnly = await hostile((_req, res) => res.flushHeaders());
    expect(await failure(new ManagementPointClient(headOnly, { timeoutMs: 400 }).health())).toBeInstanceOf(UnreachableError);
  });

  it('says an answer broke off when the connection closes before its declared length, or mid-chunk', async () => {
    const short = await hostile((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"siteCode":', () => req.socket.destroy());
    });
    const cut = await failure(new ManagementPointClient(short, { timeoutMs: 5_000 }).health());
    expect(cut).toBeInstanceOf(UnreachableError);
    expect(cut.message).toMatch(/the answer broke off/);
    const chunked = await hostile((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"siteCode":', () => req.socket.destroy());
    });
    expect((await failure(new ManagementPointClient(chunked, { timeoutMs: 5_000 }).health())).message).toMatch(/the answer broke off/);
  });

  it('refuses invalid JSON, deep nesting and an answer of the wrong shape by what is wrong', async () => {
    for (const body of ['{"siteCode": "A01", ', '\u0000\u0001', `{"siteCode":${'['.repeat(200_000)}`, '[]'.repeat(10)]) {
      const mp = await hostile((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      const error = await failure(new ManagementPointClient(mp).health());
      expect(error, body.slice(0, 20)).toBeInstanceOf(BadAnswerError);
    }
    const deep = `{"changed":true,"policyVersion":1,"maintenanceWindows":[],"advertisements":${'['.repeat(500_000)}${']'.repeat(500_000)}}`;
    const nested = await hostile((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(deep));
    const error = await failure(new ManagementPointClient(nested, { credentials: { resourceId: 1, secret: 's' } }).machinePolicy(0));
    expect(error).toBeInstanceOf(BadAnswerError);
    const wrong = await hostile((_req, res) => json(res, { resourceId: -1, smsUniqueIdentifier: 'x', secret: 's', approval: 'root', siteCode: 'A01', policyPollingMinutes: 60 }));
    const shape = await failure(new ManagementPointClient(wrong).register({ name: 'PC1', operatingSystemNameAndVersion: 'x', platform: 'I386', ipAddresses: [], ipSubnets: [], loggedOnUsers: [] }));
    expect(shape).toBeInstanceOf(BadAnswerError);
    expect(shape.message).toMatch(/the registration is not what Courier sends \(resourceId: /);
  });

  it('refuses a policy of 100,000 advertisements by its size, and one of the wrong shape by the first bad one', async () => {
    const one: MpOfferBody = {
      format: 'courier-offer-body',
      formatVersion: 1,
      advertisement: {
        advertisementId: 'A0120000', name: 'Viewer', packageId: 'A0100001', programName: 'Install', presentTime: '2026-12-01T08:00', expirationTime: null,
        assignedSchedule: '', mandatory: false, mandatoryCountdownMinutes: 0, options: { fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallbackToUnprotectedDps: false },
      },
      program: { kind: 'computer', name: 'Install', commandLine: 'setup.exe /q' },
      package: { packageId: 'A0100001', name: 'Viewer', sourceVersion: 1 },
      clientAgent: { enabled: true, policyPollingMinutes: 60 },
    };
    const many = await hostile((_req, res) => json(res, { changed: true, policyVersion: 1, maintenanceWindows: [], advertisements: Array.from({ length: 100_000 }, () => one) }));
    const error = await failure(new ManagementPointClient(many, { credentials: { resourceId: 1, secret: 's' } }).machinePolicy(0));
    expect(error).toBeInstanceOf(BadAnswerError);
    expect(error.message).toMatch(/more than the 16777216/);
    const bad = await hostile((_req, res) => json(res, { changed: true, policyVersion: 1, maintenanceWindows: [], advertisements: [one, one, { ...one, format: 'evil' }] }));
    const shape = await failure(new ManagementPointClient(bad, { credentials: { resourceId: 1, secret: 's' } }).machinePolicy(0));
    expect(shape.message).toMatch(/\(advertisements\.2\.format: /);
  });

  it('does not follow a redirect: it says where the answer pointed and that the URL should be set to a management point', async () => {
    let followed = false;
    const elsewhere = await hostile((_req, res) => {
      followed = true;
      json(res, { siteCode: 'EVL', version: '1' });
    });
    const redirecting = await hostile((_req, res) => res.writeHead(302, { location: elsewhere }).end());
    const error = await failure(new ManagementPointClient(redirecting).health());
    expect(error).toBeInstanceOf(BadAnswerError);
    expect(error.message).toMatch(/redirect \(HTTP 302\) to http:\/\/127\.0\.0\.1:\d+\/ccm\/v1\/, which the client does not follow/);
    expect(followed).toBe(false);
  });

  it('takes a busy management point (503) as one to try again later, not as a refusal', async () => {
    const mp = await hostile((_req, res) => {
      res.setHeader('retry-after', '5');
      json(res, { error: { code: 'BUSY', message: 'busy' } }, 503);
    });
    const error = await failure(new ManagementPointClient(mp).register({ name: 'PC1', operatingSystemNameAndVersion: 'x', platform: 'I386', ipAddresses: [], ipSubnets: [], loggedOnUsers: [] }));
    expect(error).toBeInstanceOf(UnreachableError);
    expect(error.message).toMatch(/busy and could not take the registration now; try again later/);
  });

  it('shows a refusal\'s message without control characters and cut to a readable length', async () => {
    const mp = await hostile((_req, res) => json(res, { error: { code: 'BLOCKED\u001b[2J', message: `Blocked\u001b[31m red\r\nForged: line\u0000${'x'.repeat(100_000)}` } }, 403));
    const error = await failure(new ManagementPointClient(mp, { credentials: { resourceId: 1, secret: 's' } }).machinePolicy(0));
    expect(error).toBeInstanceOf(MpRefusedError);
    // eslint-disable-next-line no-control-regex
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(error.message.length).toBeLessThan(1_200);
    expect(error.message).toMatch(/^The management point refused the machine policy request: Blocked.*red.*Forged: line/);
    expect((error as MpRefusedError).code).toBe('HTTP_403');
  });
});
