import type { DeploymentPreviewDto } from '../../../core/api';
import { formatDateTime } from '../../components/date-time';
import { formatBytes, nameList } from '../package-distribution/package-dp-labels';
import { sourceFilesLabels } from '../package-import/source-files-page';
import type { SummarySection } from '../programs/program-summary';
import { advertisementNameOf, packageHasSource, packageNameOf, type DistributeState } from './distribute-software-reducer';

/** A wall-clock time as the advertisement holds it, in words: `2026-12-03 09:30 (UTC)` or `(client local time)`. */
export function wallClockWords(time: string, isGmt: boolean): string {
  return `${time.replace('T', ' ')} ${isGmt ? '(UTC)' : '(client local time)'}`;
}

export interface SummaryLabels {
  readonly collection: (collectionId: string) => string;
}

function packageSection(state: DistributeState): SummarySection {
  switch (state.packageChoice) {
    case 'new': {
      const p = state.newPackage;
      return {
        title: 'Package',
        rows: [
          { label: 'Package', value: `New: ${[p.name, p.version, p.language].filter((s) => s.trim() !== '').join(' ')}` },
          { label: 'Publisher', value: p.publisher.trim() === '' ? '(none)' : p.publisher.trim() },
          { label: 'Source files', value: p.containsSourceFiles ? p.sourceDirectory : 'None: the package has no source files' },
        ],
      };
    }
    case 'definition': {
      const d = state.definition;
      return {
        title: 'Package',
        rows: [
          { label: 'Package', value: `New from the definition: ${packageNameOf(state)}` },
          { label: 'Definition', value: d.read.kind === 'none' ? '' : d.read.source.kind === 'file' ? d.read.source.path : `Built in: ${d.read.source.id}` },
          { label: 'Source files', value: sourceFilesLabels[d.sourceFiles] },
          ...(d.sourceFiles === 'none' ? [] : [{ label: 'Source directory', value: d.sourceDirectory.trim() }]),
        ],
      };
    }
    case 'existing':
      return { title: 'Package', rows: [{ label: 'Package', value: state.existingPackage === null ? '' : `${state.existingPackage.fullName} (${state.existingPackage.packageId})` }] };
  }
}

function programSection(state: DistributeState): SummarySection {
  if (state.packageChoice !== 'new') return { title: 'Program', rows: [{ label: 'Program', value: state.programName }] };
  const p = state.newProgram;
  return {
    title: 'Program',
    rows: [
      { label: 'Program', value: `New: ${p.name.trim()}` },
      { label: 'Command line', value: p.commandLine.trim() },
      { label: 'Run with administrative rights', value: p.runMode === 'adminRights' ? 'Yes' : 'No' },
      { label: 'User input required', value: p.allowUserInteraction ? 'Yes' : 'No' },
    ],
  };
}

/** Every choice of the wizard, in the order of its pages. */
export function distributeSummary(state: DistributeState, labels: SummaryLabels): SummarySection[] {
  const sections: SummarySection[] = [packageSection(state), programSection(state)];
  sections.push({
    title: 'Distribution Points',
    rows: [
      {
        label: 'Copy the package to',
        value: !packageHasSource(state) ? 'None: the package has no source files' : state.dps.length === 0 ? 'None for now' : nameList(state.dps),
      },
    ],
  });
  if (!state.advertise) {
    sections.push({ title: 'Advertisement', rows: [{ label: 'Advertise the program', value: 'No' }] });
    return sections;
  }
  const s = state.schedule;
  const target =
    state.targetKind === 'collection'
      ? labels.collection(state.collectionId)
      : `New collection ${state.newCollection.name.trim()} (${state.newCollection.rules.length} ${state.newCollection.rules.length === 1 ? 'rule' : 'rules'})`;
  sections.push({
    title: 'Advertisement',
    rows: [
      { label: 'Name', value: advertisementNameOf(state).trim() },
      { label: 'Comment', value: state.comment.trim() === '' ? '(none)' : state.comment.trim() },
      { label: 'Collection', value: target },
      { label: 'Subcollections', value: state.includeSubcollections ? 'Members of subcollections too' : 'Only the collection’s own members' },
      { label: 'Offered from', value: wallClockWords(s.presentTime, s.presentTimeIsGmt) },
      { label: 'Expires', value: s.expires ? wallClockWords(s.expirationTime, s.expirationTimeIsGmt) : 'Never' },
      { label: 'Assigned', value: s.assigned ? `Mandatory at ${wallClockWords(s.assignedTime, s.assignedTimeIsGmt)}` : 'Not assigned: users choose when to run it' },
    ],
  });
  return sections;
}

