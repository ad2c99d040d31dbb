import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusal, useMappedSources } from '../../test/helpers/mapped-sources';
import { checkSourceDirectory } from './source-directory';

const sources = useMappedSources('courier-sources-');
const access = sources.access;

describe('checking a source directory on a Linux site server', () => {
  it('reads a UNC path through its path mapping, and keeps the path as given', async () => {
    expect(await checkSourceDirectory('\\\\FS01\\Sources\\Office', access())).toEqual({
      path: '\\\\FS01\\Sources\\Office',
      serverPath: join(sources.mount, 'Office'),
      entryCount: 2,
    });
  });

  it('uses the longest mapping that covers the path', async () => {
    const office = join(sources.temp.path, 'office-mount');
    mkdirSync(office);
    const longer = access({ mappings: [...access().mappings, { uncPrefix: '\\\\fs01\\sources\\office', localPath: office }] });
    expect(await checkSourceDirectory('\\\\fs01\\sources\\Office', longer)).toMatchObject({ serverPath: office, entryCount: 0 });
    expect(await checkSourceDirectory('\\\\fs01\\sources\\Viewer', longer)).toMatchObject({ serverPath: join(sources.mount, 'Viewer') });
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
      `The source directory \\\\fs01\\sources\\Gone does not exist, as the site server sees it (read at ${join(sources.mount, 'Gone')} through Path Mappings).`,
    );
    const file = await refusal(checkSourceDirectory(join(sources.mount, 'Office', 'setup.exe'), access()));
    expect([file.code, file.message]).toEqual(['SOURCE_NOT_FOUND', `${join(sources.mount, 'Office', 'setup.exe')} is a file, not a folder. Choose the folder that holds the source files.`]);
    const pipe = join(sources.temp.path, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect((await refusal(checkSourceDirectory(pipe, access()))).message).toBe(`${pipe} is a named pipe (FIFO), not a folder. Choose the folder that holds the source files.`);
  });
});
