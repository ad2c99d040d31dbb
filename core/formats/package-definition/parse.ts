import { CourierError, foldNoCase, truncateText } from '../../api';
import { parseIni, type IniDocument, type IniSection } from './ini';
import { checkDependencies, finishProgram, maxClientList, maxPrograms, readProgram20, type ProgramDraft } from './programs';
import { commaList, Issues, SectionReader, shown } from './reader';
import { readSupportedClients } from './platforms';
import { decodeDefinitionText, maxDefinitionBytes } from './text';
import type { PackageDefinition, PackageDefinitionPackage, PackageDefinitionProgram } from './types';

export interface ParseOptions {
  /** Refuse larger files before decoding them (default 1 MiB). */
  readonly maxBytes?: number;
}

/** Findings of one read: problems refuse the file, warnings (values cut to their limit) do not. */
interface Findings {
  readonly issues: Issues;
  readonly warnings: Issues;
}

/**
 * Reads a package definition file (.sms or .pdf), either format (docs/formats.md#package-definition-files). Pure: the
 * caller reads the bytes (core/content/package-definition-file.ts does, bounded). Every problem
 * in the file is reported at once in one CourierError('VALIDATION_FAILED'): its message is the
 * first problem (`[INSTALL] CommandLine (line 14): required, but empty`), its issues all of them.
 * A file that is not a package definition at all is refused with a message that quotes nothing
 * of it: any file on the site server can be named, and its content is not the caller's to read.
 */
export function parsePackageDefinition(bytes: Uint8Array, options: ParseOptions = {}): PackageDefinition {
  const text = decodeDefinitionText(bytes, options.maxBytes ?? maxDefinitionBytes);
  const doc = parseIni(text);
  const format = formatOf(doc);
  const findings: Findings = { issues: new Issues(), warnings: new Issues() };
  const definition = format === '1.0' ? read10(doc, findings) : read20(doc, findings);
  const issues = findings.issues.list;
  if (issues.length > 0) {
    const [first, ...rest] = issues;
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
    throw new CourierError('VALIDATION_FAILED', `${first?.message ?? ''}${more}`, first?.field, issues);
  }
  return { ...definition, warnings: findings.warnings.list.map((w) => w.message) };
}

function notADefinition(why: string, field = 'packageDefinition'): never {
  throw new CourierError('VALIDATION_FAILED', `This is not a package definition file: ${why}.`, field);
}

function packageSection(doc: IniDocument): IniSection {
  return doc.sections.get('package definition') ?? notADefinition('it has no [Package Definition] section', '[Package Definition]');
}

/**
 * [PDF] Version=2.0 or 1.0; without it (SMS 2.0 help calls it optional) the keys tell. A file is
 * read as a definition only when it has a [Package Definition] section and either a [PDF] section
 * of a known version or, without [PDF], a Name or Product key; otherwise it is refused whole.
 */
function formatOf(doc: IniDocument): '2.0' | '1.0' {
  const pd = packageSection(doc).entries;
  const pdf = doc.sections.get('pdf');
  const version = pdf?.entries.get('version');
  if (pdf && version && version.value !== '') {
    if (/^2(\.0*)?$/.test(version.value)) return '2.0';
    if (/^1(\.0*)?$/.test(version.value)) return '1.0';
    // An unknown format: nothing else of the file is read, and its value is not repeated.
    throw new CourierError('VALIDATION_FAILED', `[PDF] Version (line ${version.line}): 1.0 or 2.0, but another version is given.`, '[PDF].Version');
  }
  if (!pdf && !pd.has('name') && !pd.has('product')) {
    notADefinition('it has no [PDF] section, and its [Package Definition] section has neither Name nor Product');
  }
  return !pd.has('name') && (pd.has('product') || pd.has('setupvariations')) ? '1.0' : '2.0';
}

