/**
 * Windows paths as Windows itself reads them, for the console and the site server alike.
 *
 * Forms and normalization follow "File path formats on Windows systems" (.NET documentation,
 * the rules GetFullPathName applies); names follow "Naming Files, Paths, and Namespaces"
 * (Win32 documentation). Every function here walks its input once, character by character:
 * no regular expression, so no input can make a check slow.
 */

/**
 * - `unc`: \\server\share\…
 * - `drive`: C:\…
 * - `device`: \\.\…, \\?\… and \??\… (pipes, volumes, raw devices, not files on a share)
 * - `driveRelative`: C:folder (relative to drive C's current folder)
 * - `rooted`: \folder (relative to the current drive)
 * - `relative`: folder\file
 */
export type WindowsPathForm = 'unc' | 'drive' | 'device' | 'driveRelative' | 'rooted' | 'relative';

export function isWindowsSeparator(c: string | undefined): boolean {
  return c === '\\' || c === '/';
}

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && c.length === 1 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9' && c.length === 1;
}

export function windowsPathForm(path: string): WindowsPathForm {
  const [c0, c1, c2, c3] = [path[0], path[1], path[2], path[3]];
  if (isWindowsSeparator(c0)) {
    if (isWindowsSeparator(c1)) {
      // \\.\ and \\?\ (also \\. and \\? alone) open the device namespaces, not a server.
      if ((c2 === '.' || c2 === '?') && (c3 === undefined || isWindowsSeparator(c3))) return 'device';
      return 'unc';
    }
    if (c1 === '?' && c2 === '?' && isWindowsSeparator(c3)) return 'device';
    return 'rooted';
  }
  if (isAsciiLetter(c0) && c1 === ':') return isWindowsSeparator(c2) ? 'drive' : 'driveRelative';
  return 'relative';
}

/** `path` without the separators (\\ or /) it ends with; '/' and C:\\ keep theirs. */
export function trimTrailingSeparators(path: string): string {
  let end = path.length;
  while (end > 1 && isWindowsSeparator(path[end - 1])) end--;
  if (end === 2 && path[1] === ':' && end < path.length) end = 3; // C:\
  return path.slice(0, end);
}

