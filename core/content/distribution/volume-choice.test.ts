import { statfsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useContentTemp } from '../../../test/helpers/content-tree';
import { ContentError } from './content-error';
import { chooseVolumes, customShareTarget, shareFolderOf, standardTarget, type DistributionVolume } from './volume-choice';

const dir = useContentTemp('courier-volumes-');
const mib = 1024 * 1024;

/** Free MB on the temp folders' file system: every volume here shares it, so reserves make them differ. */
function freeMb(path: string): number {
  const stats = statfsSync(path);
  return Math.floor((stats.bavail * stats.bsize) / mib);
}

function volumes(...reserves: number[]): DistributionVolume[] {
  return reserves.map((reserveMb, i) => {
    const letter = 'CDEFG'[i]!;
    mkdirSync(dir.path(letter));
    return { letter, path: dir.path(letter), reserveMb };
  });
}

describe('choosing a distribution point volume', () => {
  it('takes the volume with the most free space after its reserve, then the next', async () => {
    const free = freeMb(dir.temp.path);
    const chosen = await chooseVolumes(volumes(300, 10, 200), 10 * mib);
    expect(chosen.map((space) => space.volume.letter)).toEqual(['D', 'E', 'C']);
    // Space is measured as a writer sees it; another process may write meanwhile, hence the slack.
    expect(Math.abs(chosen[0]!.usableBytes / mib - (free - 10))).toBeLessThan(50);
  });

  it('spills to the next volume when the reserve of the roomiest leaves too little', async () => {
    const free = freeMb(dir.temp.path);
    // C keeps all but 100 MB back, D all but 400 MB: a 200 MB package fits only on D.
    const chosen = await chooseVolumes(volumes(free - 100, free - 400, free + 10), 200 * mib);
    expect(chosen.map((space) => space.volume.letter)).toEqual(['D']);
  });

  it('says when no volume can hold the package, and how much the roomiest has', async () => {
    const free = freeMb(dir.temp.path);
    const error = await chooseVolumes(volumes(free - 50, free + 10), 100 * mib).then(
      () => null,
      (e: unknown) => e as ContentError,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect(error!.kind).toBe('NO_ROOM');
    expect(error!.message).toMatch(/^No volume of the distribution point can hold the package \(100\.0 MB\): the roomiest, C: at .*, has \d+\.\d MB free after its \d+ MB reserve\.$/);
    await expect(chooseVolumes([], 1)).rejects.toThrow(/has no volumes/);
    await expect(chooseVolumes([{ letter: 'Q', path: dir.path('nowhere'), reserveMb: 0 }], 1)).rejects.toThrow(/Q: at .* cannot be measured \(ENOENT\)/);
  });

  it('names the share folder SMSPKG<letter>$ and resolves custom shares to the folder they replace', () => {
    const volume = { letter: 'd', path: '/srv/dp/d', reserveMb: 50 };
    expect(shareFolderOf(volume)).toBe('/srv/dp/d/SMSPKGD$');
    expect(standardTarget(volume, 'CRS00001')).toEqual({ root: '/srv/dp/d/SMSPKGD$', folder: 'CRS00001' });
    // \\dp01\Apps (the whole share) and \\dp01\Apps\Office\2007 (one folder of it), resolved by the caller.
    expect(customShareTarget('/srv/shares/Apps')).toEqual({ root: '/srv/shares', folder: 'Apps' });
    expect(customShareTarget('/srv/shares/Apps/Office/2007')).toEqual({ root: '/srv/shares/Apps/Office', folder: '2007' });
    expect(() => customShareTarget('/')).toThrow(/cannot be a package folder/);
  });
});
