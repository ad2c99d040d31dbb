import type { PackageSettings } from '../../../core/api';
import type { FieldIssues } from './package-draft';

/** What every settings page gets, in the wizard and in the property sheet alike. */
export interface PackagePageProps {
  readonly draft: PackageSettings;
  /** Problems to show inline, one per field. */
  readonly issues: FieldIssues;
  /** Edits go through applyDraftChange in the owner, which clears what they disable. */
  readonly onChange: (changes: Partial<PackageSettings>) => void;
}