/** Splits on both separators; runs of separators give empty parts, which callers collapse or refuse. */
function splitOnSeparators(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (isWindowsSeparator(text[i])) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function isAllPeriods(segment: string): boolean {
  for (const c of segment) if (c !== '.') return false;
  return segment.length > 0;
}

function trimTrailingDotsAndSpaces(segment: string): string {
  let end = segment.length;
  while (end > 0 && (segment[end - 1] === '.' || segment[end - 1] === ' ')) end--;
  return segment.slice(0, end);
}

/** A UNC or drive path taken apart; `folders` are the segments after the root. */
export interface WindowsPathParts {
  readonly form: 'unc' | 'drive';
  /** The server of a UNC path; '' for a drive path. */
  readonly server: string;
  /** The share of a UNC path; '' for a drive path. */
  readonly share: string;
  /** The drive letter of a drive path (as typed); '' for a UNC path. */
  readonly drive: string;
  readonly folders: readonly string[];
}

/**
 * What GetFullPathName makes of a UNC or drive path: `/` and `\` both separate, runs of
 * separators collapse, `.` is dropped and `..` removes the folder before it (never the
 * \\server\share or C:\ root), a segment ending in one period loses it, and the last segment
 * loses its trailing periods and spaces. The spelling (case) is kept. null for the other forms
 * and for a UNC path without both a server and a share.
 */
export function normalizeWindowsPath(path: string, options: NormalizeOptions = {}): WindowsPathParts | null {
  const form = windowsPathForm(path);
  if (form !== 'unc' && form !== 'drive') return null;
  const parts = splitOnSeparators(form === 'unc' ? path.slice(2) : path.slice(3));
  const endsWithSeparator = isWindowsSeparator(path[path.length - 1]);
  const nonEmpty = parts.filter((part) => part !== '');
  let server = '';
  let rest = nonEmpty;
  if (form === 'unc') {
    const [first, second] = nonEmpty;
    if (first === undefined || second === undefined) return null;
    server = first;
    rest = nonEmpty.slice(options.dotDotLeavesShare ? 1 : 2);
  }
  const folders = resolveSegments(rest, endsWithSeparator);
  let share = '';
  if (form === 'unc') {
    share = options.dotDotLeavesShare ? (folders.shift() ?? '') : (nonEmpty[1] ?? '');
    if (share === '') return null;
  }
  return { form, server, share, drive: form === 'drive' ? path.slice(0, 1) : '', folders };
}

export interface NormalizeOptions {
  /**
   * Let `..` climb out of the share (\\srv\a\..\b as \\srv\b), as a tool that joins paths
   * naively would: comparisons that must not miss an overlap check both readings.
   */
  readonly dotDotLeavesShare?: boolean;
}

function resolveSegments(rest: readonly string[], endsWithSeparator: boolean): string[] {
  const folders: string[] = [];
  rest.forEach((segment, index) => {
    if (segment === '.') return;
    if (segment === '..') {
      folders.pop();
      return;
    }
    const last = index === rest.length - 1 && !endsWithSeparator;
    let kept = segment;
    if (last) kept = trimTrailingDotsAndSpaces(segment);
    else if (segment.endsWith('.') && !isAllPeriods(segment)) kept = segment.slice(0, -1);
    if (kept !== '') folders.push(kept);
  });
  return folders;
}

/** The normalized text: \\server\share\a\b or C:\a\b (C:\ for the root), without a trailing separator. */
export function formatWindowsPath(parts: WindowsPathParts): string {
  const root = parts.form === 'unc' ? `\\\\${parts.server}\\${parts.share}` : `${parts.drive}:`;
  if (parts.form === 'drive' && parts.folders.length === 0) return `${root}\\`;
  return [root, ...parts.folders].join('\\');
}

/**
 * Windows compares names without regard to case, one character against one (the file system's
 * upcase table): 'ß' stays 'ß' rather than becoming 'SS'.
 */
function upcase(text: string): string {
  let out = '';
  for (const c of text) {
    const upper = c.toUpperCase();
    out += upper.length === c.length ? upper : c;
  }
  return out;
}

/**
 * One key for every spelling Windows or the file server behind a share may take for the same
 * place: case, separators, runs, `.`/`..`, and trailing periods and spaces on any segment (an
 * SMB server drops them from the names it opens). null when the path is not UNC or drive.
 */
export function windowsPathKey(path: string, options: NormalizeOptions = {}): string | null {
  const parts = normalizeWindowsPath(path, options);
  if (parts === null) return null;
  const keyed = (segment: string) => upcase(trimTrailingDotsAndSpaces(segment));
  const root = parts.form === 'unc' ? ['', '', keyed(parts.server), keyed(parts.share)] : [`${upcase(parts.drive)}:`];
  return [...root, ...parts.folders.map(keyed).filter((segment) => segment !== '')].join('\\');
}

/** The same place, as windowsPathKey sees it. */
export function sameWindowsPath(a: string, b: string): boolean {
  const ka = windowsPathKey(a);
  return ka !== null && ka === windowsPathKey(b);
}

/** `inner` is `outer` or lies under it (segment by segment: \\srv\apps does not contain \\srv\apps2). */
export function windowsPathContains(outer: string, inner: string): boolean {
  const ko = windowsPathKey(outer);
  const ki = windowsPathKey(inner);
  if (ko === null || ki === null) return false;
  return ki === ko || ki.startsWith(`${ko}\\`);
}

/**
 * One path is the other or lies under it, in either direction and under either reading of `..`
 * (see NormalizeOptions): refreshing one would touch the other's files.
 */
export function windowsPathsOverlap(a: string, b: string): boolean {
  return [{}, { dotDotLeavesShare: true }].some((options) => {
    const ka = windowsPathKey(a, options);
    const kb = windowsPathKey(b, options);
    return ka !== null && kb !== null && (ka === kb || ka.startsWith(`${kb}\\`) || kb.startsWith(`${ka}\\`));
  });
}

/** The part of `path` under `prefix`, as segments in the spelling of `path`; null when it is not under it. */
export function windowsPathRemainder(prefix: string, path: string): readonly string[] | null {
  const outer = normalizeWindowsPath(prefix);
  const inner = normalizeWindowsPath(path);
  if (outer === null || inner === null || !windowsPathContains(prefix, path)) return null;
  return inner.folders.slice(outer.folders.length);
}

// ---- What a name may be ---------------------------------------------------------------------

/**
 * Characters that display text in another order than it is stored (U+202A–U+202E embeddings and
 * overrides, U+2066–U+2069 isolates): a path with one can read as another path.
 */
export function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** The first reason `text` cannot be part of a path at all (control characters, bidi controls, broken UTF-16), or null. */
export function pathTextProblem(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      return `A path cannot contain control characters (here U+${code.toString(16).toUpperCase().padStart(4, '0')}, such as a tab or a line break).`;
    }
    if (isBidiControl(code)) {
      return `A path cannot contain the bidirectional control character U+${code.toString(16).toUpperCase()}: it makes the path display as another one.`;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'A path cannot contain an unpaired UTF-16 surrogate: it is not valid Unicode text.';
    }
    if (code >= 0xdc00 && code <= 0xdfff) return 'A path cannot contain an unpaired UTF-16 surrogate: it is not valid Unicode text.';
  }
  return null;
}

