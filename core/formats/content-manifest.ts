/**
 * The content manifest: what one version of a package's content is, every file with its size,
 * modification time and SHA-256, and every folder (so empty ones are copied too). The site writes
 * it beside each copy on a distribution point and the client downloads it first, so both read it
 * with the same checks (docs/content-engine.md). `formatVersion` changes when a reader of the old
 * one would misread it.
 */
export interface ManifestFile {
  /** Relative to the package root, forward slashes, the name's case as the source has it. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

export interface ContentManifest {
  readonly format: typeof manifestFormat;
  readonly formatVersion: typeof manifestFormatVersion;
  /** Folders under the root, parents before children, forward slashes. */
  readonly folders: readonly string[];
  /** Sorted by path (code unit order), so two manifests of the same tree are the same bytes. */
  readonly files: readonly ManifestFile[];
  readonly fileCount: number;
  readonly totalBytes: number;
}

export const manifestFormat = 'courier-content-manifest';
export const manifestFormatVersion = 1;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function manifestOf(folders: readonly string[], files: readonly ManifestFile[]): ContentManifest {
  const sorted = [...files].sort((a, b) => byCodeUnits(a.path, b.path));
  return {
    format: manifestFormat,
    formatVersion: manifestFormatVersion,
    folders: [...folders].sort(byCodeUnits),
    files: sorted,
    fileCount: sorted.length,
    totalBytes: sorted.reduce((sum, file) => sum + file.size, 0),
  };
}

/** A relative path that stays inside the root: no empty, `.` or `..` segment, no backslash, not absolute. */
export function safeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const sha256Pattern = /^[0-9a-f]{64}$/u;

/**
 * Checks a parsed manifest field by field. Answers the manifest, or why it is not one (a phrase
 * the caller puts after "… is not a content manifest Courier can read:"), so the site and the
 * client each wrap it in their own error.
 */
export function checkContentManifest(value: unknown): { readonly manifest: ContentManifest } | { readonly problem: string } {
  const bad = (problem: string) => ({ problem });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('it is not an object');
  const record = value as Record<string, unknown>;
  if (record.format !== manifestFormat) return bad(`its format is not ${manifestFormat}`);
  if (record.formatVersion !== manifestFormatVersion) return bad(`its format version is ${String(record.formatVersion)}, and this Courier reads ${manifestFormatVersion}`);
  if (!Array.isArray(record.folders) || !record.folders.every((f) => typeof f === 'string' && safeRelativePath(f))) return bad('its folder list is not a list of relative paths');
  if (!Array.isArray(record.files)) return bad('it has no file list');
  const files: ManifestFile[] = [];
  for (const entry of record.files as unknown[]) {
    const file = entry as Record<string, unknown> | null;
    if (
      file === null ||
      typeof file !== 'object' ||
      typeof file.path !== 'string' ||
      !safeRelativePath(file.path) ||
      !Number.isSafeInteger(file.size) ||
      (file.size as number) < 0 ||
      typeof file.mtimeMs !== 'number' ||
      !Number.isFinite(file.mtimeMs) ||
      typeof file.sha256 !== 'string' ||
      !sha256Pattern.test(file.sha256)
    ) {
      return bad(`file entry ${files.length + 1} is not a path, size, mtimeMs and sha256`);
    }
    files.push({ path: file.path, size: file.size as number, mtimeMs: file.mtimeMs, sha256: file.sha256 });
  }
  const manifest = manifestOf(record.folders as string[], files);
  if (!Number.isSafeInteger(manifest.totalBytes)) return bad('its sizes add up to more than a safe integer');
  if (record.fileCount !== manifest.fileCount || record.totalBytes !== manifest.totalBytes) return bad('its totals do not add up');
  if (new Set(files.map((f) => f.path.toLowerCase())).size !== files.length) return bad('it names a file twice');
  // A file that is also a folder, or sits under a file, cannot be written to any disk.
  const fileNames = new Set(files.map((f) => f.path.toLowerCase()));
  for (const folder of manifest.folders) if (fileNames.has(folder.toLowerCase())) return bad(`${folder} is both a file and a folder`);
  for (const path of [...manifest.folders, ...files.map((f) => f.path)]) {
    const segments = path.toLowerCase().split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const parent = segments.slice(0, depth).join('/');
      if (fileNames.has(parent)) return bad(`${path} is under ${parent}, which is a file`);
    }
  }
  return { manifest };
}
