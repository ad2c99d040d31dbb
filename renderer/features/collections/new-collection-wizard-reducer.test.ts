import { describe, expect, it } from 'vitest';
import type { CollectionDto } from '../../../core/api';
import {
  canGoNext,
  canJumpToSummary,
  initialWizardState,
  pageProblem,
  settingsWizardReducer,
  wizardPages,
  type SettingsWizardAction,
  type SettingsWizardState,
} from '../programs/settings-wizard-reducer';
import { createRequestOf, newCollectionDraft, newCollectionRules, newCollectionSummary, type NewCollectionDraft, type NewCollectionPage } from './new-collection-rules';

type State = SettingsWizardState<NewCollectionDraft, NewCollectionPage, CollectionDto>;
type Action = SettingsWizardAction<NewCollectionDraft, NewCollectionPage, CollectionDto>;

const reduce = (state: State, action: Action): State => settingsWizardReducer(newCollectionRules, state, action);
const run = (...actions: Action[]): State => actions.reduce(reduce, initialWizardState<NewCollectionDraft, NewCollectionPage, CollectionDto>(newCollectionRules, newCollectionDraft()));
const next: Action = { type: 'next' };
const named: Action = { type: 'edit', changes: { name: 'XP laptops' } };
const query = { kind: 'query' as const, name: 'Query 1', query: 'select * from SMS_R_System where Name like "LAP%"' };

describe('New Collection wizard', () => {
  it('has its pages in order, then Summary and Confirmation', () => {
    expect(wizardPages(newCollectionRules)).toEqual(['general', 'rules', 'schedule', 'advertisements', 'security', 'summary', 'confirmation']);
  });

  it('holds Next on General until the collection has a name, with the core\'s own message', () => {
    const empty = run();
    expect(canGoNext(newCollectionRules, empty)).toBe(false);
    expect(pageProblem(newCollectionRules, empty)?.field).toBe('name');
    expect(reduce(empty, next).page).toBe('general');
    expect(run({ type: 'edit', changes: { name: '   ' } }, next).page).toBe('general');
    expect(run(named, next).page).toBe('rules');
  });

  it('allows a collection without rules, and Summary from any page once the draft is valid', () => {
    const rules = run(named, next);
    expect(canGoNext(newCollectionRules, rules)).toBe(true);
    expect(canJumpToSummary(newCollectionRules, rules)).toBe(true);
    expect(reduce(rules, { type: 'summary' }).page).toBe('summary');
  });

  it('refuses a rule the contract refuses (a query rule without a name) on the Membership Rules page', () => {
    const bad = run(named, next, { type: 'edit', changes: { rules: [{ ...query, name: '' }] } });
    expect(pageProblem(newCollectionRules, bad)?.field).toBe('rules');
    expect(reduce(bad, next).page).toBe('rules');
  });

  it('sends the draft as collections:create takes it: trimmed, no empty limit, a subcollection under its parent', () => {
    const draft: NewCollectionDraft = { name: ' XP laptops ', comment: ' ', rules: [query], limitToCollectionId: '', membershipSchedule: '00012CC0001A2000' };
    expect(createRequestOf(draft, null)).toEqual({ name: 'XP laptops', comment: '', rules: [query], membershipSchedule: '00012CC0001A2000' });
    expect(createRequestOf({ ...draft, limitToCollectionId: 'SMS00001' }, 'A0100010')).toMatchObject({ limitToCollectionId: 'SMS00001', parentCollectionId: 'A0100010' });
  });

  it('puts the core\'s refusal of a rule back on the Membership Rules page', () => {
    const summary = run(named, next, { type: 'edit', changes: { rules: [query] } }, { type: 'summary' }, { type: 'createStarted' });
    const failed = reduce(summary, { type: 'createFailed', error: { code: 'VALIDATION_FAILED', field: 'rules.0.query', message: 'Line 1, column 40: Nmae is not a property.' } });
    expect(failed.page).toBe('confirmation');
    const fixing = reduce(failed, { type: 'fixProblem' });
    expect(fixing.page).toBe('rules');
    expect(fixing.serverIssue).toEqual({ field: 'rules', message: 'Line 1, column 40: Nmae is not a property.' });
  });

  it('sums up every page in words', () => {
    const sections = newCollectionSummary(
      { name: 'XP laptops', comment: '', rules: [query, { kind: 'direct', resourceId: 16777217 }], limitToCollectionId: 'SMS00001', membershipSchedule: null },
      { parent: 'Pilot (A0100010)', collection: (id) => (id === 'SMS00001' ? 'All Systems (SMS00001)' : id), resourceName: () => 'PC0001', schedule: null },
    );
    const rows = Object.fromEntries(sections.flatMap((s) => s.rows.map((r) => [r.label, r.value])));
    expect(rows).toMatchObject({
      Name: 'XP laptops',
      Comment: '(none)',
      'Place in the tree': 'A subcollection of Pilot (A0100010)',
      'Rule 1': `Query "Query 1": ${query.query}`,
      'Rule 2': 'Direct: PC0001 (16777217)',
      'Limit to collection': 'All Systems (SMS00001)',
      'Update on a schedule': 'No',
    });
  });
});
