/**
 * The path of a content request (`/SMS_DP_<share>/<folder>/<file>`), decoded once. Each segment is
 * percent-decoded on its own, so `%2F` can never join two segments, and whatever could reach past
 * the package (dot segments, backslashes, NUL and other control characters, an encoding that is
 * not UTF-8) is refused before any lookup rather than normalised: a client that sends one is not
 * a BITS client asking for a file of the package.
 */
export type RequestPath =
  | { readonly ok: true; readonly share: string; readonly segments: readonly string[]; readonly trailingSlash: boolean }
  | { readonly ok: false; readonly status: 400 | 404; readonly problem: string };

const sharePrefix = 'SMS_DP_';
/** Segments that Windows would not keep as a name and that a share can never hold. */
// eslint-disable-next-line no-control-regex
const refusedCharacter = /[\u0000-\u001f\u007f\\]/;
/** Longer than any package path a Windows client could hold (MAX_PATH is 260; the long form 32,767). */
const maxTargetLength = 32_767;

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function parseRequestPath(target: string): RequestPath {
  if (target.length > maxTargetLength) return { ok: false, status: 400, problem: `The request path is ${target.length} characters long; at most ${maxTargetLength} are served.` };
  if (!target.startsWith('/')) return { ok: false, status: 400, problem: 'The request target must be a path that starts with /.' };
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  if (path.includes('#')) return { ok: false, status: 400, problem: 'The request path holds a fragment (#).' };
  if (path === '/') return { ok: false, status: 404, problem: 'Content is served under /SMS_DP_<share>/<package folder>/.' };
  const rawSegments = path.slice(1).split('/');
  const trailingSlash = rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '';
  if (trailingSlash) rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = decodeSegment(raw);
    if (segment === null) return { ok: false, status: 400, problem: `The path segment "${raw}" is not valid percent-encoded UTF-8.` };
    if (segment === '') return { ok: false, status: 400, problem: 'The request path has an empty segment (//).' };
    if (segment === '.' || segment === '..') return { ok: false, status: 400, problem: 'The request path has a dot segment (. or ..); content paths are served only as the manifest lists them.' };
    if (segment.includes('/')) return { ok: false, status: 400, problem: `The path segment "${raw}" decodes to a slash.` };
    if (refusedCharacter.test(segment)) return { ok: false, status: 400, problem: `The path segment "${raw}" holds a backslash or a control character.` };
    segments.push(segment);
  }
  const first = segments[0] ?? '';
  if (first.length <= sharePrefix.length || first.slice(0, sharePrefix.length).toUpperCase() !== sharePrefix) {
    return { ok: false, status: 404, problem: 'Content is served under /SMS_DP_<share>/<package folder>/.' };
  }
  return { ok: true, share: first.slice(sharePrefix.length), segments: segments.slice(1), trailingSlash };
}
