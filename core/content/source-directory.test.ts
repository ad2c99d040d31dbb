import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import type { FileAccess } from './file-access';
import { FileGate } from './file-gate';
import { checkSourceDirectory } from './source-directory';

let temp: TempDir;
let mount: string;
const gate = new FileGate({ slots: 2, timeoutMs: 5000 });

function access(changes: Partial<FileAccess> = {}): FileAccess {
  return { platform: 'linux', mappings: [{ uncPrefix: '\\\\fs01\\sources', localPath: mount }], sourceRoots: null, gate, ...changes };
}

beforeEach(() => {
  temp = makeTempDir('courier-sources-');
  mount = join(temp.path, 'mnt', 'fs01', 'sources');
  mkdirSync(join(mount, 'Office', '2007'), { recursive: true });
  mkdirSync(join(mount, 'Viewer'));
  writeFileSync(join(mount, 'Office', 'setup.exe'), 'MZ');
});
afterEach(() => temp.remove());

async function refusal(promise: Promise<unknown>): Promise<CourierError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CourierError);
  return error as CourierError;
}

describe('checking a source directory on a Linux site server', () => {
  it('reads a UNC path through its path mapping, and keeps the path as given', async () => {
    expect(await checkSourceDirectory('\\\\FS01\\Sources\\Office', access())).toEqual({
      path: '\\\\FS01\\Sources\\Office',
      serverPath: join(mount, 'Office'),
      entryCount: 2,
    });
  });

  it('uses the longest mapping that covers the path', async () => {
    const office = join(temp.path, 'office-mount');
    mkdirSync(office);
    const longer = access({ mappings: [...access().mappings, { uncPrefix: '\\\\fs01\\sources\\office', localPath: office }] });
    expect(await checkSourceDirectory('\\\\fs01\\sources\\Office', longer)).toMatchObject({ serverPath: office, entryCount: 0 });
    expect(await checkSourceDirectory('\\\\fs01\\sources\\Viewer', longer)).toMatchObject({ serverPath: join(mount, 'Viewer') });
  });

  it('tells how to map a UNC path no mapping covers', async () => {
    const error = await refusal(checkSourceDirectory('\\\\fs02\\apps\\viewer', access()));
    expect(error).toMatchObject({ code: 'SOURCE_UNREADABLE', field: 'sourceDirectory' });
    expect(error.message).toBe(
      'The site server runs on linux and reads UNC paths through Path Mappings, but none covers \\\\fs02\\apps\\viewer. ' +
        "Mount \\\\fs02\\apps on the site server (for example at /mnt/fs02/apps) and map it: courier site map-path '\\\\fs02\\apps' /mnt/fs02/apps, " +
        'or Site Settings › Site Properties › Path Mappings in the console.',
    );
  });

  it('refuses a drive path, a folder that is not there, a file and a named pipe, each in its own words', async () => {
    expect((await refusal(checkSourceDirectory('C:\\Sources', access()))).message).toMatch(/runs on linux and has no drive C:/);
    expect((await refusal(checkSourceDirectory('\\\\fs01\\sources\\Gone', access()))).message).toBe(
      `The source directory \\\\fs01\\sources\\Gone does not exist, as the site server sees it (read at ${join(mount, 'Gone')} through Path Mappings).`,
    );
    const file = await refusal(checkSourceDirectory(join(mount, 'Office', 'setup.exe'), access()));
    expect([file.code, file.message]).toEqual(['SOURCE_NOT_FOUND', `${join(mount, 'Office', 'setup.exe')} is a file, not a folder. Choose the folder that holds the source files.`]);
    const pipe = join(temp.path, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect((await refusal(checkSourceDirectory(pipe, access()))).message).toBe(`${pipe} is a named pipe (FIFO), not a folder. Choose the folder that holds the source files.`);
  });
});
