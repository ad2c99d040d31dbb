import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult, FolderEntryDto, FolderListDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { parentOf } from './server-paths';

export interface ServerListing<L extends FolderListDto> {
  /** The folder shown (kept while the next one is read, and when it cannot be). */
  readonly listing: L | null;
  readonly loading: boolean;
  /** Why the last folder asked for could not be listed. */
  readonly error: string | null;
  /** Where browsing starts: the roots' list ('' on the site server). */
  readonly roots: readonly FolderEntryDto[];
  /** Lists a folder; `select` is the entry to select in it (the folder Up came from). */
  go(path: string, select?: string): void;
  /** The entry the last go() asked to select, once its folder is shown. */
  readonly selectAfter: string | null;
  dismissError(): void;
}

/** Worth walking up from: the folder is not there (yet), so one above it may be. */
function isMissing(result: ApiResult<unknown>): boolean {
  return !result.ok && (result.error.code === 'NOT_FOUND' || result.error.code === 'SOURCE_NOT_FOUND');
}

/**
 * A folder of the site server, listed by `read` (files:list-folders or files:list). Opening
 * starts at `start` or, when it is not there, the nearest folder above it; when it cannot be
 * read at all (outside the source roots, an unmapped share) at the roots, which are the source
 * roots when the site limits browsing, else the mapped UNC shares and the server's own roots.
 * Only the newest request lands: an earlier answer may arrive late. Mounted when its dialog opens.
 */
export function useServerListing<L extends FolderListDto>(
  start: string,
  read: (path: string) => Promise<ApiResult<L>>,
  /** What `read` asks beyond the path (the type filter): when it changes, the folder shown is listed again. */
  readKey = '',
): ServerListing<L> {
  const courier = useCourier();
  const [listing, setListing] = useState<L | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roots, setRoots] = useState<readonly FolderEntryDto[]>([]);
  const [selectAfter, setSelectAfter] = useState<string | null>(null);
  const latest = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;
  const shown = useRef<string | null>(null);

  const list = useCallback(async (path: string, walkUp: boolean, select: string | null) => {
    const request = ++latest.current;
    setLoading(true);
    let candidate = path;
    let result = await settle(() => readRef.current(candidate));
    while (walkUp && candidate !== '' && !result.ok) {
      candidate = isMissing(result) ? parentOf(candidate) : '';
      result = await settle(() => readRef.current(candidate));
      if (request !== latest.current) return;
    }
    if (request !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      shown.current = result.value.path;
      setListing(result.value);
      setSelectAfter(select);
      setError(null);
    } else {
      setError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void list(start.trim(), true, null);
    void settle(() => courier['files:list-folders']({ path: '' })).then((result) => setRoots(result.ok ? result.value.folders : []));
  }, []);

  const listedKey = useRef(readKey);
  useEffect(() => {
    if (readKey === listedKey.current) return;
    listedKey.current = readKey;
    if (shown.current !== null) void list(shown.current, false, null);
    else void list(start.trim(), true, null);
  }, [readKey]);

  return {
    listing,
    loading,
    error,
    roots,
    selectAfter,
    go: (path, select) => {
      setError(null);
      void list(path, false, select ?? null);
    },
    dismissError: () => setError(null),
  };
}
