import type { PackageChangesInput, PackageDto, PackageSettings } from '../../../core/api';
import {
  propertiesModel,
  type PropertiesAction,
  type PropertiesState,
  type PropertySheetTab,
  type ReadyProperties,
} from '../../components/property-sheet';
import { applyDraftChange, changedSettings, draftIssues, settingsFromPackage, type FieldIssues } from './package-draft';
import { fieldFromErrorPath, fieldLabels, fieldPage, isPackageField, packageSettingPages, settingPageLabels, type PackageSettingPageId } from './package-fields';

/** The package's Properties tabs: the wizard's settings pages, then Security (a note for now). */
export type PackagePropertiesTab =
  | { readonly kind: 'settings'; readonly id: PackageSettingPageId; readonly label: string }
  | { readonly kind: 'security'; readonly id: 'security'; readonly label: string };

export type PackagePropertiesTabId = PackagePropertiesTab['id'];

export const packagePropertiesTabs: readonly PackagePropertiesTab[] = [
  ...packageSettingPages.map((id): PackagePropertiesTab => ({ kind: 'settings', id, label: settingPageLabels[id] })),
  { kind: 'security', id: 'security', label: 'Security' },
];

export const packagePropertiesSheetTabs: readonly PropertySheetTab<PackagePropertiesTabId>[] = packagePropertiesTabs;

export function tabOf(id: PackagePropertiesTabId): PackagePropertiesTab {
  const tab = packagePropertiesTabs.find((candidate) => candidate.id === id);
  if (!tab) throw new Error(`No package Properties tab ${id}`);
  return tab;
}

export interface PackagePropertiesSpec {
  readonly saved: PackageDto;
  readonly draft: PackageSettings;
  readonly edit: Partial<PackageSettings>;
  readonly changes: PackageChangesInput;
  readonly issues: FieldIssues;
  readonly tab: PackagePropertiesTabId;
}

export type PackagePropertiesState = PropertiesState<PackagePropertiesSpec>;
export type PackagePropertiesAction = PropertiesAction<PackagePropertiesSpec>;
export type ReadyState = ReadyProperties<PackagePropertiesSpec>;

/** A package's Properties: the New Package Wizard's rules, tabs in its page order. */
export const packageProperties = propertiesModel<PackagePropertiesSpec>({
  draftOf: settingsFromPackage,
  apply: applyDraftChange,
  changes: (saved, draft) => changedSettings(settingsFromPackage(saved), draft),
  issues: draftIssues,
  fieldTabs: () => fieldPage,
  fieldLabel: (field) => (isPackageField(field) ? fieldLabels[field] : field),
  fieldOfError: (path) => fieldFromErrorPath(path),
  firstTab: 'general',
});
