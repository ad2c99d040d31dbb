/**
 * Page-to-page movement shared by every wizard. Pure, so a wizard's reducer can delegate to it
 * and its tests need no rendering. Like the SCCM 2007 left rail, going back is free but going
 * forward only happens through Next (or Summary), so every page the user skips past was checked.
 */

export function pageIndex<P extends string>(pages: readonly P[], page: P): number {
  return pages.indexOf(page);
}

/** The page after `current`, or null on the last page. */
export function pageAfter<P extends string>(pages: readonly P[], current: P): P | null {
  return pages[pageIndex(pages, current) + 1] ?? null;
}

/** The page before `current`, or null on the first page. */
export function pageBefore<P extends string>(pages: readonly P[], current: P): P | null {
  const index = pageIndex(pages, current);
  return index > 0 ? (pages[index - 1] ?? null) : null;
}

/** The rail only jumps backwards: pages ahead are reached through Next, which checks each page. */
export function canJumpTo<P extends string>(pages: readonly P[], current: P, target: P): boolean {
  const targetIndex = pageIndex(pages, target);
  return targetIndex >= 0 && targetIndex < pageIndex(pages, current);
}
