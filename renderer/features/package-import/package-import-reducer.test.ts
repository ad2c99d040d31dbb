import { describe, expect, it } from 'vitest';
import type { DefinitionPreviewDto, DefinitionSource, MsiInfoDto, PackageImportedDto } from '../../../core/api';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  initialPackageImportState,
  packageImportReducer,
  pageProblem,
  pagesOf,
  type PackageImportAction,
  type PackageImportState,
} from './package-import-reducer';

function run(...actions: PackageImportAction[]): PackageImportState {
  return actions.reduce(packageImportReducer, initialPackageImportState);
}

const agent: DefinitionSource = { kind: 'builtIn', id: 'courier-client-agent.sms' };
const msiPath: DefinitionSource = { kind: 'file', path: '/srv/apps/reader/reader.msi' };

function preview(changes: Partial<DefinitionPreviewDto['package']> = {}, msi: MsiInfoDto | null = null, suggested = ''): DefinitionPreviewDto {
  return {
    format: msi ? 'msi' : '2.0',
    package: { name: 'Courier Client Agent', version: '0.1', publisher: 'Courier Project', language: 'ALL', comment: '', containsNoFiles: false, ...changes },
    programs: [{ name: 'Per-system unattended', commandLine: 'msiexec.exe /i CourierClient.msi /qn' }],
    msi,
    suggestedSourceDirectory: suggested,
    notes: [],
    warnings: [],
  };
}

const msiInfo: MsiInfoDto = {
  productCode: '{11111111-2222-3333-4444-555555555555}',
  productName: 'Reader',
  productVersion: '1.0',
  manufacturer: 'Contoso',
  upgradeCode: '',
  productLanguage: '1033',
};

const readAgent: PackageImportAction[] = [
  { type: 'choose', source: agent },
  { type: 'readSucceeded', source: agent, preview: preview() },
];
const next: PackageImportAction = { type: 'next' };
const imported = { package: { packageId: 'A0100001', name: 'Courier Client Agent' }, programs: [] } as unknown as PackageImportedDto;

describe('page order', () => {
  it('follows the Create Package From Definition Wizard\'s page order: Package Definition, Source Files, Source Directory, Summary, Confirmation', () => {
    expect(pagesOf(run(...readAgent))).toEqual(['definition', 'sourceFiles', 'sourceDirectory', 'summary', 'confirmation']);
  });

  it('skips Source Directory when the package contains no source files', () => {
    let state = run(...readAgent, next, { type: 'setSourceFiles', mode: 'none' });
    expect(pagesOf(state)).toEqual(['definition', 'sourceFiles', 'summary', 'confirmation']);
    state = packageImportReducer(state, next);
    expect(state.page).toBe('summary');
    expect(packageImportReducer(state, { type: 'previous' }).page).toBe('sourceFiles');
  });

  it('walks Source Directory when files are chosen, and Summary does not move on Next', () => {
    let state = run(...readAgent, next, { type: 'setSourceFiles', mode: 'compressed' }, next);
    expect(state.page).toBe('sourceDirectory');
    state = packageImportReducer(packageImportReducer(state, { type: 'setSourceDirectory', path: '\\\\srv\\src\\agent' }), next);
    expect(state.page).toBe('summary');
    expect(packageImportReducer(state, next)).toBe(state);
  });
});

describe('Package Definition page', () => {
  it('keeps Next disabled until a definition is read', () => {
    expect(canGoNext(run())).toBe(false);
    expect(pageProblem(run())).toMatch(/Select a package definition/);
    const reading = run({ type: 'choose', source: agent });
    expect(canGoNext(reading)).toBe(false);
    expect(pageProblem(reading)).toBe('Reading the package definition…');
    expect(canGoNext(run(...readAgent))).toBe(true);
  });

  it('stays blocked when the definition cannot be read', () => {
    const bad: DefinitionSource = { kind: 'file', path: '/srv/bad.sms' };
    const state = run(
      { type: 'choose', source: bad },
      { type: 'readFailed', source: bad, error: { code: 'VALIDATION_FAILED', message: '[Package Definition] Name (line 5): required, but empty' } },
    );
    expect(state.read.kind).toBe('failed');
    expect(canGoNext(state)).toBe(false);
    expect(packageImportReducer(state, next).page).toBe('definition');
  });

  it('drops an answer for a definition the user has since left', () => {
    const state = run({ type: 'choose', source: agent }, { type: 'choose', source: msiPath });
    expect(packageImportReducer(state, { type: 'readSucceeded', source: agent, preview: preview() })).toBe(state);
  });

  it('preselects "does not contain any source files" for a definition without files', () => {
    const state = run({ type: 'choose', source: agent }, { type: 'readSucceeded', source: agent, preview: preview({ containsNoFiles: true }) });
    expect(state.sourceFiles).toBe('none');
  });

  it('preselects "Always obtain files" and the MSI\'s folder for an MSI', () => {
    const state = run({ type: 'choose', source: msiPath }, { type: 'readSucceeded', source: msiPath, preview: preview({}, msiInfo, '/srv/apps/reader') });
    expect(state.sourceFiles).toBe('direct');
    expect(state.sourceDirectory).toBe('/srv/apps/reader');
  });

  it('keeps the admin\'s Source Files choice when the same definition is read again', () => {
    const state = run(...readAgent, { type: 'setSourceFiles', mode: 'none' }, { type: 'choose', source: agent, reread: true }, { type: 'readSucceeded', source: agent, preview: preview() });
    expect(state.sourceFiles).toBe('none');
  });
});