/** Where the settings the wizard does not offer are changed, as the suite's Summary page says. */
export const notOffered =
  'The wizard sets the typical options only. Change the rest afterwards: the advertisement’s Properties (a recurring or event assignment on Schedule, Distribution Points, Interaction), the program’s Properties (requirements, environment), the package’s Properties (data access, distribution settings).';

/** The dry run in sentences, for the Summary page and its tests. */
export function previewLines(preview: DeploymentPreviewDto): { readonly label: string; readonly value: string }[] {
  const { counts } = preview;
  const lines: { label: string; value: string }[] = [];
  if (preview.collection !== null) {
    const first = preview.members.slice(0, 5).map((m) => m.name);
    const more = counts.members > first.length ? `, and ${counts.members - first.length} more` : '';
    lines.push({
      label: 'Members',
      value:
        counts.members === 0
          ? `“${preview.collection.name}” has no members now.`
          : `${counts.members} ${counts.members === 1 ? 'member' : 'members'} in “${preview.collection.name}”: ${first.join(', ')}${more}.`,
    });
    lines.push({ label: 'Excluded by platform', value: counts.excludedByPlatform === 0 ? 'None.' : `${counts.excludedByPlatform}: the program’s platform requirements exclude them.` });
    lines.push({
      label: 'No distribution point in reach',
      value:
        counts.unreachable === 0
          ? 'None.'
          : `${counts.unreachable}${counts.rescuedByFallback > 0 ? `; ${counts.rescuedByFallback} of them would be reached with fallback to unprotected distribution points` : ''}.`,
    });
  }
  // null while the site does not know the source's size yet (no copy made, not measured).
  const size = (n: number | null): string | null => (n === null ? null : formatBytes(n));
  const dpWords = (dp: DeploymentPreviewDto['distributionPoints'][number]): string => {
    const bytes = size(dp.bytesToSend);
    if (dp.state === 'has') return `${dp.name}: has the current version`;
    if (dp.state === 'adding') return bytes === null ? `${dp.name}: to be copied (size not known yet)` : `${dp.name}: ${bytes} to copy`;
    return `${dp.name}: already on its way (${bytes ?? 'size not known yet'})`;
  };
  lines.push({
    label: 'Distribution points',
    value: preview.distributionPoints.length === 0 ? 'No distribution point has or gets the package.' : preview.distributionPoints.map(dpWords).join('; '),
  });
  if (preview.availableAt !== null) lines.push({ label: 'Available', value: wallClockWords(preview.availableAt.time, preview.availableAt.isGmt) });
  if (preview.expiresAt !== null) lines.push({ label: 'Expires', value: wallClockWords(preview.expiresAt.time, preview.expiresAt.isGmt) });
  if (preview.mandatoryAt !== null) lines.push({ label: 'Mandatory', value: wallClockWords(preview.mandatoryAt.time, preview.mandatoryAt.isGmt) });
  for (const w of preview.maintenanceWindows) {
    lines.push({
      label: 'Maintenance window',
      value: `${w.name} (${w.collectionId}) covers ${w.members} ${w.members === 1 ? 'member' : 'members'}; ${w.firstRunAt === null ? 'no window opens after the assigned time.' : `the first run there is at ${formatDateTime(w.firstRunAt)}.`}`,
    });
  }
  return lines;
}
