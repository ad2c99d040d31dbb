import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../api';
import { createCore, initSite, type Core } from '../core';
import { CourierError } from '../api';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'courier-text-'));
  core = createCore({ dataDir: join(dataDir, 'site') });
  await core.client['packages:create']({ name: 'Office' });
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function refused(result: ApiResult<unknown>): { field: string | undefined; message: string } {
  if (result.ok) throw new Error('expected the request to be refused');
  expect(result.error.code).toBe('VALIDATION_FAILED');
  return { field: result.error.field, message: result.error.message };
}

async function packageNames(): Promise<string[]> {
  const list = await core.client['packages:list']({});
  if (!list.ok) throw new Error(list.error.message);
  return list.value.map((p) => p.name);
}

describe('the text policy through the core', () => {
  it('packages: a NUL, a line break, a lone surrogate or a bidi override in a name is refused, naming the field and the character', async () => {
    expect(refused(await core.client['packages:create']({ name: 'Office\u0000' }))).toEqual({
      field: 'name',
      message: 'Name contains a NUL character (U+0000) at position 7; remove it.',
    });
    expect(refused(await core.client['packages:create']({ name: 'Viewer', comment: 'line one\nline two' }))).toEqual({
      field: 'comment',
      message: 'Comment contains a line break (U+000A) at position 9; type it on one line.',
    });
    expect(refused(await core.client['packages:create']({ name: 'Broken \uD83D' })).message).toMatch(/unpaired surrogate\) \(U\+D83D\)/);
    expect(refused(await core.client['packages:update']({ packageId: 'A0100001', changes: { publisher: 'Contoso\u202Etxt.exe' } }))).toMatchObject({ field: 'publisher' });
    expect(refused(await core.client['packages:create']({ name: 'Tabs', mifName: 'a\tb' })).field).toBe('mifName');
    expect(await packageNames()).toEqual(['Office']);
  });

  it('packages: lengths count UTF-16 units; what fits is stored and read back exactly', async () => {
    expect(refused(await core.client['packages:create']({ name: '😀'.repeat(26) })).message).toBe(
      'Name can be at most 50 characters (52 given; characters beyond U+FFFF, such as emoji, count as two).',
    );
    const created = await core.client['packages:create']({ name: '😀'.repeat(25), comment: `${'é'.repeat(125)}😀` });
    expect(created).toMatchObject({ ok: true, value: { name: '😀'.repeat(25), comment: `${'é'.repeat(125)}😀` } });
    if (!created.ok) return;
    expect(await core.client['packages:get']({ packageId: created.value.packageId })).toMatchObject({ ok: true, value: { name: '😀'.repeat(25) } });
  });

  it('programs: a command line with CR LF cannot inject a line; the device folders are checked too', async () => {
    expect(refused(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe\r\ncalc.exe' } }))).toEqual({
      field: 'commandLine',
      message: 'Command line contains a line break (U+000D) at position 10; type it on one line.',
    });
    expect(refused(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install\u0007', commandLine: 'setup.exe' } })).field).toBe('name');
    expect(
      refused(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'CE', commandLine: 'setup.exe', downloadFolder: '\\Temp\u0085\\' } })).field,
    ).toBe('downloadFolder');
    const made = await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe /q' } });
    expect(made.ok).toBe(true);
    expect(refused(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { startIn: 'C:\\App\u2028\\bin' } })).field).toBe('startIn');
    // A name that cannot exist is refused as such, not looked up.
    expect(refused(await core.client['programs:get']({ packageId: 'A0100001', programName: 'Install\u0000' })).message).toMatch(/^The program name contains a NUL character/);
  });

  it('access accounts: control and bidi characters are refused; a 300-character name is refused for its length, once', async () => {
    const add = (name: string) => core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'windows', name, accountType: 'user' }, permission: 'read' });
    expect(refused(await add('CONTOSO\\j\u0000doe'))).toEqual({ field: 'account.name', message: 'The account name contains a NUL character (U+0000) at position 10; remove it.' });
    expect(refused(await add('CONTOSO\\\u202Eeod')).message).toMatch(/bidirectional override \(U\+202E\)/);
    expect(refused(await add(`CONTOSO\\${'u'.repeat(292)}`))).toEqual({ field: 'account.name', message: 'The account name can be at most 120 characters (300 given).' });
    expect(refused(await add('no backslash')).message).toBe('Type the account as DOMAIN\\user or DOMAIN\\group.');
    expect(refused(await core.client['access-accounts:remove']({ packageId: 'A0100001', accountName: 'Users\n' + 'x' })).field).toBe('accountName');
    expect((await add('CONTOSO\\Équipe')).ok).toBe(true);
  });

  it('the site name: a new site refuses a name with a line break, and one of 26 emoji', () => {
    const attempt = (siteName: string) => {
      try {
        initSite(join(dataDir, 'other-site'), { siteCode: 'B02', siteName });
      } catch (error) {
        expect(error).toBeInstanceOf(CourierError);
        return (error as CourierError).message;
      }
      return 'created';
    };
    expect(attempt('Head office\r\n[Injected]')).toBe('The site name contains a line break (U+000D) at position 12; type it on one line.');
    expect(attempt('😀'.repeat(26))).toMatch(/^The site name can be at most 50 characters \(52 given/);
    expect(attempt('Siège 😀')).toBe('created');
  });
});
