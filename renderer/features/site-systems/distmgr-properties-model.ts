import { distmgrLimits, storedPackagesLocationProblem, type DistributionManagerSettingsDto } from '../../../core/api';
import { wholeNumberIn } from '../../components/form-layout';
import { propertiesModel } from '../../components/property-sheet';

export type DistmgrTab = 'general' | 'distributionPoint';
export type DistmgrNumber = keyof typeof distmgrLimits;
export type DistmgrField = DistmgrNumber | 'storedPackagesLocation';

export const distmgrTabs: readonly { readonly id: DistmgrTab; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'distributionPoint', label: 'Distribution Point' },
];

/** The numbers stay text while typed, so a half-typed value is shown as it is and refused at its field. */
export type DistmgrDraft = Readonly<Record<DistmgrField, string>>;

export const distmgrLabels: Readonly<Record<DistmgrField, string>> = {
  storedPackagesLocation: 'Location of stored packages',
  maxPackages: 'Maximum number of packages',
  threadsPerPackage: 'Maximum threads per package',
  retries: 'Number of retries',
  retryDelayMinutes: 'Delay before retrying (minutes)',
};

const numbers = Object.keys(distmgrLimits) as DistmgrNumber[];

export function distmgrIssues(draft: DistmgrDraft): Partial<Record<DistmgrField, string>> {
  const issues: Partial<Record<DistmgrField, string>> = {};
  for (const field of numbers) {
    const { min, max } = distmgrLimits[field];
    const value = wholeNumberIn(draft[field]);
    if (value === null || value < min || value > max) issues[field] = `${distmgrLabels[field]} is a whole number from ${min} to ${max}.`;
  }
  const location = draft.storedPackagesLocation.trim();
  const problem = storedPackagesLocationProblem(location);
  if (problem !== null) issues.storedPackagesLocation = problem;
  return issues;
}

export interface DistmgrSpec {
  readonly saved: DistributionManagerSettingsDto;
  readonly draft: DistmgrDraft;
  readonly edit: Partial<DistmgrDraft>;
  readonly changes: Partial<Record<DistmgrNumber, number>> & { storedPackagesLocation?: string };
  readonly issues: Partial<Record<DistmgrField, string>>;
  readonly tab: DistmgrTab;
}

/** Software Distribution Component Properties, through components:get and components:set (docs/distribution-points.md). */
export const distmgrProperties = propertiesModel<DistmgrSpec>({
  draftOf: (saved) => ({
    storedPackagesLocation: saved.storedPackagesLocation,
    maxPackages: String(saved.maxPackages),
    threadsPerPackage: String(saved.threadsPerPackage),
    retries: String(saved.retries),
    retryDelayMinutes: String(saved.retryDelayMinutes),
  }),
  apply: (draft, edit) => ({ ...draft, ...edit }),
  changes(saved, draft) {
    const changes: DistmgrSpec['changes'] = {};
    for (const field of numbers) {
      const value = wholeNumberIn(draft[field]);
      if (value !== null && value !== saved[field]) changes[field] = value;
      // A value that is not a number is a change too: the issue blocks Apply until it is fixed.
      if (value === null) changes[field] = Number.NaN;
    }
    const location = draft.storedPackagesLocation.trim();
    if (location !== saved.storedPackagesLocation) changes.storedPackagesLocation = location;
    return changes;
  },
  issues: distmgrIssues,
  fieldTabs: () => ({
    storedPackagesLocation: 'general',
    maxPackages: 'distributionPoint',
    threadsPerPackage: 'distributionPoint',
    retries: 'distributionPoint',
    retryDelayMinutes: 'distributionPoint',
  }),
  fieldLabel: (field) => distmgrLabels[field as DistmgrField] ?? field,
  fieldOfError: (path) => {
    const field = path?.startsWith('changes.') ? path.slice('changes.'.length) : path;
    return field !== undefined && field in distmgrLabels ? field : undefined;
  },
  firstTab: 'general',
});
