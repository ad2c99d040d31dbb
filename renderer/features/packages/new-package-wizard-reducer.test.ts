import { describe, expect, it } from 'vitest';
import type { PackageDto } from '../../../core/api';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  initialNewPackageWizardState,
  newPackageWizardReducer,
  pageProblem,
  visibleIssues,
  type NewPackageWizardAction,
  type NewPackageWizardState,
} from './new-package-wizard-reducer';
import { newPackagePageIds } from './new-package-wizard-steps';

function run(...actions: NewPackageWizardAction[]): NewPackageWizardState {
  return actions.reduce(newPackageWizardReducer, initialNewPackageWizardState);
}

const named: NewPackageWizardAction = { type: 'edit', changes: { name: 'Office 2007' } };
const next: NewPackageWizardAction = { type: 'next' };

const created = { packageId: 'A0100001', name: 'Office 2007' } as PackageDto;

describe('page order', () => {
  it('follows the New Package Wizard\'s page order: General to Confirmation', () => {
    expect(newPackagePageIds).toEqual([
      'general',
      'dataSource',
      'dataAccess',
      'distributionSettings',
      'reporting',
      'security',
      'summary',
      'confirmation',
    ]);
  });

  it('walks every page up to Summary with Next', () => {
    const visited: string[] = [];
    let state = run(named);
    for (let i = 0; i < 6; i += 1) {
      visited.push(state.page);
      state = newPackageWizardReducer(state, next);
    }
    expect(visited).toEqual(['general', 'dataSource', 'dataAccess', 'distributionSettings', 'reporting', 'security']);
    expect(state.page).toBe('summary');
    // Next on Summary does not move: it creates the package (createStarted).
    expect(newPackageWizardReducer(state, next)).toBe(state);
  });
});

describe('Next gating', () => {
  it('General needs a Name', () => {
    const state = run();
    expect(canGoNext(state)).toBe(false);
    expect(pageProblem(state)?.message).toBe('Name is required.');
    expect(newPackageWizardReducer(state, next).page).toBe('general');
    expect(canGoNext(run({ type: 'edit', changes: { name: '   ' } }))).toBe(false);
    expect(canGoNext(run(named))).toBe(true);
  });

  it('Data Source needs a source directory when the package contains source files', () => {
    let state = run(named, next, { type: 'edit', changes: { containsSourceFiles: true } });
    expect(state.page).toBe('dataSource');
    expect(canGoNext(state)).toBe(false);
    expect(visibleIssues(state).sourceDirectory).toBe('Set the source directory: this package contains source files.');
    state = newPackageWizardReducer(state, { type: 'edit', changes: { sourceDirectory: '\\\\server\\share' } });
    expect(canGoNext(state)).toBe(true);
  });

  it('Data Access needs a valid share when the folder is shared under its own name', () => {
    let state = run(named, next, next, { type: 'edit', changes: { dataAccess: 'shareFolder' } });
    expect(state.page).toBe('dataAccess');
    expect(canGoNext(state)).toBe(false);
    state = newPackageWizardReducer(state, { type: 'edit', changes: { shareFolder: 'apps' } });
    expect(canGoNext(state)).toBe(false);
    state = newPackageWizardReducer(state, { type: 'edit', changes: { shareFolder: '\\\\server\\apps\\word' } });
    expect(canGoNext(state)).toBe(true);
  });

  it('Distribution Settings, Reporting and Security are valid with their defaults', () => {
    const state = run(named, next, next, next);
    expect(state.page).toBe('distributionSettings');
    expect(canGoNext(state)).toBe(true);
    expect(canGoNext(run(named, next, next, next, next))).toBe(true);
    expect(canGoNext(run(named, next, next, next, next, next))).toBe(true);
  });

  it('does not show problems on fields the user has not touched yet', () => {
    expect(visibleIssues(run())).toEqual({});
    expect(visibleIssues(run({ type: 'edit', changes: { name: '' } }))).toEqual({ name: 'Name is required.' });
  });
});

describe('going back', () => {
  it('keeps every value', () => {
    const state = run(
      named,
      next,
      { type: 'edit', changes: { containsSourceFiles: true, sourceDirectory: 'C:\\Sources\\Office' } },
      next,
      { type: 'previous' },
      { type: 'previous' },
    );
    expect(state.page).toBe('general');
    expect(state.draft.name).toBe('Office 2007');
    expect(state.draft.sourceDirectory).toBe('C:\\Sources\\Office');
    expect(canGoBack(state)).toBe(false);
  });

  it('jumps back from the rail but never forward', () => {
    const state = run(named, next, next, next);
    expect(canJumpToPage(state, 'general')).toBe(true);
    expect(canJumpToPage(state, 'reporting')).toBe(false);
    expect(newPackageWizardReducer(state, { type: 'jumpTo', page: 'summary' }).page).toBe('distributionSettings');
    expect(newPackageWizardReducer(state, { type: 'jumpTo', page: 'dataSource' }).page).toBe('dataSource');
  });
});

describe('Summary', () => {
  it('is reachable directly once the draft is valid', () => {
    expect(canJumpToSummary(run())).toBe(false);
    const state = run(named, { type: 'summary' });
    expect(state.page).toBe('summary');
    expect(canGoNext(state)).toBe(true);
  });

  it('Next creates the package and the Confirmation page shows it', () => {
    let state = run(named, { type: 'summary' }, { type: 'createStarted' });
    expect(state.submission).toEqual({ kind: 'creating' });
    expect(canGoBack(state)).toBe(false);
    expect(newPackageWizardReducer(state, { type: 'edit', changes: { name: 'x' } })).toBe(state);
    state = newPackageWizardReducer(state, { type: 'createSucceeded', package: created });
    expect(state.page).toBe('confirmation');
    expect(state.submission).toEqual({ kind: 'created', package: created });
    // The package exists now: no way back into the pages.
    expect(canGoBack(state)).toBe(false);
    expect(canJumpToPage(state, 'general')).toBe(false);
  });

  it('cannot start creating from another page', () => {
    const state = run(named, { type: 'createStarted' });
    expect(state.submission.kind).toBe('editing');
  });

  it('a failure names the field and leads back to its page', () => {
    let state = run(named, { type: 'summary' }, { type: 'createStarted' }, {
      type: 'createFailed',
      error: { code: 'SOURCE_NOT_FOUND', message: 'The folder C:\\Gone does not exist on the site server.', field: 'sourceDirectory' },
    });
    expect(state.page).toBe('confirmation');
    expect(state.submission).toMatchObject({ kind: 'failed', field: 'sourceDirectory' });
    expect(canGoBack(state)).toBe(true);
    state = newPackageWizardReducer(state, { type: 'fixProblem' });
    expect(state.page).toBe('dataSource');
    expect(state.submission.kind).toBe('editing');
    expect(visibleIssues(state).sourceDirectory).toBe('The folder C:\\Gone does not exist on the site server.');
    state = newPackageWizardReducer(state, { type: 'edit', changes: { sourceDirectory: 'C:\\Here' } });
    expect(state.serverIssue).toBeNull();
  });

  it('a failure without a field leads back to Summary', () => {
    const state = run(
      named,
      { type: 'summary' },
      { type: 'createStarted' },
      { type: 'createFailed', error: { code: 'INTERNAL', message: 'The site database is locked.' } },
      { type: 'fixProblem' },
    );
    expect(state.page).toBe('summary');
    expect(canGoNext(state)).toBe(true);
  });
});
