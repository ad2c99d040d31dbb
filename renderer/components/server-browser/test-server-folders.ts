import type { ApiResult, CourierClient, FileEntryDto, FileListDto, FolderListDto } from '../../../core/api';

/**
 * For renderer tests: the answers of files:list and files:list-folders for a few folders of a
 * pretend site server, in the core's shapes (the roots' list at '', a root's parent '', UNC
 * paths kept), and a record of what was asked. A folder not described is not there.
 */
export interface ServerFolder {
  readonly folders?: readonly string[];
  readonly files?: readonly { readonly name: string; readonly size: number; readonly modified: string }[];
}

export interface TestServerFolders {
  readonly answers: Pick<CourierClient, 'files:list' | 'files:list-folders'>;
  readonly asked: { channel: string; path: string; extensions?: readonly string[] }[];
}

function join(folder: string, name: string): string {
  if (folder.endsWith('/') || folder.endsWith('\\')) return `${folder}${name}`;
  return `${folder}${folder.startsWith('\\\\') ? '\\' : '/'}${name}`;
}

function parentOf(path: string, roots: readonly string[]): string {
  if (roots.includes(path)) return '';
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function testServerFolders(
  folders: Readonly<Record<string, ServerFolder>>,
  options: { readonly roots?: readonly string[]; readonly refuse?: Readonly<Record<string, string>> } = {},
): TestServerFolders {
  const roots = options.roots ?? ['/'];
  const asked: TestServerFolders['asked'] = [];

  function list(asked: string, extensions: readonly string[] | null): ApiResult<FileListDto> {
    // As the core does: a trailing separator names the same folder.
    const path = asked.length > 1 ? asked.replace(/[\\/]+$/, '') : asked;
    const refusal = options.refuse?.[path];
    if (refusal !== undefined) return { ok: false, error: { code: 'FORBIDDEN', message: refusal, field: 'path' } };
    if (path === '') return { ok: true, value: { path: '', parent: null, folders: roots.map((root) => ({ name: root, path: root })), files: [], truncated: false } };
    const folder = folders[path];
    if (folder === undefined) return { ok: false, error: { code: 'NOT_FOUND', message: `The folder ${path} does not exist on the site server.`, field: 'path' } };
    const files: FileEntryDto[] = (folder.files ?? [])
      .filter((file) => extensions !== null && (extensions.length === 0 || extensions.some((e) => file.name.toLowerCase().endsWith(e))))
      .map((file) => ({ ...file, path: join(path, file.name) }));
    return {
      ok: true,
      value: { path, parent: parentOf(path, roots), folders: (folder.folders ?? []).map((name) => ({ name, path: join(path, name) })), files, truncated: false },
    };
  }

  return {
    asked,
    answers: {
      'files:list': async ({ path = '', extensions = [] }) => {
        asked.push({ channel: 'files:list', path, extensions });
        return list(path, extensions);
      },
      'files:list-folders': async ({ path = '' }) => {
        asked.push({ channel: 'files:list-folders', path });
        const result = list(path, null);
        if (!result.ok) return result;
        const { files: _files, ...listing } = result.value;
        return { ok: true, value: listing satisfies FolderListDto };
      },
    },
  };
}
