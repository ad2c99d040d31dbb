import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError, ipv4Value } from '../../api';
import { openDatabase, type SqliteDatabase } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { migrate } from '../../db/migrator';
import { DistributionPointRepository } from '../../db/repositories/distribution-point-repository';
import { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import { locateContent, type ContentRequest } from './locate-content';
import { addSiteBoundary } from './site-boundaries';

let dir: string;
let db: SqliteDatabase;
let repo: SiteBoundaryRepository;
const stamp = '2026-12-02T08:00:00.000Z';

function dp(name: string, options: { protected?: boolean; bits?: boolean; version?: number; state?: string }): number {
  const dps = new DistributionPointRepository(db);
  const siteSystemId = dps.siteSystemFor({ serverName: name, netbiosName: name, siteCode: 'A01' }, stamp);
  const id = dps.insert({
    name, siteSystemId, serverName: name, mode: 'server', kind: 'standard', serverShare: null, shareReserveMb: null,
    nalPath: `\\\\${name}\\`, bitsEnabled: options.bits ?? false, protected: options.protected ?? false, shareProvider: 'local',
    sambaConf: null, createdAt: stamp, lastModified: stamp,
  });
  db.prepare(`INSERT INTO package_dps (package_id, dp_id, state, target_version, volume_letter, share_name, folder, source_version, created_at, last_modified)
              VALUES ('A0100001', ?, ?, 2, 'D', 'SMSPKGD$', 'A0100001', ?, ?, ?)`).run(id, options.state ?? 'installed', options.version ?? 2, stamp, stamp);
  return id;
}

function siteBoundary(low: string, high: string, connection: 'fast' | 'slow'): void {
  repo.insert({ kind: 'ipRange', value: `${low}-${high}`, description: '', connection, ipLow: ipv4Value(low), ipHigh: ipv4Value(high), createdAt: stamp });
}

const ask = (over: Partial<ContentRequest>): ReturnType<typeof locateContent> => locateContent(repo, {
  addresses: ['10.1.0.5'], adSite: null, packageId: 'A0100001', sourceVersion: 2, fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallback: false, ...over,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-locate-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
  repo = new SiteBoundaryRepository(db);
  siteBoundary('10.1.0.0', '10.1.255.255', 'fast');
  siteBoundary('10.9.0.0', '10.9.255.255', 'slow');
  const prot = dp('DPPROT', { protected: true, bits: true });
  db.prepare("INSERT INTO dp_boundaries (dp_id, position, kind, value) VALUES (?, 0, 'ipSubnet', '10.1.0.0/24'), (?, 1, 'adSite', 'Branch')").run(prot, prot);
  dp('DPOPEN', {});
  dp('DPOLD', { version: 1 });
  dp('DPPEND', { state: 'installPending' });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('content location', () => {
  it('puts the protected DP holding the client first, then unprotected ones, only at the needed version', () => {
    const answer = ask({});
    expect(answer.network).toBe('fast');
    expect(answer.dps.map((d) => [d.name, d.via])).toEqual([['DPPROT', 'protected'], ['DPOPEN', 'siteBoundary']]);
    expect(answer.dps[0]?.uncPath).toBe('\\\\DPPROT\\SMSPKGD$\\A0100001');
    expect(answer.dps[0]?.httpUrl).toBe('http://DPPROT/SMS_DP_SMSPKGD$/A0100001/');
    expect(answer.dps[1]?.httpUrl).toBeNull();
  });

  it('leaves out a protected DP whose boundaries do not hold the client', () => {
    expect(ask({ addresses: ['10.1.7.1'] }).dps.map((d) => d.name)).toEqual(['DPOPEN']);
  });

  it('offers nothing outside every site boundary unless fallback is allowed, and says which', () => {
    const none = ask({ addresses: ['192.168.0.1'] });
    expect(none.network).toBe('none');
    expect(none.dps).toEqual([]);
    expect(none.reason).toMatch(/fallback is not allowed/);
    const fallback = ask({ addresses: ['192.168.0.1'], allowFallback: true });
    expect(fallback.dps.map((d) => [d.name, d.via])).toEqual([['DPOPEN', 'fallback']]);
    // A protected DP's AD site boundary still holds a client outside the site boundaries.
    expect(ask({ addresses: ['192.168.0.1'], adSite: 'branch' }).dps.map((d) => d.name)).toEqual(['DPPROT']);
  });

  it('on a slow boundary follows the slow-network option', () => {
    const refused = ask({ addresses: ['10.9.0.1'] });
    expect([refused.network, refused.action, refused.dps.length]).toEqual(['slow', 'doNotRun', 0]);
    const run = ask({ addresses: ['10.9.0.1'], slowNetwork: 'runFromDp' });
    expect([run.action, run.dps.map((d) => d.name)]).toEqual(['runFromDp', ['DPOPEN']]);
  });

  it('says when no DP holds the version yet, and refuses an address that is not one', () => {
    expect(ask({ sourceVersion: 3 }).reason).toMatch(/No distribution point holds version 3/);
    expect(() => ask({ addresses: ['10.1.0.300'] })).toThrow(/not an IPv4 address/);
  });

  it('adds a subnet site boundary that then holds its clients, and refuses a bad or repeated one', () => {
    expect(ask({ addresses: ['172.16.3.4'] }).network).toBe('none');
    addSiteBoundary(repo, { kind: 'ipSubnet', value: '172.16.0.0/16', description: 'HQ', connection: 'slow' }, new Date(stamp));
    expect(ask({ addresses: ['172.16.3.4'] }).network).toBe('slow');
    expect(ask({ addresses: ['172.17.0.1'] }).network).toBe('none');
    const boundaries = repo.list().length;
    // The contract's error, naming the field, so IPC, HTTP and the CLI say what is wrong rather than "internal".
    const refusal = (input: Partial<Parameters<typeof addSiteBoundary>[1]>) => {
      try {
        addSiteBoundary(repo, { kind: 'ipSubnet', value: '172.16.0.0/16', description: '', connection: 'fast', ...input }, new Date(stamp));
      } catch (error) {
        return error instanceof CourierError ? { code: error.code, field: error.field, message: error.message } : error;
      }
      return 'added';
    };
    expect(refusal({})).toEqual({ code: 'CONFLICT', field: 'value', message: expect.stringMatching(/already has the boundary 172\.16\.0\.0\/16 \(ID \d+\)/) });
    expect(refusal({ value: '172.16.1.0/16' })).toEqual({ code: 'VALIDATION_FAILED', field: 'value', message: expect.stringMatching(/host bits/) });
    expect(refusal({ value: '10.0.0.0/8', description: 'x'.repeat(256) })).toEqual({ code: 'VALIDATION_FAILED', field: 'description', message: expect.stringMatching(/at most 255/) });
    expect(repo.list()).toHaveLength(boundaries);
  });
});
