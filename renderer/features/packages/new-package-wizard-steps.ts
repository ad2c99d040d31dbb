import { settingPageLabels, type PackageSettingPageId } from './package-fields';

/**
 * The New Package Wizard's pages, in the console's order (docs/software-distribution.md#new-package-wizard).
 * Each kind of page behaves differently: settings pages edit the draft and gate Next on their
 * fields, Security only informs, Summary's Next creates the package, and Confirmation reports the
 * outcome.
 */
export type NewPackageStep =
  | { readonly kind: 'settings'; readonly id: PackageSettingPageId; readonly heading: string }
  | { readonly kind: 'security'; readonly id: 'security'; readonly heading: string }
  | { readonly kind: 'summary'; readonly id: 'summary'; readonly heading: string }
  | { readonly kind: 'confirmation'; readonly id: 'confirmation'; readonly heading: string };

export type NewPackagePageId = NewPackageStep['id'];

function settings(id: PackageSettingPageId): NewPackageStep {
  return { kind: 'settings', id, heading: settingPageLabels[id] };
}

export const newPackageSteps: readonly NewPackageStep[] = [
  settings('general'),
  settings('dataSource'),
  settings('dataAccess'),
  settings('distributionSettings'),
  settings('reporting'),
  { kind: 'security', id: 'security', heading: 'Security' },
  { kind: 'summary', id: 'summary', heading: 'Summary' },
  { kind: 'confirmation', id: 'confirmation', heading: 'Confirmation' },
];

export const newPackagePageIds: readonly NewPackagePageId[] = newPackageSteps.map((step) => step.id);

export function stepOf(id: NewPackagePageId): NewPackageStep {
  const step = newPackageSteps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`No New Package Wizard page ${id}`);
  return step;
}
