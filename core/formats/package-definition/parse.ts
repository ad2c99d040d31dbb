import { CourierError } from '../../api';
import { parseIni, type IniDocument } from './ini';
import { checkDependencies, finishProgram, maxPrograms, readProgram20, type ProgramDraft } from './programs';
import { commaList, Issues, SectionReader } from './reader';
import { readSupportedClients } from './platforms';
import { decodeDefinitionText, maxDefinitionBytes } from './text';
import type { PackageDefinition, PackageDefinitionPackage, PackageDefinitionProgram } from './types';

export interface ParseOptions {
  /** Refuse larger files before decoding them (default 1 MiB). */
  readonly maxBytes?: number;
}

/**
 * Reads a package definition file (.sms or .pdf), either format (sccm-formats §1). Pure: the
 * caller reads the bytes (core/content/package-definition-file.ts does, bounded). Every problem
 * in the file is reported at once in one CourierError('VALIDATION_FAILED'): its message is the
 * first problem (`[INSTALL] CommandLine (line 14): required, but empty`), its issues all of them.
 */
export function parsePackageDefinition(bytes: Uint8Array, options: ParseOptions = {}): PackageDefinition {
  const text = decodeDefinitionText(bytes, options.maxBytes ?? maxDefinitionBytes);
  const doc = parseIni(text);
  const issues = new Issues();
  const format = formatOf(doc, issues);
  const definition = format === '1.0' ? read10(doc, issues) : read20(doc, issues);
  if (issues.list.length > 0) {
    const [first, ...rest] = issues.list;
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
    throw new CourierError('VALIDATION_FAILED', `${first?.message ?? ''}${more}`, first?.field, issues.list);
  }
  return definition;
}

function packageSection(doc: IniDocument): SectionReader {
  const section = doc.sections.get('package definition');
  if (!section) {
    throw new CourierError(
      'VALIDATION_FAILED',
      'This is not a package definition file: it has no [Package Definition] section.',
      '[Package Definition]',
    );
  }
  return new SectionReader(section, new Issues());
}

/** [PDF] Version=2.0 or 1.0; without it (SMS 2.0 help calls it optional) the keys tell. */
function formatOf(doc: IniDocument, issues: Issues): '2.0' | '1.0' {
  const pdf = doc.sections.get('pdf');
  const version = pdf?.entries.get('version');
  if (pdf && version && version.value !== '') {
    if (/^2(\.0*)?$/.test(version.value)) return '2.0';
    if (/^1(\.0*)?$/.test(version.value)) return '1.0';
    issues.add(pdf.name, version.key, version.line, `1.0 or 2.0, but "${version.value}" given`);
    return '2.0';
  }
  const pd = packageSection(doc).section.entries;
  return !pd.has('name') && (pd.has('product') || pd.has('setupvariations')) ? '1.0' : '2.0';
}

/** Program sections named by a comma list; each named section must exist, once. */
function programSections(doc: IniDocument, pd: SectionReader, key: string, sectionName: (entry: string) => string, issues: Issues) {
  const entry = pd.entry(key);
  const names = commaList(entry?.value ?? '');
  if (names.length > maxPrograms) {
    throw new CourierError(
      'VALIDATION_FAILED',
      `[${pd.name}] ${entry?.key ?? key} (line ${entry?.line ?? pd.section.line}): at most ${maxPrograms} programs, but ${names.length} listed`,
      `[${pd.name}].${key}`,
    );
  }
  if (entry && names.length === 0) issues.add(pd.name, entry.key, entry.line, 'required, but empty');
  const seen = new Set<string>();
  const found: SectionReader[] = [];
  for (const name of names) {
    const wanted = sectionName(name);
    if (seen.has(wanted.toLowerCase())) {
      issues.add(pd.name, entry?.key ?? key, entry?.line ?? null, `"${name}" is listed twice`);
      continue;
    }
    seen.add(wanted.toLowerCase());
    const section = doc.sections.get(wanted.toLowerCase());
    if (!section) {
      issues.add(pd.name, entry?.key ?? key, entry?.line ?? null, `"${name}" has no [${wanted}] section`);
      continue;
    }
    found.push(new SectionReader(section, issues));
  }
  return found;
}

