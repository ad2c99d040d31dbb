import { posixLocalPathPattern, uncPathPattern, windowsLocalPathPattern } from '../../../core/api';

/** The two choices of the Set Source Directory dialog (seed fig. 11-3). */
export type SourceDirectoryType = 'unc' | 'local';

export function sourceDirectoryTypeOf(path: string): SourceDirectoryType | null {
  if (path.startsWith('\\\\')) return 'unc';
  if (/^[A-Za-z]:/.test(path) || path.startsWith('/')) return 'local';
  return null;
}

/** The core's path forms (core/api/packages.ts), split by the dialog's two choices. */
export function sourcePathFormProblem(type: SourceDirectoryType, path: string, localExample: string): string | null {
  if (type === 'unc') {
    return uncPathPattern.test(path) ? null : 'Type a network path in the form \\\\server\\share\\folder.';
  }
  return windowsLocalPathPattern.test(path) || posixLocalPathPattern.test(path)
    ? null
    : `Type a folder on the site server's own drives, such as ${localExample}.`;
}
