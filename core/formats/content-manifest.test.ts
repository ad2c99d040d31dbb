import { describe, expect, it } from 'vitest';
import { checkContentManifest, manifestOf } from './content-manifest';

const sha = 'a'.repeat(64);
const good = manifestOf(['Data'], [
  { path: 'Data/a.txt', size: 3, mtimeMs: 1, sha256: sha },
  { path: 'setup.exe', size: 5, mtimeMs: 2, sha256: sha },
]);

describe('checkContentManifest', () => {
  it('accepts a manifest and answers it in its sorted form', () => {
    expect(checkContentManifest(JSON.parse(JSON.stringify(good)))).toEqual({ manifest: good });
  });

  it('says why a manifest is refused', () => {
    const problem = (value: unknown) => {
      const checked = checkContentManifest(value);
      return 'problem' in checked ? checked.problem : null;
    };
    expect(problem([])).toBe('it is not an object');
    expect(problem({ ...good, formatVersion: 2 })).toMatch(/format version is 2/);
    expect(problem({ ...good, folders: ['../up'] })).toMatch(/folder list/);
    expect(problem({ ...good, files: [{ ...good.files[0], path: '/etc/passwd' }] })).toMatch(/file entry 1/);
    expect(problem({ ...good, files: [{ ...good.files[0], size: 1.5 }] })).toMatch(/file entry 1/);
    expect(problem({ ...good, files: [{ ...good.files[0], sha256: 'A'.repeat(64) }] })).toMatch(/file entry 1/);
    expect(problem({ ...good, fileCount: 3 })).toBe('its totals do not add up');
    const huge = [0, 1].map((i) => ({ path: `f${i}`, size: Number.MAX_SAFE_INTEGER, mtimeMs: 0, sha256: sha }));
    expect(problem({ ...good, folders: [], files: huge, fileCount: 2, totalBytes: Number.MAX_SAFE_INTEGER * 2 })).toMatch(/more than a safe integer/);
    expect(problem({ ...good, files: [...good.files, { ...good.files[1]!, path: 'SETUP.EXE' }], fileCount: 3, totalBytes: 13 })).toBe('it names a file twice');
    expect(problem({ ...good, folders: ['Data', 'setup.exe'] })).toBe('setup.exe is both a file and a folder');
    expect(problem({ ...good, files: [...good.files, { ...good.files[1]!, path: 'setup.exe/x' }], fileCount: 3, totalBytes: 13 })).toBe('setup.exe/x is under setup.exe, which is a file');
  });
});
