import { describe, expect, it } from 'vitest';
import { browseStartOf, fileNameOf, folderPrefix, isAbsoluteServerPath, joinServerPath, parentOf } from './server-paths';

describe('site server paths', () => {
  it('walks up POSIX, Windows and UNC paths to the roots', () => {
    expect(parentOf('/srv/sources/app')).toBe('/srv/sources');
    expect(parentOf('/srv')).toBe('/');
    expect(parentOf('/')).toBe('');
    expect(parentOf('C:\\Sources\\App\\')).toBe('C:\\Sources');
    expect(parentOf('C:\\Sources')).toBe('C:\\');
    expect(parentOf('\\\\fs1\\share\\office')).toBe('\\\\fs1\\share');
    expect(parentOf('\\\\fs1\\share')).toBe('');
  });

  it('takes the file name with either separator', () => {
    expect(fileNameOf('/srv/apps/reader.msi')).toBe('reader.msi');
    expect(fileNameOf('\\\\server\\share\\setup.msi')).toBe('setup.msi');
    expect(fileNameOf('C:\\Sources\\app.sms')).toBe('app.sms');
    expect(fileNameOf('setup.msi')).toBe('setup.msi');
  });

  it('ends a chosen folder with its own separator, and joins a name to it', () => {
    expect(folderPrefix('/srv/apps')).toBe('/srv/apps/');
    expect(folderPrefix('C:\\Sources')).toBe('C:\\Sources\\');
    expect(folderPrefix('C:\\')).toBe('C:\\');
    expect(folderPrefix('/')).toBe('/');
    expect(joinServerPath('\\\\fs01\\sources', 'app.sms')).toBe('\\\\fs01\\sources\\app.sms');
    expect(joinServerPath('/', 'app.sms')).toBe('/app.sms');
  });

  it('starts Browse in the typed file’s folder, or at the roots for anything not absolute', () => {
    expect(browseStartOf('\\\\fs01\\sources\\viewer\\viewer.msi')).toBe('\\\\fs01\\sources\\viewer');
    expect(browseStartOf('/srv/defs/')).toBe('/srv/defs/');
    expect(browseStartOf('app.sms')).toBe('');
    expect(browseStartOf('')).toBe('');
    expect(isAbsoluteServerPath('C:/x')).toBe(true);
    expect(isAbsoluteServerPath('x/y')).toBe(false);
  });
});
