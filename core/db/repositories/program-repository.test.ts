import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computerProgramDefaults, deviceProgramDefaults } from '../../api';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { AccessAccountRepository } from './access-account-repository';
import { ProgramRepository, type ProgramWrite } from './program-repository';

/** The database's own guards, under the services: what a bug in a service would run into. */
let dir: string;
let db: SqliteDatabase;
let programs: ProgramRepository;
const stamp = '2026-11-26T09:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-program-repo-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
  const pkg = db.prepare(
    `INSERT INTO packages (package_id, name, contains_source_files, source_option, persist_in_client_cache, binary_differential_replication,
       data_access, disconnect_users, user_grace_period, disconnect_retries, sending_priority, branch_content,
       available_on_protected_on_request, mif_matching, source_date, created_at, last_modified)
     VALUES (?, ?, 0, 'direct', 0, 0, 'commonShare', 0, 5, 2, 'medium', 'downloadAutomatically', 0, 'packageProperties', ?, ?, ?)`,
  );
  pkg.run('A0100001', 'One', stamp, stamp, stamp);
  pkg.run('A0100002', 'Two', stamp, stamp, stamp);
  programs = new ProgramRepository(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

type ComputerWrite = Extract<ProgramWrite, { kind: 'computer' }>;

function computer(packageId: string, name: string, dependentProgramId: number | null = null): ComputerWrite {
  return { kind: 'computer', packageId, ...computerProgramDefaults, name, commandLine: 'setup.exe', dependentProgramId, createdAt: stamp, lastModified: stamp };
}

describe('programs table', () => {
  it('round-trips both kinds, with the program to run first read by id', () => {
    const sp = programs.insert(computer('A0100002', 'SP1'));
    const id = programs.insert({ ...computer('A0100001', 'Install', sp), anyPlatform: false, platforms: ['win7-x64'], driveMode: 'specificDriveLetter', driveLetter: 'K' });
    const device = programs.insert({ kind: 'device', packageId: 'A0100001', ...deviceProgramDefaults, name: 'Mobile', commandLine: 'a.cab', createdAt: stamp, lastModified: stamp });
    expect(programs.getById(id)).toMatchObject({ kind: 'computer', platforms: ['win7-x64'], driveLetter: 'K', dependentProgramId: sp, runFirst: { packageId: 'A0100002', programName: 'SP1' } });
    expect(programs.getById(device)).toEqual({ id: device, kind: 'device', packageId: 'A0100001', ...deviceProgramDefaults, name: 'Mobile', commandLine: 'a.cab', createdAt: stamp, lastModified: stamp });
    expect(programs.get('A0100001', 'INSTALL')?.id).toBe(id);
    expect(programs.dependentsOf(sp).map((p) => p.name)).toEqual(['Install']);
    expect(programs.dependentsFromOtherPackages('A0100002').map((p) => [p.packageId, p.name, p.targetName])).toEqual([['A0100001', 'Install', 'SP1']]);
  });

  it('refuses a second program of the same name in a package, whatever its case', () => {
    programs.insert(computer('A0100001', 'Install'));
    expect(() => programs.insert(computer('A0100001', 'INSTALL'))).toThrow(/UNIQUE/);
    expect(() => programs.insert(computer('A0100002', 'Install'))).not.toThrow();
  });

  it('keeps the two kinds apart and the values in range', () => {
    const raw = (sql: string) => () => db.exec(sql);
    const id = programs.insert(computer('A0100001', 'Install'));
    expect(raw(`UPDATE programs SET download_folder = '\\Temp\\' WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET run = NULL WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET run = 'fullscreen' WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET maximum_run_time = 721 WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET platforms = 'win7' WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET drive_letter = '1' WHERE id = ${id}`)).toThrow(/CHECK/);
    expect(raw(`UPDATE programs SET dependent_program_id = id WHERE id = ${id}`)).toThrow(/CHECK/);
    const device = programs.insert({ kind: 'device', packageId: 'A0100001', ...deviceProgramDefaults, name: 'Mobile', commandLine: 'a.cab', createdAt: stamp, lastModified: stamp });
    expect(raw(`UPDATE programs SET dependent_program_id = ${id} WHERE id = ${device}`)).toThrow(/CHECK/);
  });

  it('refuses to delete a program another one runs first; a package goes with all its programs', () => {
    const target = programs.insert(computer('A0100002', 'SP1'));
    programs.insert(computer('A0100001', 'Install', target));
    expect(() => programs.delete(target)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM packages WHERE package_id = 'A0100002'").run()).toThrow(/FOREIGN KEY/);
    // Within one package a chain goes in one cascade.
    const patch = programs.insert(computer('A0100001', 'Patch'));
    programs.insert(computer('A0100001', 'Typical', patch));
    db.prepare("DELETE FROM packages WHERE package_id = 'A0100001'").run();
    expect(programs.list('A0100001')).toEqual([]);
  });
});

describe('access_accounts table', () => {
  it('names are unique per package, whatever their case; generic accounts are the three local groups', () => {
    const accounts = new AccessAccountRepository(db);
    const account = { packageId: 'A0100001', accountName: 'CONTOSO\\Sales', kind: 'windows', accountType: 'group', permission: 'read', createdAt: stamp, lastModified: stamp } as const;
    accounts.insert(account);
    expect(() => accounts.insert({ ...account, accountName: 'contoso\\SALES' })).toThrow(/UNIQUE/);
    expect(() => accounts.insert({ ...account, packageId: 'A0100002' })).not.toThrow();
    expect(() => accounts.insert({ ...account, accountName: 'Everyone', kind: 'generic' })).toThrow(/CHECK/);
    expect(() => accounts.insert({ ...account, accountName: 'Users', kind: 'generic', accountType: 'user' })).toThrow(/CHECK/);
    expect(() => accounts.insert({ ...account, accountName: 'X\\Y', permission: 'write' as never })).toThrow(/CHECK/);
  });
});
