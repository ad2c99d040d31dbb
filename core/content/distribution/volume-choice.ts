import { statfs } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ContentError } from './content-error';
import type { PackageTarget } from './package-target';

/** A distribution point's volume as the site knows it: its drive letter, where the site server reaches it, and the space kept free. */
export interface DistributionVolume {
  /** The drive letter of the share's name, SMSPKG<letter>$. */
  readonly letter: string;
  /** The volume's root as a local path on the site server (the caller resolves UNC paths). */
  readonly path: string;
  /** Space never to be used, in MB (MiB, as the suite counts). */
  readonly reserveMb: number;
}

export interface VolumeSpace {
  readonly volume: DistributionVolume;
  /** Free bytes for an unprivileged writer, less the reserve; negative when the reserve is already eaten into. */
  readonly usableBytes: number;
}

const mib = 1024 * 1024;

/** The share folder of a volume: `<volume>/SMSPKG<letter>$`. */
export function shareFolderOf(volume: DistributionVolume): string {
  return join(volume.path, `SMSPKG${volume.letter.toUpperCase()}$`);
}

export function standardTarget(volume: DistributionVolume, packageId: string): PackageTarget {
  return { root: shareFolderOf(volume), folder: packageId };
}

/**
 * A custom share (the package's "ShareType 2"): `\\server\share` replaces the whole share, and
 * `\\server\share\path` only that folder. Either way the caller resolves it to the local folder
 * that is replaced, and its parent, on the same volume, holds the staging folder and the manifest.
 */
export function customShareTarget(localFolder: string): PackageTarget {
  const folder = basename(localFolder);
  if (folder === '' || folder === '.' || folder === '..') throw new ContentError('UNSUPPORTED_ENTRY', `${localFolder} cannot be a package folder: a custom share needs a folder that can be renamed in its parent.`);
  return { root: dirname(localFolder), folder };
}

/** Every volume's usable space, most first. */
export async function measureVolumes(volumes: readonly DistributionVolume[]): Promise<VolumeSpace[]> {
  const measured = await Promise.all(
    volumes.map(async (volume) => {
      const stats = await statfs(volume.path).catch((error: NodeJS.ErrnoException) => {
        throw new ContentError('NO_ROOM', `The volume ${volume.letter}: at ${volume.path} cannot be measured (${error.code ?? String(error)}).`);
      });
      return { volume, usableBytes: Number(stats.bavail) * Number(stats.bsize) - volume.reserveMb * mib };
    }),
  );
  return measured.sort((a, b) => b.usableBytes - a.usableBytes);
}

/**
 * The volumes that can hold `bytes` after their reserve, most free space first: the first is where
 * a new package goes, and the next is used when a copy to the first runs out of room (the suite's
 * "next volume with the most free space gets its own SMSPKG<letter>$"). Refuses, saying how much
 * is missing, when none can.
 */
export async function chooseVolumes(volumes: readonly DistributionVolume[], bytes: number): Promise<VolumeSpace[]> {
  if (volumes.length === 0) throw new ContentError('NO_ROOM', 'The distribution point has no volumes to copy packages to.');
  const measured = await measureVolumes(volumes);
  const fitting = measured.filter((space) => space.usableBytes >= bytes);
  if (fitting.length === 0) {
    const best = measured[0]!;
    const shown = (n: number) => `${(Math.max(0, n) / mib).toFixed(1)} MB`;
    throw new ContentError(
      'NO_ROOM',
      `No volume of the distribution point can hold the package (${shown(bytes)}): the roomiest, ${best.volume.letter}: at ${best.volume.path}, has ${shown(best.usableBytes)} free after its ${best.volume.reserveMb} MB reserve.`,
    );
  }
  return fitting;
}
