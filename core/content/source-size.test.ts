import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localFileAccess } from './file-access';
import { measureSourceDirectory } from './source-size';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-source-size-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the size of a source directory', () => {
  it('counts every file in every folder, links to files as their file, and does not follow links to folders', async () => {
    const source = join(dir, 'source');
    mkdirSync(join(source, 'a', 'b'), { recursive: true });
    writeFileSync(join(source, 'setup.exe'), Buffer.alloc(1000));
    writeFileSync(join(source, 'a', 'one.cab'), Buffer.alloc(200));
    writeFileSync(join(source, 'a', 'b', 'empty.txt'), '');
    for (let i = 0; i < 150; i++) writeFileSync(join(source, 'a', `f${i}`), 'x');
    symlinkSync(join(source, 'setup.exe'), join(source, 'link.exe'));
    symlinkSync(source, join(source, 'a', 'loop'));
    symlinkSync(join(dir, 'gone'), join(source, 'dangling'));
    expect(await measureSourceDirectory(source, localFileAccess())).toEqual({ files: 154, bytes: 1000 + 200 + 150 + 1000 });
  });

  it('refuses what is not a source directory, as the package checks do', async () => {
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    await expect(measureSourceDirectory(file, localFileAccess())).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
    await expect(measureSourceDirectory(join(dir, 'missing'), localFileAccess())).rejects.toMatchObject({ code: 'SOURCE_NOT_FOUND' });
  });
});