const reservedDeviceNames = new Set([
  'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$',
  ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '\u00b9', '\u00b2', '\u00b3'].flatMap((n) => [`COM${n}`, `LPT${n}`]),
]);

/**
 * CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9 (and COM¹–COM³, LPT¹–LPT³, CONIN$, CONOUT$) name
 * devices in every folder, with any extension: NUL.txt is the NUL device too.
 */
export function isReservedDeviceName(segment: string): boolean {
  const dot = segment.indexOf('.');
  const base = trimTrailingDotsAndSpaces(dot === -1 ? segment : segment.slice(0, dot));
  return reservedDeviceNames.has(upcase(base));
}

/** Characters no file or folder name may hold (besides control characters). */
const invalidNameCharacters = '<>:"/\\|?*';
/** What no existing share name can hold ([MS-SRVS] NetrShareAdd refuses \ / : ; in a share name). */
const invalidExistingShareCharacters = `${invalidNameCharacters};`;
/**
 * Characters a package share name or folder name may not hold: the Configuration Manager
 * console's rule for a custom package share (a superset of [MS-SRVS] NetrShareAdd's \ / : ;).
 */
const invalidShareCharacters = '"/\\[]:|<>+=;,?*';
/** [MS-SRVS] NetrShareAdd: a share name is at most 80 characters; the console holds folder names to the same. */
export const maxShareNameLength = 80;
/** The longest name NTFS and the SMB protocol give a single file or folder. */
export const maxNameLength = 255;

function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

function foundCharacters(text: string, set: string): string {
  const found: string[] = [];
  for (const c of text) if (set.includes(c) && !found.includes(c)) found.push(c);
  return found.join(' ');
}

type NameKind = 'share' | 'folder';

/**
 * The first reason one segment (a share or a folder name) cannot be what Windows opens, or null.
 * `strict` adds the Configuration Manager console's rules for a package share and its folders.
 */
function nameProblem(segment: string, kind: NameKind, strict: boolean): string | null {
  const noun = kind === 'share' ? 'share name' : 'folder name';
  if (segment === '.' || segment === '..') return `A path cannot use ${segment} as a folder: write the folder itself.`;
  const invalid = strict ? invalidShareCharacters : kind === 'share' ? invalidExistingShareCharacters : invalidNameCharacters;
  const found = foundCharacters(segment, invalid);
  if (found !== '') return `The ${noun} ${quoted(segment)} contains ${found}, which a ${noun} cannot contain.`;
  const last = segment[segment.length - 1];
  if (last === '.' || last === ' ') {
    return `The ${noun} ${quoted(segment)} ends with a ${last === '.' ? 'period' : 'space'}, which Windows drops: write it without.`;
  }
  if (strict && (segment[0] === ' ' || segment[0] === '.')) {
    return `The ${noun} ${quoted(segment)} starts with a ${segment[0] === ' ' ? 'space' : 'period'}, which a package share cannot.`;
  }
  if (isReservedDeviceName(segment)) {
    return `${quoted(segment)} is a reserved device name in Windows (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also with an extension), not a ${noun}.`;
  }
  const max = strict || kind === 'share' ? maxShareNameLength : maxNameLength;
  if (segment.length > max) return `The ${noun} ${quoted(segment)} is ${segment.length} characters; a ${noun} can be at most ${max}.`;
  return null;
}

function isIpv4(name: string): boolean {
  const parts = name.split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => {
    if (part.length === 0 || part.length > 3) return false;
    for (const c of part) if (!isAsciiDigit(c)) return false;
    return Number(part) <= 255 && (part.length === 1 || part[0] !== '0');
  });
}

/** RFC 1123 host name: labels of letters, digits and hyphens, 1–63 each, 253 in all. */
function isDnsName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => {
    if (label.length === 0 || label.length > 63 || label[0] === '-' || label[label.length - 1] === '-') return false;
    for (const c of label) if (!(isAsciiLetter(c) || isAsciiDigit(c) || c === '-')) return false;
    return true;
  });
}

/** Characters a NetBIOS computer name may not hold (KB 909264), besides spaces and control characters. */
const invalidNetbiosCharacters = '\\/:*?"<>|';