describe('Source Directory page and Summary', () => {
  it('needs a source directory', () => {
    const state = run(...readAgent, next, next);
    expect(state.page).toBe('sourceDirectory');
    expect(canGoNext(state)).toBe(false);
    expect(canJumpToSummary(state)).toBe(false);
    expect(canGoNext(packageImportReducer(state, { type: 'setSourceDirectory', path: '/srv/src' }))).toBe(true);
  });

  it('jumps to Summary once everything is set, and the rail goes back only', () => {
    expect(canJumpToSummary(run(...readAgent))).toBe(false);
    const state = run(...readAgent, { type: 'setSourceFiles', mode: 'none' });
    expect(canJumpToSummary(state)).toBe(true);
    const summary = packageImportReducer(state, { type: 'summary' });
    expect(summary.page).toBe('summary');
    expect(canJumpToPage(summary, 'definition')).toBe(true);
    expect(canJumpToPage(state, 'summary')).toBe(false);
  });
});

describe('creating', () => {
  const atSummary = () => run(...readAgent, { type: 'setSourceFiles', mode: 'none' }, { type: 'summary' });

  it('locks the wizard while creating and shows the outcome', () => {
    const creating = packageImportReducer(atSummary(), { type: 'createStarted' });
    expect(creating.submission.kind).toBe('creating');
    expect(canGoBack(creating)).toBe(false);
    expect(packageImportReducer(creating, { type: 'setSourceFiles', mode: 'direct' })).toBe(creating);
    const done = packageImportReducer(creating, { type: 'createSucceeded', result: imported });
    expect(done.page).toBe('confirmation');
    expect(canGoBack(done)).toBe(false);
  });

  it('goes back to the page that can fix a failure and shows the problem there', () => {
    let state = run(...readAgent, next, next, { type: 'setSourceDirectory', path: '/srv/none' }, { type: 'summary' }, { type: 'createStarted' });
    state = packageImportReducer(state, {
      type: 'createFailed',
      error: { code: 'SOURCE_NOT_FOUND', message: 'The folder /srv/none does not exist.', field: 'sourceDirectory' },
    });
    expect(state.submission).toMatchObject({ kind: 'failed', page: 'sourceDirectory' });
    expect(canGoBack(state)).toBe(true);
    state = packageImportReducer(state, { type: 'fixProblem' });
    expect(state.page).toBe('sourceDirectory');
    expect(state.serverIssue).toEqual({ page: 'sourceDirectory', message: 'The folder /srv/none does not exist.' });
    expect(packageImportReducer(state, { type: 'setSourceDirectory', path: '/srv/src' }).serverIssue).toBeNull();
  });

  it('returns to Summary when the failure names no page', () => {
    let state = packageImportReducer(atSummary(), { type: 'createStarted' });
    state = packageImportReducer(state, { type: 'createFailed', error: { code: 'CONFLICT', message: 'A package named Courier Client Agent already exists.', field: 'name' } });
    expect(packageImportReducer(state, { type: 'fixProblem' }).page).toBe('summary');
  });

  it('sends a problem in the definition file back to Package Definition', () => {
    let state = packageImportReducer(atSummary(), { type: 'createStarted' });
    state = packageImportReducer(state, { type: 'createFailed', error: { code: 'VALIDATION_FAILED', message: 'x', field: '[INSTALL].CommandLine' } });
    expect(packageImportReducer(state, { type: 'fixProblem' }).page).toBe('definition');
  });
});
