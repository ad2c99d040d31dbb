import { sourceDirectoryProblem, sourcePathFormOf } from '../../../core/api';

/** The two choices of the Set Source Directory dialog (docs/software-distribution.md#set-source-directory). */
export type SourceDirectoryType = 'unc' | 'local';

export function sourceDirectoryTypeOf(path: string): SourceDirectoryType | null {
  if (path.startsWith('\\\\')) return 'unc';
  if (/^[A-Za-z]:/.test(path) || path.startsWith('/')) return 'local';
  return null;
}

/** The core's path forms (core/api/source-paths.ts), split by the dialog's two choices. */
export function sourcePathFormProblem(type: SourceDirectoryType, path: string, localExample: string): string | null {
  const form = sourcePathFormOf(path);
  if (type === 'unc') {
    return form === 'unc' ? sourceDirectoryProblem(path) : 'Type a network path in the form \\\\server\\share\\folder.';
  }
  return form === 'windowsLocal' || form === 'posix'
    ? sourceDirectoryProblem(path)
    : `Type a folder on the site server's own drives, such as ${localExample}.`;
}
