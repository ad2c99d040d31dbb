import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CourierError, ProgramFlags as F } from '../../api';
import { maxDefinitionBytes, maxPrograms, maxSections, parsePackageDefinition, type PackageDefinition } from '.';

/** Real files, with where each came from: test/fixtures/package-definitions/README.md. */
const fixtures = fileURLToPath(new URL('../../../test/fixtures/package-definitions/', import.meta.url));

const utf8 = (text: string) => new TextEncoder().encode(text);
const crlf = (text: string) => utf8(text.replace(/\n/g, '\r\n'));

function parse(text: string): PackageDefinition {
  return parsePackageDefinition(utf8(text));
}

function failure(input: string | Uint8Array): CourierError {
  try {
    parsePackageDefinition(typeof input === 'string' ? utf8(input) : input);
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).code).toBe('VALIDATION_FAILED');
    return error as CourierError;
  }
  throw new Error('expected the definition to be refused');
}

const messages = (input: string | Uint8Array) => (failure(input).issues ?? []).map((i) => i.message);

const minimal = `[PDF]
Version=2.0

[Package Definition]
Name=Contoso Viewer
Publisher=Contoso Ltd
Language=English
Programs=Install

[Install]
Name=Install
CommandLine=setup.exe /s
`;

/** A small invented 2.0 definition: a package with MIF fields and two programs. */
const contoso = `[PDF]
Version=2.0

[Package Definition]
Name=Contoso Viewer
Version=3.1
Publisher=Contoso Ltd
Language=English
Comment=Viewer for .cvw files
Programs=Per-system unattended,Uninstall
MIFFileName=CVIEW31
MIFName=Contoso Viewer
MIFVersion=3.1
MIFPublisher=Contoso Ltd

[Per-system unattended]
Name=Per-system unattended
CommandLine=msiexec /i cview.msi /qn
CanRunWhen=AnyUserStatus
UserInputRequired=False
AdminRightsRequired=True
EstimatedDiskSpace=40MB
EstimatedRunTime=10
SupportedClients=Win NT (I386)
Win NT (I386) MinVersion1=5.10.0000.0
Win NT (I386) MaxVersion1=5.10.9999.9999
AfterRunning=SMSRestart

[Uninstall]
Name=Uninstall
CommandLine=msiexec /x cview.msi /qn
CanRunWhen=AnyUserStatus
UserInputRequired=False
AdminRightsRequired=True
`;

describe('package definition files: the real fixtures', () => {
  it('template-empty-values.sms is refused: its Name and both CommandLines are empty, each named with its line', () => {
    const error = failure(readFileSync(`${fixtures}template-empty-values.sms`));
    expect(error.message).toBe('[Package Definition] Name (line 5): required, but empty (and 2 more problems)');
    expect(error.field).toBe('[Package Definition].Name');
    expect(error.issues?.map((i) => i.message)).toEqual([
      '[Package Definition] Name (line 5): required, but empty',
      '[INSTALL] CommandLine (line 14): required, but empty',
      '[UNINSTALL] CommandLine (line 25): required, but empty',
    ]);
  });

  it('template-empty-values.sms with its values filled in parses, and its [DetectionMethod] is ignored', () => {
    const text = readFileSync(`${fixtures}template-empty-values.sms`, 'latin1')
      .replace(/^Name=$/m, 'Name=Template')
      .replace(/^CommandLine=$/m, 'CommandLine=setup.exe /quiet')
      .replace(/^CommandLine=$/m, 'CommandLine=setup.exe /uninstall /quiet');
    const def = parse(text);
    expect(def.package).toMatchObject({ name: 'Template', version: '', publisher: '', language: 'EN', comment: '' });
    expect(def.programs.map((p) => [p.name, p.commandLine, p.run, p.icon])).toEqual([
      ['INSTALL', 'setup.exe /quiet', 'minimized', 'App.ico'],
      ['UNINSTALL', 'setup.exe /uninstall /quiet', 'minimized', ''],
    ]);
    const install = def.programs[0];
    expect(install).toMatchObject({ canRunWhen: 'whetherOrNot', userInputRequired: false, adminRightsRequired: true, useInstallAccount: true });
    expect(install?.programFlags).toBe(
      F.UNATTENDED | F.ADMINRIGHTS | F.USEUNCPATH | F.RUNMINIMIZED | F.RUNACCOUNT | F.ANY_PLATFORM,
    );
  });

  it('sms1x-minimal.pdf (KB Q175652) becomes one unattended program named by CommandName', () => {
    const def = parsePackageDefinition(readFileSync(`${fixtures}sms1x-minimal.pdf`));
    expect(def.format).toBe('1.0');
    expect(def.package).toMatchObject({ name: 'Example', version: '1.0', comment: 'PDF Example', publisher: '', containsNoFiles: false });
    expect(def.programs).toHaveLength(1);
    const typical = def.programs[0];
    expect(typical).toMatchObject({
      section: 'Typical Setup',
      name: 'Typical',
      commandLine: 'Setup.exe',
      userInputRequired: false,
      canRunWhen: 'userLoggedOn',
      afterRunning: 'programRestarts',
    });
    expect(typical?.supportedClients).toMatchObject({ restricted: true, platforms: [], unmapped: ['Windows95'] });
    expect(typical?.notes.join(' ')).toMatch(/Windows95/);
    expect(typical?.programFlags).toBe(F.UNATTENDED | F.USERCONTEXT | F.OKTOQUIT | F.USEUNCPATH | F.ANY_PLATFORM);
  });
});

