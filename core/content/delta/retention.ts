import { temporaryPrefix } from './atomic-file';

/**
 * The suite keeps what binary differential replication needs for the previous five versions of a
 * package; a distribution point further behind, or without the package, gets a full copy. Courier
 * keeps one signature per distinct file content (named by the content's SHA-256), so a file
 * unchanged across versions costs one signature however many versions hold it.
 */
export const keptPreviousVersions = 5;

export interface PackageVersionFiles {
  /** The package's source version (SMS_Package.SourceVersion). */
  readonly sourceVersion: number;
  /** The SHA-256 (hex) of every file of that version, from its content manifest. */
  readonly fileSha256s: readonly string[];
}

/** The name of the signature of a file whose content has this SHA-256. */
export function signatureFileName(fileSha256: string): string {
  return `${fileSha256.toLowerCase()}.sig`;
}

const signatureName = /^[0-9a-f]{64}\.sig$/;

/** The current version and the `keep` before it, newest first. */
function keptVersions(versions: readonly PackageVersionFiles[], keep: number): PackageVersionFiles[] {
  return [...versions].sort((a, b) => b.sourceVersion - a.sourceVersion).slice(0, keep + 1);
}

/**
 * Which of the files in a package's signature folder (`present`, bare names) to delete: every
 * signature no kept version needs, and the temporary files a killed writer left. The current
 * version's signatures are kept, since they are the base of the next update. Names the folder
 * should not hold at all are left alone, so a mistake elsewhere never deletes what it does not own.
 */
export function signaturesToDelete(versions: readonly PackageVersionFiles[], present: readonly string[], keep = keptPreviousVersions): string[] {
  const needed = new Set(keptVersions(versions, keep).flatMap((v) => v.fileSha256s.map(signatureFileName)));
  return present.filter((name) => name.startsWith(temporaryPrefix) || (signatureName.test(name) && !needed.has(name)));
}

/**
 * How a distribution point holding `dpVersion` (null: none) is brought to the newest version:
 * nothing to send, deltas against the version it has (one of the previous `keep`), or a full copy.
 */
export function updateMethod(dpVersion: number | null, versions: readonly PackageVersionFiles[], keep = keptPreviousVersions): 'current' | 'delta' | 'full' {
  const kept = keptVersions(versions, keep);
  const current = kept[0];
  if (current === undefined || dpVersion === null) return 'full';
  if (dpVersion === current.sourceVersion) return 'current';
  return kept.some((v) => v.sourceVersion === dpVersion) ? 'delta' : 'full';
}