/** Program sections named by a comma list; each named section must exist, once. */
function programSections(doc: IniDocument, pd: SectionReader, key: string, sectionName: (entry: string) => string, findings: Findings) {
  const { issues } = findings;
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
    const folded = foldNoCase(wanted);
    if (seen.has(folded)) {
      issues.add(pd.name, entry?.key ?? key, entry?.line ?? null, `${shown(name)} is listed twice`);
      continue;
    }
    seen.add(folded);
    const section = doc.sections.get(folded);
    if (!section) {
      issues.add(pd.name, entry?.key ?? key, entry?.line ?? null, `${shown(name)} has no [${shown(wanted, 60, false)}] section`);
      continue;
    }
    found.push(new SectionReader(section, issues, findings.warnings));
  }
  return found;
}

function finishAll(drafts: { draft: ProgramDraft; notes: string[]; reader: SectionReader }[], issues: Issues): PackageDefinitionProgram[] {
  const programs: PackageDefinitionProgram[] = [];
  // Program names are unique as the site database compares them (NOCASE).
  const names = new Map<string, string>();
  for (const { draft, notes, reader } of drafts) {
    const previous = names.get(foldNoCase(draft.name));
    if (draft.name !== '' && previous !== undefined) {
      const e = reader.entry('Name') ?? reader.entry('CommandName');
      reader.problem(e?.key ?? 'Name', e?.line ?? null, `${shown(draft.name)} is already the name of the program in [${shown(previous, 60, false)}]`);
    }
    names.set(foldNoCase(draft.name), draft.section);
    programs.push(finishProgram(draft, notes, (key) => reader.entry(key)?.value));
  }
  const readers = new Map(drafts.map((d) => [d.draft.section, d.reader]));
  return checkDependencies(programs, issues, (p) => readers.get(p.section)?.entry('DependentProgram')?.line ?? null);
}

type Read = Omit<PackageDefinition, 'warnings'>;

function read20(doc: IniDocument, findings: Findings): Read {
  const pd = new SectionReader(packageSection(doc), findings.issues, findings.warnings);
  const pkg: PackageDefinitionPackage = {
    name: pd.required('Name', 50, true),
    version: pd.text('Version', 32),
    // Required keys in SCCM 2007's table; their values may be empty, as in the console's wizard.
    publisher: pd.required('Publisher', 32, false, 'truncate'),
    language: pd.required('Language', 32, false, 'truncate'),
    comment: pd.text('Comment', 127),
    mifFileName: pd.text('MIFFileName', 50),
    mifName: pd.text('MIFName', 50),
    mifVersion: pd.text('MIFVersion', 32),
    mifPublisher: pd.text('MIFPublisher', 32),
    containsNoFiles: pd.bool('ContainsNoFiles', false),
    icon: pd.text('Icon', 260),
  };
  if (!pd.entry('Programs')) pd.required('Programs', Infinity, true);
  const sections = programSections(doc, pd, 'Programs', (name) => name, findings);
  const drafts = sections.map((reader) => ({ ...readProgram20(reader), reader }));
  return { format: '2.0', package: pkg, programs: finishAll(drafts, findings.issues) };
}

/**
 * SMS 1.x (docs/formats.md#sms-1x): each `SetupVariations` entry is a `[<Variation> Setup]` section and
 * becomes one program named by its CommandName (the variation's name when CommandName is absent).
 * 1.x programs ran in the logged-on user's context: UserLoggedOn, user rights, UNC path.
 * SynchronousSystemExitRequired=TRUE means the setup restarts Windows itself (ProgramRestart).
 */
function read10(doc: IniDocument, findings: Findings): Read {
  const pd = new SectionReader(packageSection(doc), findings.issues, findings.warnings);
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
  const sections = programSections(doc, pd, 'SetupVariations', (variation) => `${variation} Setup`, findings);
  const drafts = sections.map((r) => {
    const notes: string[] = [];
    const variation = r.name.replace(/\s+setup$/i, '');
    let name = r.text('CommandName', 50, 'refuse');
    if (name === '') {
      name = truncateText(variation, 50);
      if (name !== variation) r.warning('CommandName', null, 'not given; the program is named after its variation, cut to its first 50 characters');
    }
    const draft: ProgramDraft = {
      section: r.name,
      line: r.section.line,
      name,
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
      supportedClients: readSupportedClients(r.section, r.text('SupportedPlatforms', maxClientList, 'refuse'), notes),
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
  return { format: '1.0', package: pkg, programs: finishAll(drafts, findings.issues) };
}
