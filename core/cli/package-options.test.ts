import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { packageFieldShapes } from '../api';
import { addPackageOptions, flagForField, packageFieldsFrom } from './package-options';

function parse(mode: 'create' | 'update', args: readonly string[]): Record<string, unknown> {
  const command = addPackageOptions(new Command('x').exitOverride().configureOutput({ writeErr: () => undefined }), mode);
  command.parse([...args], { from: 'user' });
  return packageFieldsFrom(command.opts(), '/home/admin');
}

describe('package options → contract fields', () => {
  it('leaves out everything not given', () => {
    expect(parse('update', [])).toEqual({});
  });

  it('maps text, numbers, choices and both forms of a flag', () => {
    expect(
      parse('create', [
        '--name', 'Office', '--version', '12', '--user-grace-period', '7', '--disconnect-retries', '0',
        '--sending-priority', 'high', '--persist-in-client-cache', '--no-disconnect-users', '--preferred-sender', 'none',
      ]),
    ).toEqual({
      name: 'Office',
      version: '12',
      userGracePeriod: 7,
      disconnectRetries: 0,
      sendingPriority: 'high',
      persistInClientCache: true,
      disconnectUsers: false,
      preferredSender: '',
    });
  });

  it('--source sets the directory and says the package has source files; relative folders are resolved', () => {
    expect(parse('update', ['--source', '/srv/app'])).toEqual({ containsSourceFiles: true, sourceDirectory: '/srv/app' });
    expect(parse('update', ['--source', 'apps/reader'])).toEqual({ containsSourceFiles: true, sourceDirectory: '/home/admin/apps/reader' });
    expect(parse('update', ['--source', '\\\\fs\\src\\app'])).toEqual({ containsSourceFiles: true, sourceDirectory: '\\\\fs\\src\\app' });
    expect(parse('update', ['--no-source'])).toEqual({ containsSourceFiles: false, sourceDirectory: '' });
  });

  it('--compressed is --source-option compressed, and the two cannot be mixed', () => {
    expect(parse('update', ['--compressed'])).toEqual({ sourceOption: 'compressed' });
    expect(() => parse('update', ['--compressed', '--source-option', 'direct'])).toThrow(/cannot be used with/);
  });

  it('--share-folder picks the share access mode; --common-share goes back', () => {
    expect(parse('update', ['--share-folder', '\\\\dp\\app'])).toEqual({ dataAccess: 'shareFolder', shareFolder: '\\\\dp\\app' });
    expect(parse('update', ['--common-share'])).toEqual({ dataAccess: 'commonShare', shareFolder: '' });
  });

  it('a MIF field turns on custom MIF matching; package-property matching clears them', () => {
    expect(parse('update', ['--mif-name', 'Office'])).toEqual({ mifName: 'Office', mifMatching: 'customFields' });
    expect(parse('update', ['--mif-matching', 'packageProperties'])).toEqual({
      mifMatching: 'packageProperties',
      mifFileName: '',
      mifName: '',
      mifVersion: '',
      mifPublisher: '',
    });
  });

  it('parses numbers strictly', () => {
    for (const bad of ['5x', '', '1.5', '-1', '0x10']) {
      expect(() => parse('update', ['--user-grace-period', bad]), bad).toThrow();
    }
  });

  it('requires --name only on create', () => {
    expect(() => parse('create', ['--version', '1'])).toThrow(/--name/);
    expect(parse('update', ['--version', '1'])).toEqual({ version: '1' });
  });

  it('names the flag behind a field in the core errors', () => {
    expect(flagForField('userGracePeriod')).toBe('--user-grace-period');
    expect(flagForField('changes.shareFolder')).toBe('--share-folder');
    expect(flagForField('sourceDirectory')).toBe('--source');
    expect(flagForField('packageId')).toBeUndefined();
  });

  it('covers every package setting of the contract except the update schedule', () => {
    const uncovered = Object.keys(packageFieldShapes).filter((field) => flagForField(field) === undefined);
    expect(uncovered).toEqual(['updateSchedule']);
  });
});
