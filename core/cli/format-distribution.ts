import type { DistributionManagerSettingsDto, DistributionPointDto, DpDeletedDto, DpGroupDto, PackageStatusDto, PackageValidationDto } from '../api';
import { formatByteSize } from '../api/byte-size';
import { textFields, textTable } from './text-table';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function whereOf(dp: DistributionPointDto): string {
  return dp.serverShare ?? dp.volumes.map((v) => `${v.letter}: ${v.path}`).join(', ');
}

export function formatDpList(dps: readonly DistributionPointDto[]): string {
  if (dps.length === 0) return 'No distribution points. Add one with: courier dp add DP01 --volume D=/srv/dp01/d';
  return textTable(
    ['Name', 'Mode', 'Provider', 'Packages', 'State', 'Volumes or share'],
    dps.map((dp) => [dp.name, dp.mode, dp.shareProvider, String(dp.packageCount), dp.deleting ? 'being deleted' : 'active', whereOf(dp)]),
  );
}

export function formatDp(dp: DistributionPointDto): string {
  const fields: [string, string][] = [
    ['Name', dp.name],
    ['Site system', `${dp.serverName} (NetBIOS ${dp.netbiosName}, site ${dp.siteCode})`],
    ['Mode', dp.mode === 'server' ? 'server (SMSPKG<letter>$ shares on its volumes)' : `server share ${dp.serverShare ?? ''}`],
    ['Kind', dp.kind],
    ['NAL path', dp.nalPath],
    ['BITS-enabled', yesNo(dp.bitsEnabled)],
    ['Protected', dp.protected ? `yes: ${dp.boundaries.map((b) => `${b.kind} ${b.value}`).join(', ')}` : 'no'],
    ['Share provider', dp.shareProvider + (dp.sambaConf ? ` (${dp.sambaConf})` : '')],
    ['Groups', dp.groups.join(', ') || '(none)'],
    ['Packages', String(dp.packageCount)],
    ['State', dp.deleting ? 'being deleted: Distribution Manager removes its packages first' : 'active'],
  ];
  if (dp.shareReserveMb !== null) fields.push(['Share reserve', `${dp.shareReserveMb} MB`]);
  const volumes = dp.volumes.length > 0 ? `\n\n${textTable(['Letter', 'Share', 'Reserve (MB)', 'Path'], dp.volumes.map((v) => [v.letter, v.shareName, String(v.reserveMb), v.path]))}` : '';
  return `${textFields(fields)}${volumes}`;
}

export function formatDpDeleted(deleted: DpDeletedDto): string {
  return deleted.summary;
}

export function formatDpGroups(groups: readonly DpGroupDto[]): string {
  if (groups.length === 0) return 'No distribution point groups. Create one with: courier dp-group create NAME --member DP01';
  return textTable(
    ['Name', 'Members', 'Description'],
    groups.map((g) => [g.name, g.members.join(', ') || '(none)', g.description]),
  );
}

export function formatDpGroup(group: DpGroupDto): string {
  return textFields([
    ['Group', group.name],
    ['Description', group.description],
    ['Members', group.members.join(', ') || '(none)'],
  ]);
}

export function formatPackageStatus(status: PackageStatusDto): string {
  const head = status.sourceVersion === null ? `Package ${status.packageId} (deleted)` : `Package ${status.packageId}, source version ${status.sourceVersion}`;
  if (status.distributionPoints.length === 0) return `${head}: on no distribution point. Add one with: courier package distribute ${status.packageId} --dp NAME`;
  return `${head}\n\n${textTable(
    ['Distribution point', 'State', 'Version', 'Files', 'Size', 'Last copied', 'Attempts', 'Last error'],
    status.distributionPoints.map((d) => [
      d.name,
      d.state,
      d.sourceVersion === null ? `- → ${d.targetVersion}` : d.sourceVersion === d.targetVersion ? String(d.sourceVersion) : `${d.sourceVersion} → ${d.targetVersion}`,
      d.files === null ? '' : String(d.files),
      d.bytes === null ? '' : formatByteSize(d.bytes),
      d.lastCopied ?? '',
      String(d.attempts),
      d.lastError ?? '',
    ]),
  )}`;
}

/** `courier package validate`: one paragraph per distribution point, with what differs. */
export function formatValidation(report: PackageValidationDto): string {
  if (report.distributionPoints.length === 0) return `Package ${report.packageId} is on no distribution point: there is nothing to validate.`;
  return report.distributionPoints
    .map((dp) => {
      const where = `${dp.name}${dp.path ? ` (${dp.path})` : ''}`;
      if (dp.error !== null && dp.checkedFiles === 0 && dp.repaired === null) return `${where}: not checked. ${dp.error}`;
      const verdict = dp.repaired ? (dp.ok ? 'repaired, now matches its manifest; it had' : 'still differs from its manifest after the repair; it had') : dp.ok ? 'matches its manifest' : 'differs from its manifest';
      const lines = [`${where}: ${verdict} (${dp.checkedFiles} files, ${formatByteSize(dp.checkedBytes)} checked).`];
      const list = (label: string, items: readonly string[]) => {
        if (items.length > 0) lines.push(`  ${label}: ${items.join(', ')}`);
      };
      list('missing', dp.missing);
      list('changed', dp.changed);
      list('extra', dp.extra);
      list('missing folders', dp.missingFolders);
      if (dp.repaired) {
        list('rewritten', dp.repaired.rewritten);
        list('removed', dp.repaired.removed);
        list('folders made', dp.repaired.createdFolders);
      }
      if (dp.error !== null) lines.push(`  ${dp.error}`);
      return lines.join('\n');
    })
    .join('\n');
}

export function formatDistmgrSettings(settings: DistributionManagerSettingsDto): string {
  return textFields([
    ['Component', `${settings.component} (Software Distribution)`],
    ['Maximum packages at once', String(settings.maxPackages)],
    ['Maximum threads per package', String(settings.threadsPerPackage)],
    ['Number of retries', String(settings.retries)],
    ['Delay before retrying', `${settings.retryDelayMinutes} minutes`],
    ['Location of stored packages', settings.storedPackagesLocation || '(the site root: SMSPKG)'],
  ]);
}
