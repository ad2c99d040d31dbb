import { pathTextProblem, windowsPathForm, windowsPathProblem } from './windows-path';

/**
 * The path forms a package's source directory and share take. The console checks the form;
 * the site server checks that the folder is really there (core/content/source-directory.ts).
 * Every check walks the text once (no regular expression), so no input can make it slow.
 */
export type SourcePathForm = 'unc' | 'windowsLocal' | 'posix';

/** Which form `path` has, judged by its start only; null for relative and device paths. */
export function sourcePathFormOf(path: string): SourcePathForm | null {
  const form = windowsPathForm(path);
  if (form === 'unc') return 'unc';
  if (form === 'drive') return 'windowsLocal';
  if (path[0] === '/') return 'posix';
  return null;
}

const sourceForms = 'a local path (C:\\Sources\\App or /srv/sources/app) or a UNC path (\\\\server\\share\\path)';

/** The first reason `path` is not an absolute POSIX folder path as the site server stores it, or null. */
export function posixPathProblem(path: string): string | null {
  const text = pathTextProblem(path);
  if (text !== null) return text;
  if (path[0] !== '/') return `"${path.slice(0, 40)}" is not an absolute path: it must start with /.`;
  let start = 1;
  for (let i = 1; i <= path.length; i++) {
    if (i < path.length && path[i] !== '/') continue;
    const segment = path.slice(start, i);
    if (segment === '' && i < path.length) return 'A path cannot have two / in a row.';
    if (segment === '.' || segment === '..') return `A path cannot use ${segment} as a folder: write the folder itself.`;
    start = i + 1;
  }
  return null;
}

/** The first reason `path` cannot be a source directory, in words the admin can act on; null when its form is right. */
export function sourceDirectoryProblem(path: string): string | null {
  const text = pathTextProblem(path);
  if (text !== null) return text;
  const form = windowsPathForm(path);
  if (form === 'unc' || form === 'drive' || form === 'device') return windowsPathProblem(path, { purpose: 'folder' });
  if (path[0] === '/') return posixPathProblem(path);
  const kind = form === 'driveRelative' ? `relative to drive ${path.slice(0, 2)}'s current folder` : 'a relative path';
  return `"${path.length > 40 ? `${path.slice(0, 40)}…` : path}" is ${kind}: the source directory must be ${sourceForms}.`;
}

/** True when `path` has one of the source directory forms and passes their rules. */
export function isSourcePathForm(path: string): boolean {
  return sourceDirectoryProblem(path) === null;
}

/** The first reason `path` cannot be the share of "Share the distribution folder", or null. */
export function shareFolderProblem(path: string): string | null {
  return windowsPathProblem(path, { purpose: 'share' });
}
