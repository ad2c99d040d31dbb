import { describe, expect, it } from 'vitest';
import { mapUncPath, serverPathOf, unmappedUncMessage } from './path-mappings';

const mappings = [
  { uncPrefix: '\\\\fs01\\sources', localPath: '/mnt/fs01/sources' },
  { uncPrefix: '\\\\FS01\\Sources\\Office', localPath: '/mnt/office/' },
  { uncPrefix: '\\\\fs02\\apps$', localPath: '/srv/apps' },
];

describe('Path Mappings', () => {
  it.each([
    ['\\\\fs01\\sources', '/mnt/fs01/sources'],
    ['\\\\fs01\\sources\\', '/mnt/fs01/sources'],
    ['\\\\FS01\\SOURCES\\Viewer\\3.0', '/mnt/fs01/sources/Viewer/3.0'],
    ['\\\\fs01\\sources\\office', '/mnt/office/'],
    ['\\\\fs01\\sources\\Office\\2007\\SP1', '/mnt/office/2007/SP1'],
    ['\\\\fs01\\sources\\Office2007', '/mnt/fs01/sources/Office2007'],
    ['\\\\fs02\\APPS$\\x', '/srv/apps/x'],
  ])('%s is read at %s (longest prefix, compared as Windows compares paths)', (unc, local) => {
    expect(mapUncPath(unc, mappings)?.localPath).toBe(local);
  });

  it('maps nothing outside the prefixes, segment by segment', () => {
    expect(mapUncPath('\\\\fs01\\sources2\\x', mappings)).toBeNull();
    expect(mapUncPath('\\\\fs03\\sources', mappings)).toBeNull();
  });

  it('reads a path itself where the server can, maps UNC paths elsewhere, and says what to do otherwise', () => {
    expect(serverPathOf('\\\\fs09\\x', 'win32', [])).toEqual({ ok: true, path: { localPath: '\\\\fs09\\x', mapping: null } });
    expect(serverPathOf('/srv/x', 'linux', [])).toEqual({ ok: true, path: { localPath: '/srv/x', mapping: null } });
    expect(serverPathOf('\\\\fs01\\sources\\x', 'linux', mappings)).toEqual({ ok: true, path: { localPath: '/mnt/fs01/sources/x', mapping: mappings[0] } });
    expect(serverPathOf('\\\\fs09\\x', 'linux', mappings)).toEqual({ ok: false, problem: unmappedUncMessage('\\\\fs09\\x', 'linux') });
    expect(serverPathOf('C:\\x', 'darwin', mappings)).toMatchObject({ ok: false, problem: expect.stringMatching(/runs on darwin and has no drive C:/) });
    expect(serverPathOf('/srv/x', 'win32', mappings)).toMatchObject({ ok: false, problem: expect.stringMatching(/runs on Windows/) });
    expect(serverPathOf('x', 'linux', mappings)).toMatchObject({ ok: false, problem: expect.stringMatching(/not an absolute path/) });
  });

  it('words the unmapped message with the command to run, quoted for a shell', () => {
    expect(unmappedUncMessage("\\\\fs02\\it's\\x", 'linux')).toContain("courier site map-path '\\\\fs02\\it'\\''s' /mnt/fs02/it-s,");
    expect(unmappedUncMessage('\\\\FS02\\Office 2007$\\x', 'linux')).toContain("map-path '\\\\FS02\\Office 2007$' /mnt/fs02/office-2007,");
  });
});
