import { describe, expect, it } from 'vitest';
import { signatureFileName, signaturesToDelete, updateMethod, type PackageVersionFiles } from './retention';

const hash = (n: number): string => n.toString(16).padStart(64, '0');

/** Versions 1..count: a shared file unchanged since version 1, and one file changed in each version. */
function versions(count: number): PackageVersionFiles[] {
  return Array.from({ length: count }, (_, i) => ({ sourceVersion: i + 1, fileSha256s: [hash(1000), hash(i + 1)] }));
}

describe('signature retention', () => {
  it('keeps the signatures of the current version and the five before it, and deletes older ones', () => {
    const present = [hash(1000), ...Array.from({ length: 9 }, (_, i) => hash(i + 1))].map(signatureFileName);
    expect(signaturesToDelete(versions(9), present)).toEqual([1, 2, 3].map((n) => signatureFileName(hash(n))));
  });

  it('keeps a signature an old version shares with a kept one', () => {
    const deleted = signaturesToDelete(versions(20), [signatureFileName(hash(1000)), signatureFileName(hash(1))]);
    expect(deleted).toEqual([signatureFileName(hash(1))]);
  });

  it('deletes the temporary files of a killed writer and leaves names it does not own alone', () => {
    const present = ['.courier-tmp-abc.sig-123456', 'README.txt', signatureFileName(hash(9)), `${hash(9).toUpperCase()}.sig`];
    expect(signaturesToDelete(versions(9), present)).toEqual(['.courier-tmp-abc.sig-123456']);
  });

  it('deletes nothing while a package has six versions or fewer', () => {
    const present = [hash(1000), ...Array.from({ length: 6 }, (_, i) => hash(i + 1))].map(signatureFileName);
    expect(signaturesToDelete(versions(6), present)).toEqual([]);
  });
});

describe('how a distribution point is updated', () => {
  it('sends deltas to a point up to five versions behind, a full copy further behind or to a new point', () => {
    const kept = versions(10);
    expect(updateMethod(10, kept)).toBe('current');
    expect(updateMethod(9, kept)).toBe('delta');
    expect(updateMethod(5, kept)).toBe('delta');
    expect(updateMethod(4, kept)).toBe('full');
    expect(updateMethod(null, kept)).toBe('full');
    expect(updateMethod(1, [])).toBe('full');
  });

  it('counts versions, not numbers, so gaps in source versions do not shorten what is kept', () => {
    const sparse = [1, 5, 9, 20, 30, 31, 40].map((sourceVersion) => ({ sourceVersion, fileSha256s: [] }));
    expect(updateMethod(5, sparse)).toBe('delta');
    expect(updateMethod(1, sparse)).toBe('full');
  });
});
