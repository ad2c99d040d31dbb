import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, type ContentManifest, type PatchRequest, type PatchResult } from '../content/distribution';
import { applyDeltaInPlace, readSignature, signatureFileName, signaturesToDelete, writeDelta, writeSignature, type PackageVersionFiles } from '../content/delta';
import type { SiteRoot } from './site-root';

/** Files smaller than this are copied whole: a delta would save less than its own overhead. */
export const smallestPatchedFile = 256 * 1024;
/** A delta that is not at least this much smaller than the file is not worth applying. */
const worthwhile = 0.8;

export function signatureFolderOf(root: SiteRoot, packageId: string): string {
  return join(root.path, 'SMS', 'Manifests', packageId, 'signatures');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Signs every file of a source version large enough to be patched, once per content (the
 * signature is named by the file's SHA-256), so the next version can be sent as deltas against it.
 */
export async function signSourceVersion(root: SiteRoot, packageId: string, manifest: ContentManifest, sourceFolder: string): Promise<number> {
  const folder = signatureFolderOf(root, packageId);
  await mkdir(folder, { recursive: true });
  let signed = 0;
  for (const file of manifest.files) {
    if (file.size < smallestPatchedFile) continue;
    const path = join(folder, signatureFileName(file.sha256));
    if (await exists(path)) continue;
    await writeSignature(join(sourceFolder, ...file.path.split('/')), path);
    signed++;
  }
  return signed;
}

const deltaPrefix = '.delta-';

/**
 * Deletes the signatures no kept version needs (the current one and the five before it, as the
 * suite keeps), with deltas and temporary files a killed pass left. A DP further behind then
 * finds no signature for its files and gets them whole.
 */
export async function pruneSignatures(root: SiteRoot, packageId: string): Promise<number> {
  const manifests = join(root.path, 'SMS', 'Manifests', packageId);
  const versions: PackageVersionFiles[] = [];
  for (const name of await readdir(manifests).catch(() => [] as string[])) {
    const match = /^(\d+)\.manifest$/.exec(name);
    if (!match) continue;
    const manifest = await readManifest(join(manifests, name)).catch(() => null);
    if (manifest) versions.push({ sourceVersion: Number(match[1]), fileSha256s: manifest.files.map((file) => file.sha256) });
  }
  if (versions.length === 0) return 0;
  const folder = signatureFolderOf(root, packageId);
  const present = await readdir(folder).catch(() => [] as string[]);
  const doomed = [...signaturesToDelete(versions, present), ...present.filter((name) => name.startsWith(deltaPrefix))];
  for (const name of doomed) await rm(join(folder, name), { force: true });
  return doomed.length;
}

/**
 * Binary differential replication for one pass: a changed file is planned as a delta against the
 * signature of the version the DP holds, made once per pair of versions however many DPs need
 * it. With no agent on the DP, the delta is applied from here: the DP's copy is cloned into the
 * staging folder by the kernel (a server-side copy on a mounted share) and only the bytes the
 * delta changes are written over it, which is what is counted as sent. A delta that moves most
 * of the file (an insertion near its start) gains nothing over a copy: the file is copied whole.
 * The deltas are deleted by `close`.
 */
export class DeltaPatcher {
  private readonly deltas = new Map<string, Promise<{ path: string; bytes: number } | null>>();
  private readonly folder: string;

  constructor(
    root: SiteRoot,
    packageId: string,
    private readonly sourceFolder: string,
  ) {
    this.folder = signatureFolderOf(root, packageId);
  }

  readonly patch = async (request: PatchRequest): Promise<PatchResult | null> => {
    if (request.file.size < smallestPatchedFile) return null;
    const key = `${request.previous.sha256}-${request.file.sha256}`;
    let delta = this.deltas.get(key);
    if (!delta) {
      delta = this.makeDelta(request);
      this.deltas.set(key, delta);
    }
    const made = await delta;
    if (!made) return null;
    const applied = await applyDeltaInPlace(request.previousPath, made.path, request.stagingPath);
    if (!applied) return null;
    return { sha256: applied.sha256.toString('hex'), sentBytes: applied.writtenBytes };
  };

  private async makeDelta(request: PatchRequest): Promise<{ path: string; bytes: number } | null> {
    const signaturePath = join(this.folder, signatureFileName(request.previous.sha256));
    if (!(await exists(signaturePath))) return null;
    const path = join(this.folder, `${deltaPrefix}${randomBytes(6).toString('hex')}`);
    const summary = await writeDelta(await readSignature(signaturePath), join(this.sourceFolder, ...request.file.path.split('/')), path, {
      newSignaturePath: join(this.folder, signatureFileName(request.file.sha256)),
    });
    if (summary.deltaBytes > summary.newSize * worthwhile || summary.newSha256.toString('hex') !== request.file.sha256) {
      await rm(path, { force: true });
      return null;
    }
    return { path, bytes: summary.deltaBytes };
  }

  async close(): Promise<void> {
    for (const delta of this.deltas.values()) {
      const made = await delta.catch(() => null);
      if (made) await rm(made.path, { force: true });
    }
    this.deltas.clear();
  }
}
