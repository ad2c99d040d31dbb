import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../content/distribution/manifest';
import type { PackageRecord } from '../../db/repositories/package-repository';
import type { ProgramRecord } from '../../db/repositories/program-repository';
import type { SiteRoot } from '../../site/site-root';

/** One place clients may fetch the package from: the DP and the package's folder there as a NAL path. */
export interface PackageLocation {
  readonly distributionPoint: string;
  /** ["Display=\\DP01\SMSPKGD$\A0100001\"]MSWNET:["SMS_SITE=A01"]\\DP01\SMSPKGD$\A0100001\ */
  readonly nalPath: string;
  readonly sourceVersion: number;
}

export const packageInfoFormat = 'courier-package-info';
export const packageLocationsFormat = 'courier-package-locations';

/** A package folder on a DP (\\DP01\SMSPKGD$\A0100001) as a NAL path, as the suite's LocationRecords list it. */
export function nalPathOfLocation(uncPath: string, siteCode: string): string {
  const location = `${uncPath.replace(/\\+$/, '')}\\`;
  return `["Display=${location}"]MSWNET:["SMS_SITE=${siteCode}"]${location}`;
}

function pkginfoPath(root: SiteRoot, packageId: string, extension: 'pkg' | 'nal' | 'ico'): string {
  return join(root.inboxes, 'Pkginfo.box', `${packageId}.${extension}`);
}

/**
 * The smallest icon a client can show: one 1×1 pixel, 32 bits (the ICO format of
 * Microsoft's "Icons" documentation: ICONDIR, one ICONDIRENTRY, a BITMAPINFOHEADER, the pixel
 * and its AND mask). Packages carry no icon of their own yet, so each gets this one.
 */
export function defaultPackageIcon(): Buffer {
  const image = Buffer.alloc(40 + 4 + 4);
  image.writeUInt32LE(40, 0); // header size
  image.writeInt32LE(1, 4); // width
  image.writeInt32LE(2, 8); // height: the XOR image and the AND mask
  image.writeUInt16LE(1, 12); // planes
  image.writeUInt16LE(32, 14); // bits per pixel
  image.writeUInt32LE(0x4080c0ff, 40); // one pixel, BGRA
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // an icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(1, 6);
  head.writeUInt8(1, 7);
  head.writeUInt16LE(1, 10);
  head.writeUInt16LE(32, 12);
  head.writeUInt32LE(image.length, 14);
  head.writeUInt32LE(head.length, 18);
  return Buffer.concat([head, image]);
}

/** The package's fields a client reads: in the `.pkg` and in each offer's policy body. */
export function packageInfoOf(pkg: PackageRecord) {
  return {
    packageId: pkg.packageId,
    name: pkg.name,
    version: pkg.version,
    publisher: pkg.publisher,
    language: pkg.language,
    comment: pkg.comment,
    sourceVersion: pkg.sourceVersion,
    sourceDate: pkg.sourceDate,
    persistInClientCache: pkg.persistInClientCache,
    binaryDifferentialReplication: pkg.binaryDifferentialReplication,
    dataAccess: pkg.dataAccess,
    shareFolder: pkg.shareFolder,
    // The client matches an installer's status MIF against these (docs/client-agent.md, Status MIF).
    mifFileName: pkg.mifFileName,
    mifName: pkg.mifName,
    mifPublisher: pkg.mifPublisher,
    mifVersion: pkg.mifVersion,
  };
}

/**
 * Writes `<PackageID>.pkg` (the package and its programs), `.nal` (where it is) and `.ico` into
 * SMS\Inboxes\Pkginfo.box, each atomically, for the management point to serve.
 */
export async function writePackageInfo(root: SiteRoot, siteCode: string, pkg: PackageRecord, programs: readonly ProgramRecord[], locations: readonly PackageLocation[]): Promise<void> {
  const info = {
    format: packageInfoFormat,
    formatVersion: 1,
    siteCode,
    package: packageInfoOf(pkg),
    programs,
  };
  const nal = { format: packageLocationsFormat, formatVersion: 1, siteCode, packageId: pkg.packageId, sourceVersion: pkg.sourceVersion, locations };
  await writeFileAtomic(pkginfoPath(root, pkg.packageId, 'pkg'), `${JSON.stringify(info, null, 1)}\n`);
  await writeFileAtomic(pkginfoPath(root, pkg.packageId, 'nal'), `${JSON.stringify(nal, null, 1)}\n`);
  await writeFileAtomic(pkginfoPath(root, pkg.packageId, 'ico'), defaultPackageIcon());
}

/** A package on no DP any more (or deleted): clients have nothing to fetch. */
export async function removePackageInfo(root: SiteRoot, packageId: string): Promise<void> {
  for (const extension of ['pkg', 'nal', 'ico'] as const) await rm(pkginfoPath(root, packageId, extension), { force: true });
}
