import { formatByteSize, formatFileCount, type DeploymentPreviewDto } from '../api';
import { textFields, textTable } from './text-table';

/** How many members the text lists; --json gives all the answer holds. */
const firstMembers = 20;

const wallClock = (t: { time: string; isGmt: boolean } | null, none: string) => (t === null ? none : `${t.time}${t.isGmt ? ' UTC' : ' (client local time)'}`);
const bytes = (n: number | null) => (n === null ? 'unknown' : formatByteSize(n));

const viaText = { protected: 'protected DP', siteBoundary: 'site boundary', fallback: 'fallback' } as const;

/** `courier advertisement preview`: the counts, the DPs with their bytes, the times, the notices, the first members. */
export function formatDeploymentPreview(p: DeploymentPreviewDto): string {
  const source =
    p.sourceSize === 'none'
      ? 'no source files'
      : p.sourceSize === 'unknown'
        ? `version ${p.sourceVersion ?? '?'}, size unknown until measured or copied`
        : `version ${p.sourceVersion ?? '?'}, ${formatFileCount(p.sourceFiles ?? 0)}, ${bytes(p.sourceBytes)} (${p.sourceSize === 'copied' ? 'as copied to a DP' : 'measured now'})`;
  const c = p.counts;
  const sections = [
    textFields([
      ['Advertisement', p.advertisementId ?? '(none)'],
      ['Package', `${p.packageId ?? '(new)'} ${p.packageName}`],
      ['Program', p.programName],
      ['Source', source],
      ['Collection', p.collection === null ? '(none)' : `${p.collection.collectionId ?? '(new)'} ${p.collection.name}${p.collection.includeSubcollections ? ' and its subcollections' : ''}`],
      ['Members', String(c.members)],
      ['Excluded by platform', String(c.excludedByPlatform)],
      ['No DP within reach', `${c.unreachable}${c.rescuedByFallback > 0 ? ` (fallback would serve ${c.rescuedByFallback})` : ''}`],
      ['Available', wallClock(p.availableAt, 'not set')],
      ['Expires', wallClock(p.expiresAt, 'never')],
      ['Mandatory', wallClock(p.mandatoryAt, 'not assigned at a time')],
      ['Computed at', p.computedAt],
    ]),
    p.distributionPoints.length === 0
      ? 'Distribution points: none'
      : textTable(['Distribution point', 'State', 'Holds version', 'Bytes to send'], p.distributionPoints.map((d) => [d.name, d.recordState && d.state === 'pending' ? `pending (${d.recordState})` : d.state, d.sourceVersion === null ? '-' : String(d.sourceVersion), bytes(d.bytesToSend)])),
  ];
  if (p.maintenanceWindows.length > 0) {
    sections.push(textTable(['Maintenance windows of', 'Members', 'First run at'], p.maintenanceWindows.map((w) => [`${w.collectionId} ${w.name}`, String(w.members), w.firstRunAt ?? (p.mandatoryAt === null ? '-' : 'no window long enough')])));
  }
  if (p.notices.length > 0) sections.push(p.notices.map((n) => `Note: ${n}`).join('\n'));
  if (p.members.length > 0) {
    const shown = p.members.slice(0, firstMembers);
    const table = textTable(
      ['Resource ID', 'Name', 'Type', 'Content from', 'Excluded by'],
      shown.map((m) => [String(m.resourceId), m.name, m.resourceType, m.contentFrom === null ? (m.resourceType === 'system' && m.excludedBy === null && p.sourceSize !== 'none' ? 'none within reach' : '-') : `${m.contentFrom} (${m.via === null ? '' : viaText[m.via]})`, m.excludedBy ?? '']),
    );
    sections.push(c.members > shown.length ? `${table}\n(the first ${shown.length} of ${c.members}; --json lists up to ${p.members.length})` : table);
  }
  return sections.join('\n\n');
}