function isNetbiosName(name: string): boolean {
  if (name.length === 0 || name.length > 15 || name[0] === '.') return false;
  for (const c of name) if (invalidNetbiosCharacters.includes(c) || c === ' ') return false;
  return true;
}

/** The first reason `server` is not a computer a UNC path can name (NetBIOS name, DNS name or IPv4 address), or null. */
export function serverNameProblem(server: string): string | null {
  if (server === '') return 'Give the server: \\\\server\\share.';
  if (isIpv4(server) || isDnsName(server) || isNetbiosName(server)) {
    if (isReservedDeviceName(server)) return `${quoted(server)} is a reserved device name in Windows, not a server.`;
    return null;
  }
  return `The server ${quoted(server)} is not a computer name (up to 15 characters without \\ / : * ? " < > | or spaces), a DNS name or an IPv4 address.`;
}

function formProblem(path: string, form: WindowsPathForm): string | null {
  switch (form) {
    case 'device':
      return `${quoted(path)} is a Windows device path (\\\\.\\…, \\\\?\\…), not a share or a folder: give \\\\server\\share\\folder.`;
    case 'driveRelative':
      return `${quoted(path)} is relative to the current folder of drive ${path.slice(0, 2)}; write the full path, such as ${path.slice(0, 2)}\\${path.slice(2)}.`;
    case 'rooted':
      return `${quoted(path)} is relative to the current drive; write the full path with its drive letter or server.`;
    case 'relative':
      return `${quoted(path)} is a relative path; write the full path.`;
    default:
      return null;
  }
}

export interface WindowsPathRules {
  /** `share`: the Data Access page's share (\\server\share\folder, stricter names); `folder`: any UNC or drive folder. */
  readonly purpose: 'share' | 'folder';
}

/** Administrative shares Windows keeps for itself, and the shares the site creates on distribution points. */
function isSystemShare(share: string): boolean {
  const upper = upcase(share);
  if (upper === 'ADMIN$' || upper === 'IPC$' || upper === 'PRINT$' || upper === 'FAX$' || upper === 'SMSSIG$') return true;
  if (upper.length === 2 && isAsciiLetter(upper[0]) && upper[1] === '$') return true;
  return upper.length === 8 && upper.startsWith('SMSPKG') && isAsciiLetter(upper[6]) && upper[7] === '$';
}

/**
 * The first reason `path` cannot be the UNC or drive path Windows would open, with a message that
 * names the part at fault; null when it can. A trailing backslash is allowed (the same folder).
 */
export function windowsPathProblem(path: string, rules: WindowsPathRules): string | null {
  const text = pathTextProblem(path);
  if (text !== null) return text;
  const form = windowsPathForm(path);
  if (rules.purpose === 'share' && form !== 'unc' && form !== 'device') {
    return 'The share must be a UNC path in the form \\\\server\\share or \\\\server\\share\\path.';
  }
  const wrongForm = formProblem(path, form);
  if (wrongForm !== null) return wrongForm;
  for (const c of path) if (c === '/') return 'Write a Windows path with \\ between its parts, not /.';
  const body = form === 'unc' ? path.slice(2) : path.slice(3);
  const parts = body.split('\\');
  // One trailing backslash names the same folder; any other empty part is a doubled backslash.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (form === 'drive' && parts.length === 1 && parts[0] === '') return null; // C:\
  if (parts.some((part) => part === '')) return 'A Windows path cannot have two \\ in a row (except the \\\\ a UNC path starts with).';
  let folders = parts;
  if (form === 'unc') {
    const [server = '', share] = parts;
    const serverProblem = serverNameProblem(server);
    if (serverProblem !== null) return serverProblem;
    if (share === undefined) return `Give the share after the server: \\\\${server}\\share.`;
    const shareProblem = nameProblem(share, 'share', rules.purpose === 'share');
    if (shareProblem !== null) return shareProblem;
    if (rules.purpose === 'share') {
      const dollar = share.indexOf('$');
      if (dollar !== -1 && dollar !== share.length - 1) return `The share name ${quoted(share)} can have $ only at its end (a hidden share).`;
      if (isSystemShare(share)) return `\\\\${server}\\${share} is a share Windows or the site keeps for itself; choose a share name of the package's own.`;
    }
    folders = parts.slice(2);
  }
  for (const folder of folders) {
    const problem = nameProblem(folder, 'folder', rules.purpose === 'share');
    if (problem !== null) return problem;
    if (rules.purpose === 'share' && folder.endsWith('$')) return `The folder name ${quoted(folder)} ends with $, which only a share name may.`;
  }
  return null;
}