describe('package definition files: format 2.0', () => {
  it('reads a 2.0 example: package, MIF fields, both programs and their flags', () => {
    const def = parse(contoso);
    expect(def.format).toBe('2.0');
    expect(def.package).toEqual({
      name: 'Contoso Viewer',
      version: '3.1',
      publisher: 'Contoso Ltd',
      language: 'English',
      comment: 'Viewer for .cvw files',
      mifFileName: 'CVIEW31',
      mifName: 'Contoso Viewer',
      mifVersion: '3.1',
      mifPublisher: 'Contoso Ltd',
      containsNoFiles: false,
      icon: '',
    });
    const [install, uninstall] = def.programs;
    expect(install).toMatchObject({
      name: 'Per-system unattended',
      commandLine: 'msiexec /i cview.msi /qn',
      canRunWhen: 'whetherOrNot',
      userInputRequired: false,
      adminRightsRequired: true,
      estimatedDiskSpace: 40,
      estimatedDiskSpaceUnit: 'MB',
      estimatedRunTime: 10,
      afterRunning: 'configMgrRestarts',
      assignment: 'oncePerComputer',
      notes: [],
    });
    expect(install?.supportedClients).toEqual({
      restricted: true,
      clients: [{ name: 'Win NT (I386)', versionRanges: [{ minVersion: '5.10.0000.0', maxVersion: '5.10.9999.9999' }] }],
      platforms: ['winxp-x86'],
      unmapped: [],
    });
    expect(install?.programFlags).toBe(F.UNATTENDED | F.ADMINRIGHTS | F.OKTOREBOOT | F.USEUNCPATH);
    expect(uninstall?.programFlags).toBe(F.UNATTENDED | F.ADMINRIGHTS | F.USEUNCPATH | F.ANY_PLATFORM);
  });

  it('a program with no optional keys gets the console defaults: user logged on, user input, UNC, any platform', () => {
    const [p] = parse(minimal).programs;
    expect(p).toMatchObject({
      run: 'normal',
      afterRunning: 'noAction',
      canRunWhen: 'userLoggedOn',
      userInputRequired: true,
      adminRightsRequired: false,
      estimatedDiskSpace: null,
      estimatedRunTime: null,
      assignment: 'oncePerComputer',
      disabled: false,
      driveLetterConnection: false,
      dependentProgram: null,
    });
    expect(p?.programFlags).toBe(F.USERCONTEXT | F.USEUNCPATH | F.ANY_PLATFORM);
  });

  it('is case-insensitive in section names, keys and values, and trims `Key = Value` spacing and trailing spaces', () => {
    const def = parse(`[pdf]
VERSION = 2.0
[PACKAGE DEFINITION]
name = Spaced Out   \t
publisher=  Contoso
language =EN
PROGRAMS = install , Remove
[INSTALL]
NAME = install
commandline =   setup.exe /s   
canrunwhen = nouserloggedon
userinputrequired = TRUE
adminrightsrequired = false
RUN = HIDDEN
afterrunning = smslogoff
[remove]
Name=Remove
CommandLine=setup.exe /x
Disabled=tRuE
Assignment=everyuser
`);
    expect(def.package.name).toBe('Spaced Out');
    expect(def.package.publisher).toBe('Contoso');
    const [install, remove] = def.programs;
    expect(install).toMatchObject({ commandLine: 'setup.exe /s', canRunWhen: 'noUserLoggedOn', run: 'hidden', afterRunning: 'configMgrLogsOff' });
    // Forced by CanRunWhen=NoUserLoggedOn (docs/formats.md#rules-applied-on-import), and said so.
    expect(install).toMatchObject({ userInputRequired: false, adminRightsRequired: true });
    expect(install?.notes).toEqual([
      'UserInputRequired is forced to False because CanRunWhen=NoUserLoggedOn.',
      'AdminRightsRequired is forced to True because CanRunWhen=NoUserLoggedOn.',
    ]);
    expect(install?.programFlags).toBe(F.UNATTENDED | F.NOUSERLOGGEDIN | F.ADMINRIGHTS | F.OKTOLOGOFF | F.USEUNCPATH | F.HIDEWINDOW | F.ANY_PLATFORM);
    expect(remove).toMatchObject({ disabled: true, assignment: 'oncePerUser' });
    expect(remove?.programFlags).toBe(F.DISABLED | F.USERCONTEXT | F.EVERYUSER | F.USEUNCPATH | F.ANY_PLATFORM);
  });

  it('ignores comments, blank lines, lines before the first section, lines without "=", unknown keys and vendor sections', () => {
    const def = parse(`; exported by a vendor tool
stray=line before any section
[PDF]
Version=2.0
; a comment
   ;   an indented comment

[Package Definition]
Name=Commented
Publisher=P
Language=L
Programs=Go
NotAKey
FutureKey=whatever
[Go]
Name=Go
CommandLine=go.cmd ; not a comment: command lines keep their semicolons
RemoveProgram=True
[DetectionMethod]
MsiProductCode={00000000-0000-0000-0000-000000000000}
[Dependencies]
Name=
`);
    expect(def.package.name).toBe('Commented');
    expect(def.programs[0]?.commandLine).toBe('go.cmd ; not a comment: command lines keep their semicolons');
  });

  it('reads LF, CRLF and lone CR line ends alike, with the same line numbers', () => {
    const bad = minimal.replace('CommandLine=setup.exe /s', 'CommandLine=');
    const want = ['[Install] CommandLine (line 12): required, but empty'];
    expect(messages(bad)).toEqual(want);
    expect(messages(crlf(bad))).toEqual(want);
    expect(messages(utf8(bad.replace(/\n/g, '\r')))).toEqual(want);
    expect(parsePackageDefinition(crlf(minimal))).toEqual(parse(minimal));
  });

  it('reads UTF-8 with and without a BOM, Windows-1252 (é as one byte), and UTF-16 with a BOM', () => {
    const text = minimal.replace('Contoso Ltd', 'Société Générale');
    expect(parse(text).package.publisher).toBe('Société Générale');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(parsePackageDefinition(bom).package.publisher).toBe('Société Générale');
    const cp1252 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    expect(cp1252.filter((b) => b === 0xe9)).toHaveLength(4);
    expect(parsePackageDefinition(cp1252).package.publisher).toBe('Société Générale');
    // 0x80 is the euro sign in Windows-1252, and not valid UTF-8 on its own.
    const euro = Uint8Array.from(minimal.replace('Contoso Ltd', 'Price \x80 5'), (ch) => ch.charCodeAt(0));
    expect(parsePackageDefinition(euro).package.publisher).toBe('Price € 5');
    // A UTF-8 BOM in front of ANSI text (an editor's doing): read as Windows-1252, without the BOM.
    const mixed = new Uint8Array([0xef, 0xbb, 0xbf, ...cp1252]);
    expect(parsePackageDefinition(mixed).package.publisher).toBe('Société Générale');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(parsePackageDefinition(utf16).package.publisher).toBe('Société Générale');
  });

  it('takes the first of repeated sections and keys, as Windows does', () => {
    const def = parse(`${minimal}CommandLine=second.exe
[Install]
CommandLine=third.exe
`);
    expect(def.programs[0]?.commandLine).toBe('setup.exe /s');
  });

  it('maps SupportedClients to Courier platforms: whole platforms, ranges, several ranges, and names it cannot map', () => {
    const def = parse(`${minimal}SupportedClients=Win NT (I386),Win NT (x64), Win 9x (I386)
Win NT (I386) MinVersion1=5.10.0000.0
Win NT (I386) MaxVersion1=5.10.9999.9999
Win NT (I386) MinVersion2=6.10.0000.0
Win NT (I386) MaxVersion2=6.10.9999.9999
Win NT (I386) MinVersion3=5.00.2195.4
Win NT (I386) MaxVersion3=5.00.2195.4
`);
    const p = def.programs[0];
    expect(p?.supportedClients.platforms).toEqual([
      'win2000-x86',
      'winxp-x86',
      'winxp-x64',
      'win2003-x64',
      'vista-x64',
      'win2008-x64',
      'win7-x86',
      'win7-x64',
      'win2008r2-x64',
    ]);
    expect(p?.supportedClients.unmapped).toEqual(['Win 9x (I386)']);
    expect(p?.notes.join('\n')).toMatch(/5\.00\.2195\.4 is narrower than "All x86 Windows 2000"/);
    expect(p?.notes.join('\n')).toMatch(/No Courier platform matches Win 9x \(I386\); only the platforms that match are kept/);
    expect((p?.programFlags ?? 0) & F.ANY_PLATFORM).toBe(0);
  });

  it('reads disk space and run time in their written forms', () => {
    const sizes: [string, number | null, string][] = [
      ['38MB', 38, 'MB'],
      ['500 KB', 500, 'KB'],
      ['2gb', 2, 'GB'],
      ['1.5GB', 1536, 'MB'],
      ['120', 120, 'MB'],
      ['Unknown', null, 'MB'],
      ['', null, 'MB'],
    ];
    for (const [written, amount, unit] of sizes) {
      const p = parse(`${minimal}EstimatedDiskSpace=${written}\nEstimatedRunTime=720\n`).programs[0];
      expect([p?.estimatedDiskSpace, p?.estimatedDiskSpaceUnit, p?.estimatedRunTime]).toEqual([amount, unit, 720]);
    }
    expect(parse(`${minimal}EstimatedRunTime=unknown\n`).programs[0]?.estimatedRunTime).toBeNull();
  });

  it('connects a drive letter only with DriveLetterConnection=True, and notes settings it ignores', () => {
    const letter = parse(`${minimal}DriveLetterConnection=True\nSpecifyDrive=k:\nReconnectDriveAtLogon=True\n`).programs[0];
    expect(letter).toMatchObject({ driveLetterConnection: true, specifyDrive: 'K', reconnectDriveAtLogon: true });
    expect(letter?.programFlags).toBe(F.USERCONTEXT | F.PERSISTCONNECTION | F.ANY_PLATFORM);
    const unc = parse(`${minimal}SpecifyDrive=K\nReconnectDriveAtLogon=True\n`).programs[0];
    expect(unc).toMatchObject({ driveLetterConnection: false, specifyDrive: '', reconnectDriveAtLogon: false });
    expect(unc?.notes).toHaveLength(2);
  });

  it('forces Assignment to FirstUser unless UserLoggedOn, and drops UseInstallAccount without admin rights', () => {
    const p = parse(`${minimal}CanRunWhen=AnyUserStatus\nAssignment=EveryUser\n`).programs[0];
    expect(p?.assignment).toBe('oncePerComputer');
    expect(p?.notes).toContain('Assignment is forced to FirstUser because CanRunWhen=AnyUserStatus.');
    const q = parse(`${minimal}UseInstallAccount=True\n`).programs[0];
    expect(q?.useInstallAccount).toBe(false);
    expect(q?.notes[0]).toMatch(/UseInstallAccount is ignored/);
  });

  it('resolves DependentProgram to a program of the same file, by name or section, in any case', () => {
    const def = parse(`[PDF]
Version=2.0
[Package Definition]
Name=Deps
Publisher=P
Language=L
Programs=Prereq,Main
[Prereq]
Name=Runtime 2.0
CommandLine=runtime.exe
[Main]
Name=Main
CommandLine=main.exe
DependentProgram=runtime 2.0
`);
    expect(def.programs[1]?.dependentProgram).toBe('Runtime 2.0');
    const bySection = parse('[Package Definition]\nName=D\nPublisher=\nLanguage=\nPrograms=A,B\n[A]\nName=Alpha\nCommandLine=a\n[B]\nName=B\nCommandLine=b\nDependentProgram=a\n');
    expect(bySection.programs[1]?.dependentProgram).toBe('Alpha');
  });

  it('ContainsNoFiles and the package Icon are read', () => {
    const def = parse(minimal.replace('Programs=Install', 'Programs=Install\nContainsNoFiles=True\nIcon=app.ico'));
    expect(def.package).toMatchObject({ containsNoFiles: true, icon: 'app.ico' });
  });

  it('without [PDF], the keys tell the format', () => {
    expect(parse(minimal.replace('[PDF]\nVersion=2.0\n', '')).format).toBe('2.0');
    expect(parse('[Package Definition]\nProduct=Old\nSetupVariations=Typical\n[Typical Setup]\nCommandLine=setup.exe\n').format).toBe('1.0');
  });
});

