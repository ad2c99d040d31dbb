import { describe, expect, it } from 'vitest';
import {
  formatWindowsPath,
  isReservedDeviceName,
  normalizeWindowsPath,
  sameWindowsPath,
  trimTrailingSeparators,
  windowsPathContains,
  windowsPathForm,
  windowsPathKey,
  windowsPathProblem,
  windowsPathRemainder,
  windowsPathsOverlap,
} from './windows-path';
import { isSourcePathForm, posixPathProblem, shareFolderProblem, sourceDirectoryProblem, sourcePathFormOf } from './source-paths';

const normalized = (path: string) => {
  const parts = normalizeWindowsPath(path);
  return parts === null ? null : formatWindowsPath(parts);
};

describe('Windows path forms', () => {
  it.each([
    ['\\\\srv\\share', 'unc'],
    ['//srv/share', 'unc'],
    ['\\/srv\\share', 'unc'],
    ['C:\\Sources', 'drive'],
    ['c:/Sources', 'drive'],
    ['\\\\.\\pipe\\x', 'device'],
    ['\\\\?\\C:\\x', 'device'],
    ['//./C:', 'device'],
    ['\\??\\C:\\x', 'device'],
    ['\\\\.', 'device'],
    ['C:Sources', 'driveRelative'],
    ['\\Sources', 'rooted'],
    ['Sources\\App', 'relative'],
    ['', 'relative'],
  ])('%s is %s', (path, form) => {
    expect(windowsPathForm(path)).toBe(form);
  });
});

describe('normalizing as GetFullPathName does', () => {
  it.each([
    ['\\\\srv\\share\\a\\b', '\\\\srv\\share\\a\\b'],
    ['//srv/share/a/b/', '\\\\srv\\share\\a\\b'],
    ['\\\\srv\\\\share\\\\a', '\\\\srv\\share\\a'],
    ['\\\\srv\\share\\a\\.\\b', '\\\\srv\\share\\a\\b'],
    ['\\\\srv\\share\\a\\..\\b', '\\\\srv\\share\\b'],
    // `..` never climbs out of \\server\share or C:\
    ['\\\\srv\\other\\..\\base', '\\\\srv\\other\\base'],
    ['C:\\..\\..\\Windows', 'C:\\Windows'],
    ['C:\\', 'C:\\'],
    // the last segment loses trailing periods and spaces, others one trailing period
    ['C:\\Sources\\App. . ', 'C:\\Sources\\App'],
    ['C:\\Sources.\\App', 'C:\\Sources\\App'],
    ['C:\\a...\\b', 'C:\\a..\\b'],
    ['C:\\...\\b', 'C:\\...\\b'],
    ['C:\\Sources \\App', 'C:\\Sources \\App'],
  ])('%s → %s', (path, expected) => {
    expect(normalized(path)).toBe(expected);
  });

  it('is null for forms that are not UNC or drive paths, and for a UNC path without a share', () => {
    for (const path of ['\\\\.\\pipe\\x', 'C:x', 'x\\y', '\\x', '\\\\srv', '\\\\srv\\']) expect(normalized(path)).toBeNull();
  });
});

