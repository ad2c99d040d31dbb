import { isAbsolute, normalize, posix, win32 } from 'node:path';
import { CourierError } from '../api';

/**
 * Checks on every value a provider hands to a tool, made before anything runs so a bad value
 * changes nothing. The share-name rules are Windows' (the NetShareAdd netname: at most 80
 * characters, none of " / \ [ ] : | < > + = ; , ? *), which Samba also accepts.
 */
export const maxShareNameLength = 80;
const shareNameForbidden = /["/\\[\]:|<>+=;,?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
export const maxCommentLength = 256;

function invalid(message: string, field: string): never {
  throw new CourierError('VALIDATION_FAILED', message, field);
}

export function checkShareName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) invalid('Name the share.', 'name');
  if (name.length > maxShareNameLength) invalid(`The share name is ${name.length} characters long; at most ${maxShareNameLength} are allowed.`, 'name');
  if (controlCharacters.test(name)) invalid('The share name contains a control character.', 'name');
  const bad = shareNameForbidden.exec(name);
  if (bad) invalid(`The share name "${name}" contains "${bad[0]}", which a share name cannot hold (none of " / \\ [ ] : | < > + = ; , ? *).`, 'name');
  if (name.trim() !== name) invalid('The share name starts or ends with a space.', 'name');
  if (name === '.' || name === '..') invalid(`"${name}" is not a share name.`, 'name');
  return name;
}

export function checkComment(comment: string | undefined): string {
  if (comment === undefined) return '';
  if (comment.length > maxCommentLength) invalid(`The share comment is ${comment.length} characters long; at most ${maxCommentLength} are allowed.`, 'comment');
  if (controlCharacters.test(comment)) invalid('The share comment contains a control character.', 'comment');
  return comment.trim();
}

/** An absolute POSIX path, normalized, with no control characters (a newline would end a smb.conf line). */
export function checkPosixPath(path: string, field = 'path'): string {
  if (typeof path !== 'string' || path.length === 0) invalid('Give the folder as an absolute path.', field);
  if (controlCharacters.test(path)) invalid('The folder path contains a control character.', field);
  if (!posix.isAbsolute(path)) invalid(`The folder "${path}" is not an absolute path.`, field);
  if (path.split('/').includes('..')) invalid(`The folder "${path}" goes up with "..".`, field);
  return posix.normalize(path).replace(/(.)\/+$/, '$1');
}

/** An absolute path on this machine (for folders the site server makes itself). */
export function checkLocalPath(path: string, field = 'path'): string {
  if (typeof path !== 'string' || path.length === 0) invalid('Give the folder as an absolute path.', field);
  if (controlCharacters.test(path)) invalid('The folder path contains a control character.', field);
  if (!isAbsolute(path)) invalid(`The folder "${path}" is not an absolute path.`, field);
  return normalize(path);
}

/** An absolute Windows path on a drive (D:\SMSPKGD$), as New-SmbShare and icacls take it. */
export function checkWindowsPath(path: string, field = 'path'): string {
  if (typeof path !== 'string' || path.length === 0) invalid('Give the folder as an absolute path.', field);
  if (controlCharacters.test(path)) invalid('The folder path contains a control character.', field);
  if (!/^[A-Za-z]:\\/.test(path)) invalid(`The folder "${path}" is not an absolute path on a drive (D:\\…).`, field);
  const rest = path.slice(3);
  if (/["*?<>|:/]/.test(rest)) invalid(`The folder "${path}" contains a character Windows paths cannot hold.`, field);
  if (rest.split('\\').includes('..')) invalid(`The folder "${path}" goes up with "..".`, field);
  return win32.normalize(path).replace(/(.)\\+$/, (match, last: string) => (last === ':' ? match : last));
}

/** A folder inside a share (a package ID, or a path under it), without a way out of the share. */
export function checkShareFolder(folder: string | undefined): string[] | undefined {
  if (folder === undefined) return undefined;
  if (controlCharacters.test(folder)) invalid('The folder contains a control character.', 'folder');
  const parts = folder.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) return undefined;
  if (parts.includes('..')) invalid(`The folder "${folder}" goes up with "..".`, 'folder');
  if (/^[A-Za-z]:$/.test(parts[0] ?? '')) invalid(`The folder "${folder}" must be relative to the share.`, 'folder');
  return parts;
}

/** Whether a file, relative to the share with / or \, is in the folder (compared without case, as SMB does). */
export function isInFolder(file: string, folder: readonly string[] | undefined): boolean {
  if (folder === undefined) return true;
  const parts = file.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (parts.length < folder.length) return false;
  return folder.every((part, index) => part.localeCompare(parts[index] ?? '', undefined, { sensitivity: 'accent' }) === 0);
}
