/**
 * Paths on the site server as the console handles them: typed by the admin, in the form the site
 * server will read (POSIX, a drive path or UNC), whichever computer the console runs on.
 */

/** The folder above a typed path, '' (the roots' list) above a root; either separator, as typed. */
export function parentOf(path: string): string {
  if (path === '/' || path === '') return '';
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  if (cut < 0) return '';
  if (cut === 0) return trimmed.startsWith('/') ? '/' : '';
  const parent = trimmed.slice(0, cut);
  // Keep "C:\" and "\\server\share" whole: C: or \\server alone cannot be listed.
  if (/^[A-Za-z]:$/.test(parent)) return `${parent}\\`;
  if (/^\\\\[^\\]*$/.test(parent)) return '';
  return parent;
}

/** The file name at the end of a path on the site server, whichever separator it uses. */
export function fileNameOf(path: string): string {
  const trimmed = path.trim().replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  return trimmed.slice(cut + 1);
}

/** The separator a folder's own path uses: a backslash for UNC and drive paths. */
function separatorOf(folder: string): string {
  return folder.includes('\\') || /^[A-Za-z]:/.test(folder) ? '\\' : '/';
}

/** A chosen folder, ready for a file name to be typed after it. */
export function folderPrefix(folder: string): string {
  if (folder.endsWith('\\') || folder.endsWith('/')) return folder;
  return `${folder}${separatorOf(folder)}`;
}

/** A name typed in the Open dialog, inside the folder shown. */
export function joinServerPath(folder: string, name: string): string {
  return `${folderPrefix(folder)}${name}`;
}

/** A path the site server reads as it is (not relative to the folder shown): /…, C:\… or \\server\share. */
export function isAbsoluteServerPath(typed: string): boolean {
  return typed.startsWith('/') || typed.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(typed);
}

/** Where a file field's Browse starts: the typed file's folder, the typed folder, or '' (the roots). */
export function browseStartOf(value: string): string {
  const typed = value.trim();
  if (!isAbsoluteServerPath(typed)) return '';
  return /[\\/]$/.test(typed) ? typed : parentOf(typed);
}
