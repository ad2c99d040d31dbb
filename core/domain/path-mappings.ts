import { normalizeWindowsPath, sourcePathFormOf, windowsPathRemainder, type PathMappingDto } from '../api';

/**
 * Path Mappings (Site Properties): a site server that is not Windows reads a UNC path through the
 * local mount point of its share, `\\fs01\sources\app` as `/mnt/fs01/sources/app`. The console
 * and the database keep the UNC path the admin typed; only the site server translates it.
 * Distribution points given as UNC paths are reached the same way.
 */
export type PathMapping = Pick<PathMappingDto, 'uncPrefix' | 'localPath'>;

export interface MappedPath {
  /** Where the site server opens the path. */
  readonly localPath: string;
  /** The mapping used (the longest prefix that covers the path); null when none was needed. */
  readonly mapping: PathMapping | null;
}

function joinPosix(base: string, segments: readonly string[]): string {
  if (segments.length === 0) return base;
  return `${base.endsWith('/') ? base : `${base}/`}${segments.join('/')}`;
}

/**
 * The local path of a UNC path through the longest mapping prefix that covers it (compared as
 * Windows compares paths: case-insensitive, normalized, segment by segment), or null.
 */
export function mapUncPath(uncPath: string, mappings: readonly PathMapping[]): MappedPath | null {
  let best: { mapping: PathMapping; depth: number; remainder: readonly string[] } | null = null;
  for (const mapping of mappings) {
    const remainder = windowsPathRemainder(mapping.uncPrefix, uncPath);
    if (remainder === null) continue;
    const depth = normalizeWindowsPath(mapping.uncPrefix)?.folders.length ?? 0;
    if (best === null || depth > best.depth) best = { mapping, depth, remainder };
  }
  return best === null ? null : { localPath: joinPosix(best.mapping.localPath, best.remainder), mapping: best.mapping };
}

/** `\\server\share` of a UNC path, as typed. */
function shareOf(uncPath: string): { prefix: string; server: string; share: string } | null {
  const parts = normalizeWindowsPath(uncPath);
  if (parts === null || parts.form !== 'unc') return null;
  return { prefix: `\\\\${parts.server}\\${parts.share}`, server: parts.server, share: parts.share };
}

function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** What an admin does about a UNC path no mapping covers: the exact command, and the console page. */
export function unmappedUncMessage(uncPath: string, platform: string): string {
  const share = shareOf(uncPath);
  const prefix = share?.prefix ?? uncPath;
  // A suggestion only: lower case, and nothing a shell would need quoted.
  const plain = (name: string) => name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'share';
  const mountPoint = share ? `/mnt/${plain(share.server)}/${plain(share.share)}` : '/mnt/server/share';
  return (
    `The site server runs on ${platform} and reads UNC paths through Path Mappings, but none covers ${uncPath}. ` +
    `Mount ${prefix} on the site server (for example at ${mountPoint}) and map it: ` +
    `courier site map-path ${shellQuoted(prefix)} ${mountPoint}, or Site Settings › Site Properties › Path Mappings in the console.`
  );
}

export type ServerPath = { readonly ok: true; readonly path: MappedPath } | { readonly ok: false; readonly problem: string };

/**
 * Where the site server opens `path` (a source directory, a file, a distribution point volume):
 * itself when the server can, through Path Mappings for a UNC path on a server that is not
 * Windows, and otherwise a message that says what to do.
 */
export function serverPathOf(path: string, platform: string, mappings: readonly PathMapping[]): ServerPath {
  const form = sourcePathFormOf(path);
  const windows = platform === 'win32';
  if (form === 'unc') {
    if (windows) return { ok: true, path: { localPath: path, mapping: null } };
    const mapped = mapUncPath(path, mappings);
    return mapped ? { ok: true, path: mapped } : { ok: false, problem: unmappedUncMessage(path, platform) };
  }
  if (form === 'windowsLocal') {
    if (windows) return { ok: true, path: { localPath: path, mapping: null } };
    return {
      ok: false,
      problem: `The site server runs on ${platform} and has no drive ${path.slice(0, 2)}: give the folder's UNC path (\\\\server\\share\\folder) and map its share under Path Mappings, or its local path on the site server.`,
    };
  }
  if (form === 'posix') {
    if (!windows) return { ok: true, path: { localPath: path, mapping: null } };
    return { ok: false, problem: `The site server runs on Windows and cannot open ${path}: give a drive path (C:\\Sources\\App) or a UNC path.` };
  }
  return { ok: false, problem: `${path} is not an absolute path: give a full path as the site server sees it.` };
}