describe('package definition files: SMS 1.x', () => {
  it('turns every setup variation into a program, with CommandName, UserInputRequired and the restart rule', () => {
    const def = parse(`[PDF]
Version=1.0
[Package Definition]
Product=Office 4.3
Version=4.3
Comment=Office for the desktops
SetupVariations=Typical, Custom,Uninstall
WorkstationAccess=UserRead,UserWrite
[Typical Setup]
CommandLine=setup.exe /q /b1
CommandName=Typical (unattended)
UserInputRequired=FALSE
SupportedPlatforms=Windows95, Windows NT 3.1 (x86)
[Custom Setup]
CommandLine=setup.exe
CommandName=Custom
UserInputRequired=TRUE
SynchronousSystemExitRequired=FALSE
[Uninstall Setup]
CommandLine=setup.exe /u /q
UserInputRequired=false
SynchronousSystemExitRequired=true
[Setup Package for Inventory]
InventoryThisPackage=TRUE
Detection Rule Part 1=File 1
[File 1]
FILE=WINWORD.EXE
`);
    expect(def.format).toBe('1.0');
    expect(def.package).toMatchObject({ name: 'Office 4.3', version: '4.3', comment: 'Office for the desktops' });
    expect(def.programs.map((p) => [p.name, p.userInputRequired, p.afterRunning])).toEqual([
      ['Typical (unattended)', false, 'noAction'],
      ['Custom', true, 'noAction'],
      ['Uninstall', false, 'programRestarts'],
    ]);
    expect(def.programs[0]?.supportedClients.unmapped).toEqual(['Windows95', 'Windows NT 3.1 (x86)']);
    expect(def.programs[1]?.programFlags).toBe(F.USERCONTEXT | F.USEUNCPATH | F.ANY_PLATFORM);
  });

  it('refuses a 1.x file without Product, a variation without its section and an empty CommandLine', () => {
    expect(messages('[PDF]\nVersion=1.0\n[Package Definition]\nProduct=\nSetupVariations=Typical,Full\n[Typical Setup]\nCommandLine=\n')).toEqual([
      '[Package Definition] Product (line 4): required, but empty',
      '[Package Definition] SetupVariations (line 5): "Full" has no [Full Setup] section',
      '[Typical Setup] CommandLine (line 7): required, but empty',
    ]);
  });
});

