import { describe, expect, it } from 'vitest';
import { fileNameOf, folderPrefix } from './server-paths';

describe('site server paths', () => {
  it('takes the file name with either separator', () => {
    expect(fileNameOf('/srv/apps/reader.msi')).toBe('reader.msi');
    expect(fileNameOf('\\\\server\\share\\setup.msi')).toBe('setup.msi');
    expect(fileNameOf('C:\\Sources\\app.sms')).toBe('app.sms');
    expect(fileNameOf('setup.msi')).toBe('setup.msi');
  });

  it('ends a chosen folder with its own separator', () => {
    expect(folderPrefix('/srv/apps')).toBe('/srv/apps/');
    expect(folderPrefix('C:\\Sources')).toBe('C:\\Sources\\');
    expect(folderPrefix('C:\\')).toBe('C:\\');
    expect(folderPrefix('/')).toBe('/');
  });
});
