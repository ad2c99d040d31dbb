import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { computerProgramFieldShapes, deviceProgramFieldShapes } from '../api';
import { addProgramOptions, checkProgramKind, programFieldsFrom, programFlagForField } from './program-options';

function parse(mode: 'create' | 'update', args: readonly string[]): Record<string, unknown> {
  const command = addProgramOptions(new Command('x').exitOverride().configureOutput({ writeErr: () => undefined }), mode);
  command.parse([...args], { from: 'user' });
  return command.opts();
}
const fields = (mode: 'create' | 'update', args: readonly string[]) => programFieldsFrom(parse(mode, args));

describe('program options → contract fields', () => {
  it('leaves out everything not given', () => {
    expect(fields('update', [])).toEqual({});
  });

  it('maps a full set of program options one to one', () => {
    expect(
      fields('create', [
        '--name', 'Per-system unattended', '--command-line', 'msiexec /i app.msi /q', '--can-run-when', 'whetherOrNot', '--run-mode', 'adminRights',
        '--platform', 'winxp-x86', '--platform', 'win7-x64', '--run-first', 'A0100002:Install', '--always-run-first',
      ]),
    ).toEqual({
      name: 'Per-system unattended',
      commandLine: 'msiexec /i app.msi /q',
      canRunWhen: 'whetherOrNot',
      runMode: 'adminRights',
      anyPlatform: false,
      platforms: ['winxp-x86', 'win7-x64'],
      runFirst: { packageId: 'A0100002', programName: 'Install' },
      alwaysRunDependent: true,
    });
  });

  it('numbers are whole numbers or "unknown"', () => {
    expect(fields('update', ['--estimated-disk-space', '38', '--maximum-run-time', 'unknown'])).toEqual({ estimatedDiskSpace: 38, maximumRunTime: null });
    expect(fields('update', ['--estimated-disk-space', 'Unknown'])).toEqual({ estimatedDiskSpace: null });
    for (const bad of ['5x', '', '1.5', '-1', '0x10', '1e3']) {
      expect(() => parse('update', ['--maximum-run-time', bad]), bad).toThrow();
    }
  });

  it('--any-platform clears the list; --no-run-first clears "always run first" too', () => {
    expect(fields('update', ['--any-platform'])).toEqual({ anyPlatform: true, platforms: [] });
    expect(() => parse('update', ['--any-platform', '--platform', 'win7-x64'])).toThrow(/cannot be used with/);
    expect(() => parse('update', ['--platform', 'win95'])).toThrow(/Allowed choices/);
    expect(fields('update', ['--no-run-first'])).toEqual({ runFirst: null, alwaysRunDependent: false });
  });

  it('--run-first takes PACKAGE_ID:PROGRAM; the program name may hold colons', () => {
    expect(fields('update', ['--run-first', 'a0100002:Setup: phase 1'])).toEqual({ runFirst: { packageId: 'a0100002', programName: 'Setup: phase 1' } });
    for (const bad of ['A0100002', ':Install', 'A0100002:']) expect(() => parse('update', ['--run-first', bad]), bad).toThrow(/PACKAGE_ID:PROGRAM/);
  });

  it('a drive letter asks for a specific drive; UNC clears the letter and reconnecting', () => {
    expect(fields('update', ['--drive-letter', 'K'])).toEqual({ driveLetter: 'K', driveMode: 'specificDriveLetter' });
    expect(fields('update', ['--drive-mode', 'unc'])).toEqual({ driveMode: 'unc', driveLetter: '', reconnectAtLogon: false });
    expect(fields('update', ['--drive-mode', 'driveLetter', '--reconnect-at-logon'])).toEqual({ driveMode: 'driveLetter', driveLetter: '', reconnectAtLogon: true });
  });

  it('a run folder asks to run from it; the download folder clears it', () => {
    expect(fields('update', ['--run-folder', '\\Apps'])).toEqual({ runFolder: '\\Apps', runFrom: 'folder' });
    expect(fields('update', ['--run-from', 'downloadFolder'])).toEqual({ runFrom: 'downloadFolder', runFolder: '' });
  });

  it('requires --name and --command-line only on create', () => {
    expect(() => parse('create', ['--name', 'X'])).toThrow(/--command-line/);
    expect(() => parse('create', ['--command-line', 'x'])).toThrow(/--name/);
    expect(fields('update', ['--comment', 'c'])).toEqual({ comment: 'c' });
  });

  it('refuses the other kind’s options before the site is opened', () => {
    expect(() => checkProgramKind(parse('create', ['--name', 'X', '--command-line', 'x', '--download-folder', '\\T']), false)).toThrow(/--download-folder is for programs for devices; add --device/);
    expect(() => checkProgramKind(parse('create', ['--device', '--name', 'X', '--command-line', 'x', '--run-mode', 'adminRights', '--platform', 'win7-x64']), true)).toThrow(
      /--run-mode, --platform are for programs for computers; leave out --device/,
    );
    expect(() => checkProgramKind(parse('create', ['--device', '--name', 'X', '--command-line', 'x', '--estimated-disk-space', '4']), true)).not.toThrow();
  });

  it('covers every program setting of the contract, and names the flag behind a field in core errors', () => {
    const all = [...new Set([...Object.keys(computerProgramFieldShapes), ...Object.keys(deviceProgramFieldShapes)])];
    expect(all.filter((field) => programFlagForField(field) === undefined)).toEqual([]);
    expect(programFlagForField('changes.runFirst')).toBe('--run-first');
    expect(programFlagForField('program.platforms.1')).toBe('--platform');
    expect(programFlagForField('alwaysRunDependent')).toBe('--always-run-first');
  });
});
