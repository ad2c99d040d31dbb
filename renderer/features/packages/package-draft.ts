import {
  packageDefaults,
  packageSettingsSchema,
  type PackageChangesInput,
  type PackageCreateInput,
  type PackageDto,
  type PackageSettings,
  type RecurringSchedule,
} from '../../../core/api';
import { isPackageField, type PackageField } from './package-fields';

/** One message per field: the first problem the core's rules find with it. */
export type FieldIssues = Readonly<Partial<Record<PackageField, string>>>;

export function newPackageDraft(): PackageSettings {
  return { name: '', ...packageDefaults, updateSchedule: null };
}

/**
 * Applies an edit, then clears every value whose control the edit disabled. A disabled control
 * must not keep a value the core would reject (packageSettingsIssues), or the draft could
 * never be saved and the user could not see why.
 */
export function applyDraftChange(draft: PackageSettings, changes: Partial<PackageSettings>): PackageSettings {
  const next: PackageSettings = { ...draft, ...changes };
  if (!next.containsSourceFiles) next.sourceDirectory = '';
  if (!(next.containsSourceFiles && next.sourceOption === 'direct')) next.updateSchedule = null;
  if (next.dataAccess !== 'shareFolder') next.shareFolder = '';
  if (next.branchContent !== 'downloadAutomatically') next.availableOnProtectedOnRequest = false;
  if (next.mifMatching !== 'customFields') {
    next.mifFileName = '';
    next.mifName = '';
    next.mifVersion = '';
    next.mifPublisher = '';
  }
  return next;
}

/**
 * The fields an edit makes the user responsible for: the ones edited, plus the source directory
 * once "contains source files" is checked, since that field is read-only and only its message
 * says what to do next. (A share name is typed right there, so it is not nagged about early.)
 */
export function fieldsTouchedBy(changes: Partial<PackageSettings>): PackageField[] {
  const touched = Object.keys(changes).filter(isPackageField);
  if (changes.containsSourceFiles === true) touched.push('sourceDirectory');
  return touched;
}

/** The core's own checks (packageSettingsSchema with its cross-field rules), keyed by field. */
export function draftIssues(draft: PackageSettings): FieldIssues {
  const parsed = packageSettingsSchema.safeParse(draft);
  if (parsed.success) return {};
  const issues: Partial<Record<PackageField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isPackageField(field) && issues[field] === undefined) issues[field] = issue.message;
  }
  return issues;
}

export function firstIssue(issues: FieldIssues, fields: readonly PackageField[]): { field: PackageField; message: string } | null {
  for (const field of fields) {
    const message = issues[field];
    if (message !== undefined) return { field, message };
  }
  return null;
}

export function settingsFromPackage(pkg: PackageDto): PackageSettings {
  return {
    name: pkg.name,
    version: pkg.version,
    publisher: pkg.publisher,
    language: pkg.language,
    comment: pkg.comment,
    containsSourceFiles: pkg.containsSourceFiles,
    sourceDirectory: pkg.sourceDirectory,
    sourceOption: pkg.sourceOption,
    updateSchedule: pkg.updateSchedule === null ? null : { ...pkg.updateSchedule },
    persistInClientCache: pkg.persistInClientCache,
    binaryDifferentialReplication: pkg.binaryDifferentialReplication,
    dataAccess: pkg.dataAccess,
    shareFolder: pkg.shareFolder,
    disconnectUsers: pkg.disconnectUsers,
    userGracePeriod: pkg.userGracePeriod,
    disconnectRetries: pkg.disconnectRetries,
    sendingPriority: pkg.sendingPriority,
    preferredSender: pkg.preferredSender,
    branchContent: pkg.branchContent,
    availableOnProtectedOnRequest: pkg.availableOnProtectedOnRequest,
    mifMatching: pkg.mifMatching,
    mifFileName: pkg.mifFileName,
    mifName: pkg.mifName,
    mifVersion: pkg.mifVersion,
    mifPublisher: pkg.mifPublisher,
  };
}

function sameSchedule(a: RecurringSchedule | null, b: RecurringSchedule | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start === b.start && a.every === b.every && a.unit === b.unit && a.utc === b.utc;
}

/** Only what the user changed, for `packages:update`, so a save never rewrites untouched settings. */
export function changedSettings(saved: PackageSettings, draft: PackageSettings): PackageChangesInput {
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(draft) as PackageField[]) {
    const same =
      field === 'updateSchedule' ? sameSchedule(saved.updateSchedule, draft.updateSchedule) : saved[field] === draft[field];
    if (!same) changes[field] = draft[field];
  }
  return changes as PackageChangesInput;
}

export function createInput(draft: PackageSettings): PackageCreateInput {
  return { ...draft };
}