describe('package definition files: refused', () => {
  it('a missing required key names the section and where it starts', () => {
    expect(messages(minimal.replace('Publisher=Contoso Ltd\n', '').replace('CommandLine=setup.exe /s\n', ''))).toEqual([
      '[Package Definition] Publisher: required, but missing from the section (line 4)',
      '[Install] CommandLine: required, but missing from the section (line 9)',
    ]);
    expect(messages(minimal.replace('Programs=Install\n', ''))).toEqual(['[Package Definition] Programs: required, but missing from the section (line 4)']);
    expect(messages(minimal.replace('Programs=Install', 'Programs= , '))).toEqual(['[Package Definition] Programs (line 8): required, but empty']);
  });

  it('an empty Name= is refused with its line', () => {
    const error = failure(minimal.replace('Name=Contoso Viewer', 'Name=   '));
    expect(error.message).toBe('[Package Definition] Name (line 5): required, but empty');
    expect(error.field).toBe('[Package Definition].Name');
    expect(messages(minimal.replace('Name=Install', 'Name='))).toEqual(['[Install] Name (line 11): required, but empty']);
  });

  it('a Programs= entry without its section, and a program listed twice', () => {
    expect(messages(minimal.replace('Programs=Install', 'Programs=Install,Repair,install'))).toEqual([
      '[Package Definition] Programs (line 8): "Repair" has no [Repair] section',
      '[Package Definition] Programs (line 8): "install" is listed twice',
    ]);
  });

  it('two programs with the same Name', () => {
    expect(messages(`${minimal.replace('Programs=Install', 'Programs=Install,Again')}[Again]\nName=INSTALL\nCommandLine=x\n`)).toEqual([
      '[Again] Name (line 14): "INSTALL" is already the name of the program in [Install]',
    ]);
  });

  it('every limit: names, the command line and the start-in folder over their limit are refused, with the length given', () => {
    const long = (n: number) => 'x'.repeat(n);
    const text = `[Package Definition]
Name=${long(51)}
Publisher=
Language=
Programs=P
[P]
Name=${long(51)}
CommandLine=${long(128)}
StartIn=${long(128)}
DependentProgram=${long(51)}
`;
    expect(messages(text)).toEqual([
      '[Package Definition] Name (line 2): at most 50 characters, but 51 given',
      '[P] Name (line 7): at most 50 characters, but 51 given',
      '[P] CommandLine (line 8): at most 127 characters, but 128 given',
      '[P] StartIn (line 9): at most 127 characters, but 128 given',
      '[P] DependentProgram (line 10): at most 50 characters, but 51 given',
    ]);
    // Exactly at the limits is fine.
    expect(parse(minimal.replace('Name=Contoso Viewer', `Name=${long(50)}`).replace('setup.exe /s', long(127))).package.name).toHaveLength(50);
  });

  it('values that are not among the allowed words, with what was given', () => {
    expect(
      messages(`${minimal}Run=Fullscreen\nAfterRunning=Reboot\nCanRunWhen=Always\nUserInputRequired=maybe\nAssignment=Everyone\nEstimatedDiskSpace=lots\nEstimatedRunTime=721\nSpecifyDrive=KL\n`),
    ).toEqual([
      '[Install] Run (line 13): Normal, Minimized, Maximized or Hidden, but "Fullscreen" given',
      '[Install] AfterRunning (line 14): NoAction, SMSRestart, ProgramRestart or SMSLogoff, but "Reboot" given',
      '[Install] CanRunWhen (line 15): UserLoggedOn, NoUserLoggedOn or AnyUserStatus, but "Always" given',
      '[Install] UserInputRequired (line 16): True or False, but "maybe" given',
      '[Install] Assignment (line 17): FirstUser or EveryUser, but "Everyone" given',
      '[Install] EstimatedDiskSpace (line 18): a size such as 38MB or 500KB, or Unknown, but "lots" given',
      '[Install] EstimatedRunTime (line 19): whole minutes from 1 to 720, or Unknown, but "721" given',
      '[Install] SpecifyDrive (line 20): one drive letter from A to Z, but "KL" given',
    ]);
    expect(messages(`${minimal}EstimatedDiskSpace=1000000KB\n`)).toEqual(['[Install] EstimatedDiskSpace (line 13): at most 999999 KB, but "1000000KB" given']);
  });

  it('a DependentProgram that is not in the file, that names itself, or that loops', () => {
    expect(messages(`${minimal}DependentProgram=Prereq\n`)).toEqual(['[Install] DependentProgram (line 13): "Prereq" is not a program of this file']);
    expect(messages(`${minimal}DependentProgram=install\n`)).toEqual(['[Install] DependentProgram (line 13): a program cannot run itself first']);
    const loop = `[Package Definition]\nName=L\nPublisher=\nLanguage=\nPrograms=A,B\n[A]\nName=A\nCommandLine=a\nDependentProgram=B\n[B]\nName=B\nCommandLine=b\nDependentProgram=A\n`;
    expect(messages(loop)).toEqual([
      '[A] DependentProgram (line 9): the programs to run first form a loop through "B"',
      '[B] DependentProgram (line 13): the programs to run first form a loop through "A"',
    ]);
  });

  it('an unknown [PDF] Version refuses the whole file, without repeating the version or reading further', () => {
    const error = failure(`${minimal.replace('Version=2.0', 'Version=3.0')}Run=Fullscreen\n`);
    expect([error.message, error.field, error.issues]).toEqual(['[PDF] Version (line 2): 1.0 or 2.0, but another version is given.', '[PDF].Version', undefined]);
  });

  it('a text file that is not a package definition, and an empty file', () => {
    expect(failure('Just some notes\n[Other]\nA=B\n').message).toBe('This is not a package definition file: it has no [Package Definition] section.');
    expect(failure(new Uint8Array(0)).message).toMatch(/empty/);
  });

  it('binary files: NUL bytes, control characters, an MSI header', () => {
    expect(failure(new Uint8Array([0x5b, 0x50, 0x44, 0x46, 0x5d, 0x00, 0x0a])).message).toMatch(/binary file \(it contains NUL bytes\)/);
    expect(failure(utf8('[PDF]\nVersion=2.0\x1b[0m\n')).message).toBe('This is not a text file (control character U+001B on line 2).');
    expect(failure(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00])).message).toMatch(/binary/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(failure(random).message).toMatch(/binary|not a text file/);
  });

  it('a file over 1 MiB is refused before it is decoded, at once, even at 50 MB', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const started = performance.now();
    expect(failure(big).message).toBe(`This file is ${big.length} bytes; a package definition file is at most ${maxDefinitionBytes} bytes.`);
    expect(performance.now() - started).toBeLessThan(50);
    expect(failure(new Uint8Array(maxDefinitionBytes + 1).fill(0x20)).message).toMatch(/at most 1048576 bytes/);
  });

  it('too many sections or programs are refused at once, with the line', () => {
    const sections = Array.from({ length: maxSections + 1 }, (_, i) => `[S${i}]`).join('\n');
    expect(failure(`[Package Definition]\n${sections}`).message).toBe(`Too many sections (more than ${maxSections}, line ${maxSections + 1}); this is not a package definition file.`);
    const names = Array.from({ length: maxPrograms + 1 }, (_, i) => `P${i}`).join(',');
    expect(failure(minimal.replace('Programs=Install', `Programs=${names}`)).message).toBe(
      `[Package Definition] Programs (line 8): at most ${maxPrograms} programs, but ${maxPrograms + 1} listed`,
    );
  });

  it('a hostile 1 MiB single line, and a million "=" lines, end quickly', () => {
    const started = performance.now();
    failure(utf8(`[Package Definition]\nName=${'x'.repeat(maxDefinitionBytes - 30)}`));
    failure(utf8(`[Package Definition]\n${'=\n'.repeat(500_000)}`));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