function finishAll(drafts: { draft: ProgramDraft; notes: string[]; reader: SectionReader }[], issues: Issues): PackageDefinitionProgram[] {
  const programs: PackageDefinitionProgram[] = [];
  const names = new Map<string, string>();
  for (const { draft, notes, reader } of drafts) {
    const previous = names.get(draft.name.toLowerCase());
    if (draft.name !== '' && previous !== undefined) {
      const e = reader.entry('Name') ?? reader.entry('CommandName');
      reader.problem(e?.key ?? 'Name', e?.line ?? null, `"${draft.name}" is already the name of the program in [${previous}]`);
    }
    names.set(draft.name.toLowerCase(), draft.section);
    programs.push(finishProgram(draft, notes, (key) => reader.entry(key)?.value));
  }
  const readers = new Map(drafts.map((d) => [d.draft.section, d.reader]));
  return checkDependencies(programs, issues, (p) => readers.get(p.section)?.entry('DependentProgram')?.line ?? null);
}

function read20(doc: IniDocument, issues: Issues): PackageDefinition {
  const pd = new SectionReader(packageSection(doc).section, issues);
  const pkg: PackageDefinitionPackage = {
    name: pd.required('Name', 50, true),
    version: pd.text('Version', 32),
    // Required keys in SCCM 2007's table; their values may be empty, as in the console's wizard.
    publisher: pd.required('Publisher', 32, false),
    language: pd.required('Language', 32, false),
    comment: pd.text('Comment', 127),
    mifFileName: pd.text('MIFFileName', 50),
    mifName: pd.text('MIFName', 50),
    mifVersion: pd.text('MIFVersion', 32),
    mifPublisher: pd.text('MIFPublisher', 32),
    containsNoFiles: pd.bool('ContainsNoFiles', false),
    icon: pd.text('Icon', 260),
  };
  if (!pd.entry('Programs')) pd.required('Programs', Infinity, true);
  const sections = programSections(doc, pd, 'Programs', (name) => name, issues);
  const drafts = sections.map((reader) => ({ ...readProgram20(reader), reader }));
  return { format: '2.0', package: pkg, programs: finishAll(drafts, issues) };
}

/**
 * SMS 1.x (sccm-formats §1.5): each `SetupVariations` entry is a `[<Variation> Setup]` section and
 * becomes one program named by its CommandName (the variation's name when CommandName is absent).
 * 1.x programs ran in the logged-on user's context: UserLoggedOn, user rights, UNC path.
 * SynchronousSystemExitRequired=TRUE means the setup restarts Windows itself (ProgramRestart).
 */
function read10(doc: IniDocument, issues: Issues): PackageDefinition {
  const pd = new SectionReader(packageSection(doc).section, issues);
  const pkg: PackageDefinitionPackage = {
    name: pd.required('Product', 50, true),
    version: pd.text('Version', 32),
    publisher: '',
    language: '',
    comment: pd.text('Comment', 127),
    mifFileName: '',
    mifName: '',
    mifVersion: '',
    mifPublisher: '',
    containsNoFiles: false,
    icon: '',
  };
  if (!pd.entry('SetupVariations')) pd.required('SetupVariations', Infinity, true);
  const sections = programSections(doc, pd, 'SetupVariations', (variation) => `${variation} Setup`, issues);
  const drafts = sections.map((r) => {
    const notes: string[] = [];
    const variation = r.name.replace(/\s+setup$/i, '');
    const draft: ProgramDraft = {
      section: r.name,
      line: r.section.line,
      name: r.text('CommandName', 50) || variation.slice(0, 50),
      commandLine: r.required('CommandLine', 127, true),
      startIn: '',
      comment: '',
      icon: '',
      run: 'normal',
      afterRunning: r.bool('SynchronousSystemExitRequired', false) ? 'programRestarts' : 'noAction',
      canRunWhen: 'userLoggedOn',
      userInputRequired: r.bool('UserInputRequired', true),
      adminRightsRequired: false,
      useInstallAccount: false,
      estimatedDiskSpace: null,
      estimatedDiskSpaceUnit: 'MB',
      estimatedRunTime: null,
      supportedClients: readSupportedClients(r.section, r.text('SupportedPlatforms', 4000), notes),
      dependentProgram: null,
      assignment: 'oncePerComputer',
      disabled: false,
      driveLetterConnection: false,
      specifyDrive: '',
      reconnectDriveAtLogon: false,
      additionalProgramRequirements: '',
    };
    return { draft, notes, reader: r };
  });
  return { format: '1.0', package: pkg, programs: finishAll(drafts, issues) };
}
