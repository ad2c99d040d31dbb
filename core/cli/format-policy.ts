import type { PolicyDto } from '../api';
import { textTable } from './text-table';

const timeOf = (enabled: boolean, time: string | null, gmt: boolean): string => (enabled && time !== null ? `${time}${gmt ? ' UTC' : ''}` : '');

/** One line per way an advertisement reaches the resource. */
export function formatPolicy(policy: PolicyDto): string {
  const head = `Resource ${policy.resourceId} (${policy.resourceName}, ${policy.resourceType})`;
  const m = policy.materialized;
  const stored = `Its ${m.kind} policy is at version ${m.policyVersion} (site: ${m.sitePolicyVersion}) and holds ${m.advertisementIds.length === 0 ? 'no advertisements' : m.advertisementIds.join(', ')}${m.agrees ? '.' : ': Offer Manager has not caught up with the collections yet.'}`;
  if (policy.advertisements.length === 0) return `${head} receives no advertisements.\n${stored}`;
  const rows = policy.advertisements.flatMap(({ advertisement: a, reasons }) =>
    reasons.map((reason) => [
      a.advertisementId,
      a.advertisementName,
      `${a.packageId} / ${a.programName}`,
      reason.path.map((step) => `${step.name} (${step.collectionId})`).join(' > '),
      reason.rule.description,
      timeOf(a.presentTimeEnabled, a.presentTime, a.presentTimeIsGmt),
      timeOf(a.expirationTimeEnabled, a.expirationTime, a.expirationTimeIsGmt),
      a.options.mandatory ? 'yes' : 'no',
    ]),
  );
  return `${head} receives ${policy.advertisements.length} advertisement${policy.advertisements.length === 1 ? '' : 's'}.\n\n${textTable(['Advertisement', 'Name', 'Package / program', 'Through', 'Why', 'Available', 'Expires', 'Mandatory'], rows)}\n\n${stored}`;
}
