/**
 * Type-ahead (incremental search) as Windows tree and list views do it, and as the WAI-ARIA
 * Authoring Practices' tree view pattern asks: characters typed in quick succession build a
 * prefix (spaces included) matched against the labels shown, without regard to case as the site
 * database compares names (foldNoCase, SQLite's NOCASE); the same letter typed again moves on to
 * the next label that starts with it. Fluent's own Tree matches only the first character of each
 * item and ignores spaces, which cannot reach "Tailspin Toys" past "Tailspin Bulk App 0003".
 */
import { foldNoCase } from '../../../core/api';

/** Keys typed further apart than this start a new search (Windows allows about a second). */
export const typeAheadResetMs = 1000;

export interface TypeAheadBuffer {
  readonly text: string;
  readonly at: number;
}

export const emptyTypeAhead: TypeAheadBuffer = { text: '', at: -Infinity };

/** The buffer after a key: it grows within the reset time, and starts again after it. */
export function typed(buffer: TypeAheadBuffer, key: string, now: number): TypeAheadBuffer {
  const fresh = now - buffer.at > typeAheadResetMs;
  return { text: fresh ? key : buffer.text + key, at: now };
}

/** Whether a key press is type-ahead: a printable character with no Ctrl/Alt/Meta; a space only inside a search. */
export function isTypeAheadKey(event: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }, buffer: TypeAheadBuffer, now: number): boolean {
  if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return false;
  if (event.key === ' ') return buffer.text !== '' && now - buffer.at <= typeAheadResetMs;
  return true;
}

/**
 * The index of the label the search lands on, or -1 when none matches (the selection stays).
 * `label(i)` is the i-th label in the order shown (read lazily: a list may hold 100,000 rows).
 * One character, or one character typed again and again, moves to the next label starting with
 * it after `current`, wrapping round; a longer prefix keeps the current label while it matches.
 */
export function typeAheadMatch(count: number, label: (index: number) => string, current: number, text: string): number {
  if (count === 0 || text === '') return -1;
  const search = foldNoCase(text);
  const first = search.charAt(0);
  const cycling = search.split('').every((c) => c === first);
  const start = cycling ? current + 1 : Math.max(0, current);
  const prefix = cycling ? first : search;
  for (let i = 0; i < count; i++) {
    const index = (((start + i) % count) + count) % count;
    if (foldNoCase(label(index)).startsWith(prefix)) return index;
  }
  return -1;
}
