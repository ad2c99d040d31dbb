import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../..';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type SqliteDatabase } from '../connection';
import { MpClientRepository, resetSecretHash } from './mp-client-repository';

let data: TempDir;
let core: Core;
let db: SqliteDatabase;
let clients: MpClientRepository;
let pc1: number;

beforeEach(async () => {
  data = makeTempDir('courier-mp-clients-');
  const dataDir = join(data.path, 'site');
  core = createCore({ dataDir });
  pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC01' })).resourceId;
  db = openDatabase(join(dataDir, 'courier.db'));
  clients = new MpClientRepository(db);
});
afterEach(() => {
  db.close();
  core.close();
  data.remove();
});

describe('management point clients, in SQL', () => {
  it('keeps a client once, with its approval, and claims each uploaded message ID once', () => {
    clients.insert({ resourceId: pc1, secretHash: 'a'.repeat(64), approval: 'pending', registeredAt: '2026-12-02T21:00:00.000Z' });
    expect(() => clients.insert({ resourceId: pc1, secretHash: 'b'.repeat(64), approval: 'pending', registeredAt: '2026-12-02T21:00:00.000Z' })).toThrow(/UNIQUE|PRIMARY/);
    expect(clients.setApproval(pc1, 'approved')).toBe(true);
    expect(clients.get(pc1)?.approval).toBe('approved');
    expect(() => clients.setApproval(pc1, 'unknown' as never)).toThrow(/CHECK/);
    expect(clients.claimMessage(pc1, 'msg-1')).toBe(true);
    expect(clients.claimMessage(pc1, 'msg-1')).toBe(false);
    expect(clients.claimMessage(pc1, 'msg-2')).toBe(true);
    expect(() => clients.insert({ resourceId: pc1 + 1000, secretHash: 'c'.repeat(64), approval: 'pending', registeredAt: 'x' })).toThrow(/FOREIGN KEY/);
  });

  it('writes a last contact at most once per interval, keeps logged-on users in any case, and a reset hash no secret matches', async () => {
    const { secretMatches } = await import('../../services/management-point/client-secret');
    clients.insert({ resourceId: pc1, secretHash: 'a'.repeat(64), approval: 'approved', registeredAt: '2026-12-02T21:00:00.000Z' });
    expect(clients.touch(pc1, '2026-12-03T10:00:00.000Z', '2026-12-03T09:59:00.000Z')).toBe(true);
    expect(clients.touch(pc1, '2026-12-03T10:00:30.000Z', '2026-12-03T09:59:30.000Z')).toBe(false);
    expect(clients.touch(pc1, '2026-12-03T10:01:01.000Z', '2026-12-03T10:00:01.000Z')).toBe(true);
    expect(clients.row(pc1)).toMatchObject({ name: 'PC01', lastContactAt: '2026-12-03T10:01:01.000Z' });
    clients.setLoggedOnUsers(pc1, ['CONTOSO\\ann', 'contoso\\ANN', 'CONTOSO\\bob']);
    expect(clients.loggedOnUsers(pc1)).toEqual(['CONTOSO\\ann', 'CONTOSO\\bob']);
    expect(clients.hasLoggedOnUser(pc1, 'Contoso\\Bob')).toBe(true);
    clients.setLoggedOnUsers(pc1, []);
    expect(clients.hasLoggedOnUser(pc1, 'CONTOSO\\bob')).toBe(false);
    clients.replaceSecret(pc1, resetSecretHash);
    expect(secretMatches('', resetSecretHash)).toBe(false);
    expect(secretMatches('-'.repeat(64), resetSecretHash)).toBe(false);
    expect(clients.counts()).toEqual({ approved: 1, pending: 0, blocked: 0 });
    expect(clients.list('pending')).toEqual([]);
    expect(clients.list().map((c) => c.resourceId)).toEqual([pc1]);
  });
});
