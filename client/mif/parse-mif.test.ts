import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRun } from '../execution/exit-code';
import { mifMatchesPackage } from './mif-match';
import { parseStatusMif } from './parse-mif';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/mif', name), 'utf8');
const pkg = { name: 'Widget', manufacturer: 'Contoso', version: '1.0', mifName: '', mifPublisher: '', mifVersion: '' };

describe('parseStatusMif', () => {
  it('reads a CRLF MIF by group and attribute names', () => {
    expect(parseStatusMif(fixture('success-crlf.mif'))).toEqual({ manufacturer: 'Contoso', product: 'Widget Pro', version: '2.1', locale: '', serialNumber: '', installation: '', status: 'Success', description: 'Installed' });
  });
  it('takes lower-case keywords, any order and a description across lines', () => {
    const mif = parseStatusMif(fixture('failed-lf-reordered.mif'));
    expect(mif.status).toBe('Failed');
    expect(mif.description).toBe('Disk full,\nrolled back');
    expect(mif.product).toBe('widget');
  });
  it('names the line of an unclosed value and refuses a large file', () => {
    expect(() => parseStatusMif('START COMPONENT\nSTART GROUP\nNAME = "ComponentID\n')).toThrow(/line 3: a quoted value is not closed/);
    expect(() => parseStatusMif(`START COMPONENT ${' '.repeat(70_000)}`)).toThrow(/larger than 64 KiB/);
    expect(() => parseStatusMif(fixture('success-crlf.mif').replace('"Success"', '"Maybe"'))).toThrow(/line 28: Status is "Maybe"/);
  });
});

describe('mifMatchesPackage and classifyRun', () => {
  const mif = parseStatusMif(fixture('failed-lf-reordered.mif'));
  const start = new Date('2026-01-01T10:00:00Z');
  it('matches on the package fields when the MIF fields are empty, only when newer than the start', () => {
    expect(mifMatchesPackage(mif, new Date('2026-01-01T10:05:00Z'), pkg, start)).toBe(true);
    expect(mifMatchesPackage(mif, new Date('2026-01-01T09:59:00Z'), pkg, start)).toBe(false);
    expect(mifMatchesPackage(mif, new Date('2026-01-01T10:05:00Z'), { ...pkg, mifName: 'Other' }, start)).toBe(false);
  });
  it.each([
    [0, undefined, 10008],
    [3010, undefined, 10022],
    [1641, undefined, 10022],
    [1618, undefined, 10006],
    [1, undefined, 10006],
    [0, 'Failed', 10007],
    [1, 'Success', 10009],
  ] as const)('exit code %i with MIF %s reports %i', (code, status, messageId) => {
    expect(classifyRun(code, status ? { ...mif, status } : undefined).messageId).toBe(messageId);
  });
  it('marks the retry codes to try again later', () => {
    expect(classifyRun(1618)).toMatchObject({ result: 'failed', retryLater: true });
    expect(classifyRun(1603)).toMatchObject({ result: 'failed', retryLater: false });
  });
});
