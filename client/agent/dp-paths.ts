import { mapUncPath, type PathMapping } from '../../core/domain/path-mappings';

export type DpPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: string };

/**
 * Where this agent opens a distribution point's package folder (`\\DP01\SMSPKGD$\A0100001`) to
 * run a program from it: through client.json's `dpPathMappings` (the longest prefix that covers
 * it, as the site server's Path Mappings do), else the UNC path itself on Windows. Elsewhere a
 * UNC path cannot be opened, so without a mapping there is no path, and why.
 */
export function dpPathOf(uncPath: string, mappings: readonly PathMapping[], platform: NodeJS.Platform = process.platform): DpPath {
  const mapped = mapUncPath(uncPath, mappings);
  if (mapped !== null) return { ok: true, path: mapped.localPath };
  if (platform === 'win32') return { ok: true, path: uncPath };
  return { ok: false, problem: `this agent runs on ${platform} and cannot open ${uncPath}: mount the share and map it in client.json's dpPathMappings` };
}