describe('comparing paths', () => {
  it('ignores case, separators, runs, . and .., and trailing periods and spaces', () => {
    expect(sameWindowsPath('\\\\SRV\\Base', '\\\\srv\\base')).toBe(true);
    expect(sameWindowsPath('\\\\srv\\base.', '\\\\srv\\base')).toBe(true);
    expect(sameWindowsPath('\\\\srv\\base \\x', '\\\\srv\\base\\x')).toBe(true);
    expect(sameWindowsPath('//srv/base/x/', '\\\\srv\\base\\x')).toBe(true);
    expect(sameWindowsPath('\\\\srv\\base\\x\\..\\y', '\\\\srv\\base\\y')).toBe(true);
    expect(sameWindowsPath('\\\\srv\\base', '\\\\srv\\base2')).toBe(false);
    expect(sameWindowsPath('C:\\x', 'D:\\x')).toBe(false);
  });

  it('compares one character against one, as the file system does (ß is not SS)', () => {
    expect(windowsPathKey('\\\\srv\\straße')).toBe('\\\\SRV\\STRAßE');
    expect(sameWindowsPath('\\\\srv\\strasse', '\\\\srv\\straße')).toBe(false);
  });

  it('contains by whole segments', () => {
    expect(windowsPathContains('\\\\srv\\apps', '\\\\SRV\\Apps\\Word')).toBe(true);
    expect(windowsPathContains('\\\\srv\\apps', '\\\\srv\\apps')).toBe(true);
    expect(windowsPathContains('\\\\srv\\apps', '\\\\srv\\apps2')).toBe(false);
    expect(windowsPathRemainder('\\\\srv\\apps', '\\\\SRV\\APPS\\Word\\2007')).toEqual(['Word', '2007']);
    expect(windowsPathRemainder('\\\\srv\\apps\\x', '\\\\srv\\apps')).toBeNull();
  });

  it('sees an overlap under either reading of .. (a share written with .. was accepted before)', () => {
    expect(windowsPathsOverlap('\\\\srv\\other\\..\\base', '\\\\srv\\base')).toBe(true);
    expect(windowsPathsOverlap('\\\\srv\\base.', '\\\\srv\\base')).toBe(true);
    expect(windowsPathsOverlap('\\\\srv\\base \\x', '\\\\srv\\base')).toBe(true);
    expect(windowsPathsOverlap('\\\\srv\\apps\\word', '\\\\srv\\apps\\wordpad')).toBe(false);
  });

  it('trims trailing separators but keeps a root', () => {
    expect(trimTrailingSeparators('\\\\srv\\apps\\\\')).toBe('\\\\srv\\apps');
    expect(trimTrailingSeparators('C:\\\\')).toBe('C:\\');
    expect(trimTrailingSeparators('/srv/')).toBe('/srv');
    expect(trimTrailingSeparators('/')).toBe('/');
  });
});

describe('reserved device names', () => {
  it.each(['CON', 'prn', 'Aux', 'NUL', 'NUL.txt', 'nul.tar.gz', 'COM1', 'COM9', 'LPT1', 'lpt9.log', 'COM¹', 'CONIN$', 'NUL .txt'])('%s is reserved', (name) => {
    expect(isReservedDeviceName(name)).toBe(true);
  });
  it.each(['CONSOLE', 'NULL', 'COM10', 'LPT', 'xNUL', 'CON-1'])('%s is not', (name) => {
    expect(isReservedDeviceName(name)).toBe(false);
  });
});

