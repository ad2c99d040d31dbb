import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computerProgramSettingsSchema, packageSettingsSchema, ProgramFlags as F } from '../../api';
import { programFlagsOf } from '../../domain/program-flags';
import { parsePackageDefinition, programCreationOrder, toPackageSettings, toProgramSettings } from '.';

const assets = fileURLToPath(new URL('../../../assets/package-definitions/', import.meta.url));
const parse = (text: string) => parsePackageDefinition(new TextEncoder().encode(text));

const everything = `[PDF]
Version=2.0
[Package Definition]
Name=Everything
Version=9
Publisher=Contoso
Language=EN
Comment=All keys
MIFFileName=EVERY
MIFName=Everything
MIFVersion=9
MIFPublisher=Contoso
Programs=Runtime,Main,Desktop
[Runtime]
Name=Runtime
CommandLine=runtime.exe /q
CanRunWhen=AnyUserStatus
UseInstallAccount=True
SupportedClients=Win NT (x64)
[Main]
Name=Main
CommandLine=main.exe /q
StartIn=bin
Comment=The application
Run=Maximized
AfterRunning=ProgramRestart
CanRunWhen=NoUserLoggedOn
EstimatedDiskSpace=1.5GB
EstimatedRunTime=30
AdditionalProgramRequirements=Close Outlook first
DependentProgram=Runtime
DriveLetterConnection=True
SpecifyDrive=P
ReconnectDriveAtLogon=True
Disabled=True
[Desktop]
Name=Desktop
CommandLine=desktop.exe
Assignment=EveryUser
DriveLetterConnection=True
UserInputRequired=True
`;

describe('package definitions to the contract settings', () => {
  it('every program maps to settings the contract accepts, with the same ProgramFlags', () => {
    const def = parse(everything);
    for (const program of def.programs) {
      const settings = toProgramSettings(program, 'CCM00001');
      expect(computerProgramSettingsSchema.parse(settings)).toEqual(settings);
      expect(programFlagsOf(settings)).toBe(program.programFlags);
    }
    const [runtime, main, desktop] = def.programs.map((p) => toProgramSettings(p, 'CCM00001'));
    expect(runtime).toMatchObject({ canRunWhen: 'whetherOrNot', runMode: 'adminRights', useInstallAccount: true, anyPlatform: false });
    expect(runtime?.platforms).toEqual(['winxp-x64', 'win2003-x64', 'vista-x64', 'win2008-x64', 'win7-x64', 'win2008r2-x64']);
    expect(main).toMatchObject({
      startIn: 'bin',
      comment: 'The application',
      run: 'maximized',
      afterRunning: 'programRestarts',
      canRunWhen: 'noUserLoggedOn',
      runMode: 'adminRights',
      allowUserInteraction: false,
      estimatedDiskSpace: 1536,
      diskSpaceUnit: 'MB',
      maximumRunTime: 30,
      additionalRequirements: 'Close Outlook first',
      runFirst: { packageId: 'CCM00001', programName: 'Runtime' },
      driveMode: 'specificDriveLetter',
      driveLetter: 'P',
      reconnectAtLogon: true,
      disabled: true,
      // Not in a definition file: the console's defaults.
      msiFilePath: '',
      suppressNotifications: false,
    });
    expect(desktop).toMatchObject({ assignment: 'oncePerUser', driveMode: 'driveLetter', driveLetter: '', allowUserInteraction: true, runMode: 'userRights' });
    expect(def.programs[2]?.programFlags).toBe(F.USERCONTEXT | F.EVERYUSER | F.ANY_PLATFORM);
  });

  it('the package maps to settings the contract accepts; custom MIF matching when MIF fields are given', () => {
    const def = parse(everything);
    const withoutFiles = toPackageSettings(def);
    expect(packageSettingsSchema.parse(withoutFiles)).toEqual(withoutFiles);
    expect(withoutFiles).toMatchObject({ name: 'Everything', version: '9', publisher: 'Contoso', language: 'EN', comment: 'All keys', containsSourceFiles: false, mifMatching: 'customFields', mifName: 'Everything' });
    const withFiles = toPackageSettings(def, { sourceDirectory: '\\\\fs\\sources\\everything' });
    expect(packageSettingsSchema.parse(withFiles)).toMatchObject({ containsSourceFiles: true, sourceDirectory: '\\\\fs\\sources\\everything', sendingPriority: 'medium' });
    const plain = toPackageSettings(parse('[Package Definition]\nName=Plain\nPublisher=\nLanguage=\nPrograms=P\n[P]\nName=P\nCommandLine=p\n'));
    expect(plain.mifMatching).toBe('packageProperties');
    expect(packageSettingsSchema.safeParse(plain).success).toBe(true);
  });

  it('creates the program to run first before the program that needs it', () => {
    const def = parse(everything.replace('Programs=Runtime,Main,Desktop', 'Programs=Main,Desktop,Runtime'));
    expect(programCreationOrder(def).map((p) => p.name)).toEqual(['Runtime', 'Main', 'Desktop']);
  });
});

describe('the built-in definitions in assets/package-definitions', () => {
  const files = readdirSync(assets).filter((f) => /\.(sms|pdf)$/i.test(f));

  it('are there: the client agent in both formats', () => {
    expect(files.sort()).toEqual(['courier-client-agent-sms1x.pdf', 'courier-client-agent.sms']);
  });

  it.each(files)('%s parses clean, without notes, into settings the contract accepts', (file) => {
    const def = parsePackageDefinition(readFileSync(`${assets}${file}`));
    expect(packageSettingsSchema.safeParse(toPackageSettings(def)).success).toBe(true);
    for (const program of def.programs) {
      expect(program.notes).toEqual([]);
      expect(computerProgramSettingsSchema.safeParse(toProgramSettings(program, 'CCM00001')).success).toBe(true);
    }
  });

  it('courier-client-agent.sms installs and uninstalls silently with administrative rights, whether or not a user is logged on', () => {
    const def = parsePackageDefinition(readFileSync(`${assets}courier-client-agent.sms`));
    expect(def.package.name).toBe('Courier Client Agent');
    expect(def.programs.map((p) => p.name)).toEqual(['Per-system unattended', 'Uninstall']);
    for (const p of def.programs) {
      expect(p).toMatchObject({ canRunWhen: 'whetherOrNot', userInputRequired: false, adminRightsRequired: true, run: 'hidden' });
      expect(p.programFlags & (F.UNATTENDED | F.ADMINRIGHTS | F.HIDEWINDOW)).toBe(F.UNATTENDED | F.ADMINRIGHTS | F.HIDEWINDOW);
      expect(p.programFlags & (F.USERCONTEXT | F.NOUSERLOGGEDIN)).toBe(0);
    }
    expect(def.programs[0]?.supportedClients.platforms).toContain('win7-x64');
  });
});
