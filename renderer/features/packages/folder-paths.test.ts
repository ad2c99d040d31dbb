import { describe, expect, it } from 'vitest';
import { parentOf } from './folder-paths';

describe('parentOf', () => {
  it('walks up POSIX, Windows and UNC paths to the roots', () => {
    expect(parentOf('/srv/sources/app')).toBe('/srv/sources');
    expect(parentOf('/srv')).toBe('');
    expect(parentOf('C:\\Sources\\App\\')).toBe('C:\\Sources');
    expect(parentOf('C:\\Sources')).toBe('C:\\');
    expect(parentOf('\\\\fs1\\share\\office')).toBe('\\\\fs1\\share');
    expect(parentOf('\\\\fs1\\share')).toBe('');
  });
});
