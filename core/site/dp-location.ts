import { join } from 'node:path';
import { customShareTarget, measureVolumes, type DistributionVolume, type PackageTarget } from '../content/distribution';
import { packageShareOf } from '../domain/distribution-points';
import { serverPathOf, type PathMapping } from '../domain/path-mappings';
import type { DpRecord, DpVolumeRecord } from '../db/repositories/distribution-point-repository';
import type { PackageDpRecord } from '../db/repositories/package-dp-repository';
import type { PackageRecord } from '../db/repositories/package-repository';

/** Where one package is (or goes) on one distribution point, as the site server opens it and as the row records it. */
export interface DpPlace {
  readonly target: PackageTarget;
  readonly volumeLetter: string | null;
  /** SMSPKGD$, the package's own share (Apps), or the last part of a server share DP. */
  readonly shareName: string;
  /** The folder in the share: the package ID, the path of a custom share (Office\2007), or '.' for a whole share. */
  readonly folder: string;
  /** The share's folder on the site server, for ensureShare and removing an empty share. */
  readonly shareRoot: string;
  /** True when Courier makes the share (server DPs); a server share DP is someone else's share. */
  readonly managesShare: boolean;
  /** True when the package has a share of its own (Share the distribution folder). */
  readonly ownShare: boolean;
}

export class PlaceError extends Error {}

const mib = 1024 * 1024;

/** Where the site server opens a path given as the site knows it (a UNC path through Path Mappings). */
export function localPathOf(path: string, mappings: readonly PathMapping[]): string {
  const resolved = serverPathOf(path, process.platform, mappings);
  if (!resolved.ok) throw new PlaceError(resolved.problem);
  return resolved.path.localPath;
}

/** `\\server\share\Office\2007` → share `Apps`, path [`Office`, `2007`]; the server part names no DP: every DP gets the share. */
export function customShareParts(unc: string): { readonly share: string; readonly path: readonly string[] } {
  const parts = unc.replace(/^\\\\/, '').split('\\').filter((part) => part !== '');
  if (parts.length < 2) throw new PlaceError(`The package's share "${unc}" is not \\\\server\\share or \\\\server\\share\\path.`);
  // The contract refuses these already; a row written otherwise must not lead outside the volume.
  if (parts.some((part) => part === '.' || part === '..' || part.includes('/') || part.includes('\0'))) throw new PlaceError(`The package's share "${unc}" has a part that is not a folder name.`);
  return { share: parts[1]!, path: parts.slice(2) };
}

function placeOn(base: string, letter: string | null, pkg: Pick<PackageRecord, 'packageId' | 'dataAccess' | 'shareFolder'>): DpPlace {
  if (pkg.dataAccess === 'shareFolder') {
    const { share, path } = customShareParts(pkg.shareFolder);
    const shareRoot = join(base, share);
    return { target: customShareTarget(join(shareRoot, ...path)), volumeLetter: letter, shareName: share, folder: path.length === 0 ? '.' : path.join('\\'), shareRoot, managesShare: true, ownShare: true };
  }
  const shareName = packageShareOf(letter ?? 'X');
  const shareRoot = join(base, shareName);
  return { target: { root: shareRoot, folder: pkg.packageId }, volumeLetter: letter, shareName, folder: pkg.packageId, shareRoot, managesShare: true, ownShare: false };
}

function serverSharePlace(dp: Pick<DpRecord, 'serverShare'>, packageId: string, mappings: readonly PathMapping[]): DpPlace {
  const unc = dp.serverShare ?? '';
  const base = localPathOf(unc, mappings);
  const shareName = unc.split('\\').filter((part) => part !== '').pop() ?? unc;
  return { target: { root: base, folder: packageId }, volumeLetter: null, shareName, folder: packageId, shareRoot: base, managesShare: false, ownShare: false };
}

function localVolumes(volumes: readonly DpVolumeRecord[], mappings: readonly PathMapping[]): DistributionVolume[] {
  return volumes.map((volume) => ({ letter: volume.letter, path: localPathOf(volume.path, mappings), reserveMb: volume.reserveMb }));
}

/** Where the package already is on the DP, from its row; null when it was never copied there. */
export function placeFromRow(
  dp: Pick<DpRecord, 'name' | 'mode' | 'serverShare'>,
  volumes: readonly DpVolumeRecord[],
  row: Pick<PackageDpRecord, 'packageId' | 'volumeLetter' | 'shareName' | 'folder'>,
  mappings: readonly PathMapping[],
): DpPlace | null {
  if (row.shareName === null || row.folder === null) return null;
  if (dp.mode === 'serverShare') return serverSharePlace(dp, row.packageId, mappings);
  const volume = volumes.find((v) => v.letter === row.volumeLetter);
  if (!volume) throw new PlaceError(`The volume ${row.volumeLetter ?? '?'}: that holds the package on ${dp.name} is no longer one of its volumes.`);
  const base = localPathOf(volume.path, mappings);
  const shareRoot = join(base, row.shareName);
  const parts = row.folder === '.' ? [] : row.folder.split('\\');
  const ownShare = row.shareName !== packageShareOf(volume.letter) || row.folder !== row.packageId;
  const target = parts.length === 0 ? customShareTarget(shareRoot) : customShareTarget(join(shareRoot, ...parts));
  return { target, volumeLetter: volume.letter, shareName: row.shareName, folder: row.folder, shareRoot, managesShare: true, ownShare };
}

/**
 * Where a copy of `bytes` goes: the volume that already holds the package if it still has room
 * for what changes, otherwise the volume with the most free space after its reserve (the next
 * volume gets its own SMSPKG<letter>$ when the first is full). Refuses, saying why, when none can.
 */
export async function choosePlace(
  dp: DpRecord,
  volumes: readonly DpVolumeRecord[],
  pkg: Pick<PackageRecord, 'packageId' | 'dataAccess' | 'shareFolder'>,
  row: PackageDpRecord,
  bytes: number,
  mappings: readonly PathMapping[],
): Promise<DpPlace> {
  const candidates: DistributionVolume[] =
    dp.mode === 'serverShare' ? [{ letter: 'S', path: serverSharePlace(dp, pkg.packageId, mappings).shareRoot, reserveMb: dp.shareReserveMb ?? 0 }] : localVolumes(volumes, mappings);
  if (candidates.length === 0) throw new PlaceError(`${dp.name} has no volumes to copy packages to.`);
  const measured = await measureVolumes(candidates).catch((error: unknown) => {
    throw new PlaceError(error instanceof Error ? error.message : String(error));
  });
  // What is already on a volume is linked, not copied again: only the rest needs room there.
  const needOn = (letter: string) => (dp.mode === 'server' && letter === row.volumeLetter ? Math.max(0, bytes - (row.bytes ?? 0)) : bytes);
  const fitting = measured.filter((space) => space.usableBytes >= needOn(space.volume.letter));
  const chosen = fitting.find((space) => space.volume.letter === row.volumeLetter) ?? fitting[0];
  if (!chosen) {
    const best = measured[0]!;
    const shown = (n: number) => `${(Math.max(0, n) / mib).toFixed(1)} MB`;
    throw new PlaceError(
      `No volume of ${dp.name} can hold the package (${shown(bytes)}): the roomiest, ${best.volume.letter}: at ${best.volume.path}, has ${shown(best.usableBytes)} free after its ${best.volume.reserveMb} MB reserve.`,
    );
  }
  if (dp.mode === 'serverShare') return serverSharePlace(dp, pkg.packageId, mappings);
  return placeOn(chosen.volume.path, chosen.volume.letter, pkg);
}