describe('what a share can be', () => {
  it.each([
    ['\\\\dp01\\apps'],
    ['\\\\dp01\\apps\\'],
    ['\\\\dp01\\apps$'],
    ['\\\\dp01\\apps\\viewer\\3.0'],
    ['\\\\dp01.contoso.com\\apps'],
    ['\\\\10.0.0.5\\apps'],
    ['\\\\fe80--1.ipv6-literal.net\\apps'],
    ['\\\\DP-01\\Office 2007'],
    [`\\\\dp01\\${'s'.repeat(80)}`],
  ])('accepts %s', (share) => {
    expect(shareFolderProblem(share)).toBeNull();
  });

  it.each([
    ['\\\\.\\pipe\\x', /device path/],
    ['\\\\.\\C$', /device path/],
    ['\\\\?\\C:\\x', /device path/],
    ['\\\\srv\\CON', /reserved device name/],
    ['\\\\srv\\share\\NUL.txt', /reserved device name/],
    ['\\\\CON\\share', /reserved device name/],
    ['\\\\srv\\base.', /ends with a period/],
    ['\\\\srv\\base \\x', /ends with a space/],
    ['\\\\srv\\base\\x.', /ends with a period/],
    ['\\\\srv\\other\\..\\base', /cannot use \.\. as a folder/],
    ['\\\\srv\\base\\.\\x', /cannot use \. as a folder/],
    ['\\\\srv\\base\\a\tb', /control characters/],
    ['\\\\srv\\base\\a\nb', /control characters/],
    ['\\\\srv\\base\\a\0', /control characters/],
    ['\\\\srv\\base\\\u202egnp.exe', /bidirectional/],
    ['\\\\srv\\base\\\u2066x', /bidirectional/],
    ['\\\\srv\\base\\\ud800x', /surrogate/],
    ['\\\\srv\\%PATH%;', /contains ;/],
    ['\\\\srv\\a[b]', /contains \[ \]/],
    ['\\\\srv\\a+b=c,d', /contains \+ = ,/],
    [`\\\\srv\\${'s'.repeat(81)}`, /81 characters; a share name can be at most 80/],
    [`\\\\srv\\apps\\${'f'.repeat(81)}`, /at most 80/],
    ['\\\\srv\\ap$ps', /\$ only at its end/],
    ['\\\\srv\\apps\\folder$', /ends with \$/],
    ['\\\\srv\\C$', /keeps for itself/],
    ['\\\\srv\\ADMIN$', /keeps for itself/],
    ['\\\\srv\\SMSPKGC$', /keeps for itself/],
    ['\\\\srv', /share after the server/],
    ['\\\\srv\\\\share', /two \\ in a row/],
    ['\\\\srv/share', /not \//],
    ['\\\\srv*1\\share', /not a computer name/],
    ['\\\\srv name\\share', /not a computer name/],
    ['\\\\.srv\\share', /not a computer name/],
    [`\\\\${'x'.repeat(16)}_y\\share`, /not a computer name/],
    ['C:\\apps', /must be a UNC path/],
    ['dp01/apps', /must be a UNC path/],
  ])('refuses %s', (share, message) => {
    expect(shareFolderProblem(share)).toMatch(message);
  });
});

describe('what a source directory can be', () => {
  it.each([
    ['\\\\fs01\\sources\\office'],
    ['\\\\fs01\\C$\\Sources'],
    ['\\\\fs01\\sources\\Office 2007 [SP1]'],
    ['C:\\'],
    ['C:\\Sources\\App'],
    ['d:\\Sources\\App\\'],
    ['/srv/sources/app'],
    ['/srv/sources/app/'],
    ['/'],
  ])('accepts %s', (path) => {
    expect(sourceDirectoryProblem(path)).toBeNull();
    expect(isSourcePathForm(path)).toBe(true);
  });

  it.each([
    ['relative\\dir', /relative path: the source directory must be a local path/],
    ['C:Sources', /relative to drive C:/],
    ['\\Sources', /relative path/],
    ['\\\\.\\pipe\\x', /device path/],
    ['C:\\Sources\\CON', /reserved device name/],
    ['C:\\Sources\\a|b', /contains \|/],
    ['C:\\Sources.\\App', /ends with a period/],
    ['C:\\Sources\\..\\Windows', /\.\. as a folder/],
    ['C:\\Sources\\\\App', /two \\ in a row/],
    ['C:/Sources', /not \//],
    ['\\\\fs01\\sources;x\\app', /contains ;/],
    ['/srv/../etc', /\.\. as a folder/],
    ['/srv//x', /two \/ in a row/],
    ['/srv/a\nb', /control characters/],
    ['/srv/\u202eexe', /bidirectional/],
  ])('refuses %s', (path, message) => {
    expect(sourceDirectoryProblem(path)).toMatch(message);
  });

  it('tells the forms apart by their start', () => {
    expect(sourcePathFormOf('\\\\fs01\\x')).toBe('unc');
    expect(sourcePathFormOf('C:\\x')).toBe('windowsLocal');
    expect(sourcePathFormOf('/x')).toBe('posix');
    expect(sourcePathFormOf('x')).toBeNull();
    expect(posixPathProblem('x/y')).toMatch(/must start with \//);
  });

  it('checks paths of the longest accepted length in linear time', () => {
    for (const path of ['\\\\srv\\share' + '\\'.repeat(4000) + '"', 'C:\\' + 'a\\'.repeat(2000), '/' + '/.'.repeat(2000)]) {
      // The best of three runs: a busy machine can stall one run, never a linear check for 50 ms
      // three times (the backtracking pattern this guards against took minutes).
      let best = Infinity;
      for (let run = 0; run < 3 && best >= 50; run++) {
        const started = performance.now();
        windowsPathProblem(path, { purpose: 'folder' });
        sourceDirectoryProblem(path);
        windowsPathsOverlap(path, path);
        best = Math.min(best, performance.now() - started);
      }
      expect(best).toBeLessThan(50);
    }
  });
});
