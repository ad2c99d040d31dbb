import { formatByteSize, formatFileCount, type DistributionProgressEvent, type PackageDpState } from '../../../core/api';

/** The suite's words for a package's state on a DP (SMS_PackageStatusDistPointsSummarizer's states). */
export const packageDpStateLabels: Readonly<Record<PackageDpState, string>> = {
  installPending: 'Install Pending',
  installed: 'Installed',
  installRetrying: 'Install Retrying',
  installFailed: 'Install Failed',
  removalPending: 'Removal Pending',
  removalFailed: 'Removal Failed',
};

// One wording of sizes for the console, the CLI and the core's answers.
export const formatBytes = formatByteSize;
export const formatFiles = formatFileCount;

/** "45 s", "3 min", "1 h 20 min": how long a copy has left. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 0 to 1, by bytes (a file count says little when one file is most of the package). */
export function progressFraction(progress: DistributionProgressEvent): number {
  if (progress.bytesTotal > 0) return Math.min(1, progress.bytesDone / progress.bytesTotal);
  if (progress.filesTotal > 0) return Math.min(1, progress.filesDone / progress.filesTotal);
  return 0;
}

/** "3 of 10 files, 1.2 MB of 5 MB, 2.1 MB/s, 2 min left": the Progress column beside its bar. */
export function progressText(progress: DistributionProgressEvent): string {
  const parts = [
    `${progress.filesDone.toLocaleString('en-US')} of ${formatFiles(progress.filesTotal)}`,
    `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`,
  ];
  if (progress.bytesPerSecond > 0) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  parts.push(progress.etaSeconds === null ? 'time left unknown' : `${formatDuration(progress.etaSeconds)} left`);
  return parts.join(', ');
}

/** "DP01", "DP01 and DP02", "DP01, DP02 and DP03". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "1 distribution point" / "3 distribution points". */
export function dpCount(count: number): string {
  return `${count.toLocaleString('en-US')} distribution ${count === 1 ? 'point' : 'points'}`;
}
