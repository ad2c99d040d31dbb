import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useContentTemp } from '../../test/helpers/content-tree';
import type { DpRecord } from '../db/repositories/distribution-point-repository';
import type { PackageDpRecord } from '../db/repositories/package-dp-repository';
import { choosePlace, customShareParts, PlaceError, placeFromRow } from './dp-location';

const dir = useContentTemp('courier-dp-location-');

const dp = (over: Partial<DpRecord> = {}): DpRecord => ({
  id: 1,
  name: 'DP01',
  siteSystemId: 1,
  serverName: 'DP01',
  netbiosName: 'DP01',
  siteCode: 'A01',
  mode: 'server',
  kind: 'standard',
  serverShare: null,
  shareReserveMb: null,
  nalPath: '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\',
  bitsEnabled: false,
  protected: false,
  shareProvider: 'local',
  sambaConf: null,
  deleting: false,
  createdAt: '',
  lastModified: '',
  ...over,
});

const row = (over: Partial<PackageDpRecord> = {}): PackageDpRecord => ({
  packageId: 'A0100001',
  dpId: 1,
  dpName: 'DP01',
  serverName: 'DP01',
  serverShare: null,
  nalPath: '',
  state: 'installPending',
  targetVersion: 1,
  forceCopy: false,
  volumeLetter: null,
  shareName: null,
  folder: null,
  sourceVersion: null,
  files: null,
  bytes: null,
  lastCopied: null,
  lastRefreshed: null,
  attempts: 0,
  lastError: null,
  nextAttemptAt: null,
  createdAt: '',
  lastModified: '',
  ...over,
});

describe('where a package goes on a distribution point', () => {
  it('finds again, from what the row records, the place it chose: SMSPKGx$, a whole share of its own, a folder of a share', async () => {
    const volumes = [{ letter: 'D', path: dir.path(), reserveMb: 0 }];
    for (const [dataAccess, shareFolder, path] of [
      ['commonShare', '', join(dir.path(), 'SMSPKGD$', 'A0100001')],
      ['shareFolder', '\\\\apps\\Viewer', join(dir.path(), 'Viewer')],
      ['shareFolder', '\\\\apps\\Tools\\Office\\2007', join(dir.path(), 'Tools', 'Office', '2007')],
    ] as const) {
      const place = await choosePlace(dp(), volumes, { packageId: 'A0100001', dataAccess, shareFolder }, row(), 1000, []);
      expect(join(place.target.root, place.target.folder)).toBe(path);
      const again = placeFromRow(dp(), volumes, row({ volumeLetter: place.volumeLetter, shareName: place.shareName, folder: place.folder }), []);
      expect(again).toEqual(place);
    }
  });

  it('refuses a share whose parts would lead outside the volume, even from a row the contract did not check', () => {
    expect(() => customShareParts('\\\\apps\\..\\etc')).toThrow(PlaceError);
    expect(() => customShareParts('\\\\apps\\Tools\\..\\..')).toThrow(/not a folder name/);
    expect(customShareParts('\\\\apps\\Tools\\Office')).toEqual({ share: 'Tools', path: ['Office'] });
  });

  it('says how big the package is and what the roomiest volume has when none can hold it', async () => {
    const volumes = [{ letter: 'D', path: dir.path(), reserveMb: 2 ** 30 }];
    await expect(choosePlace(dp(), volumes, { packageId: 'A0100001', dataAccess: 'commonShare', shareFolder: '' }, row(), 5 * 2 ** 20, [])).rejects.toThrow(
      /No volume of DP01 can hold the package \(5\.0 MB\): the roomiest, D: at .*, has 0\.0 MB free after its 1073741824 MB reserve\./,
    );
  });
});
