import { foldNoCase } from '../../../core/api';
import type { DataGridColumn, SortState } from './data-grid-types';

/**
 * Type-ahead as Windows list views do it: characters typed within about a second of each other
 * (spaces too) build one prefix, and the first row (in the order shown) whose searched column
 * starts with it, case ignored as the site database ignores it (NOCASE), is selected. Typing one
 * letter again and again moves through the rows that start with it instead.
 */
export interface TypedText {
  readonly text: string;
  /** When the last key came, in milliseconds. */
  readonly at: number;
}

/** How long after a key the next one still adds to the prefix (Windows: about a second). */
export const typeAheadPause = 1000;

/** Whether a key press is a character to search for (not a shortcut, not a named key). */
export function isTypeAheadKey(event: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Whether a search is under way, so Space is part of the name ("Tailspin T") rather than select. */
export function isTyping(typed: TypedText | null, now: number): boolean {
  return typed !== null && now - typed.at < typeAheadPause;
}

/** The text typed so far once `character` is added at `now`. */
export function typeCharacter(typed: TypedText | null, character: string, now: number): TypedText {
  return { text: isTyping(typed, now) && typed ? typed.text + character : character, at: now };
}

function sameCharacter(text: string): boolean {
  for (let i = 1; i < text.length; i++) if (text[i] !== text[0]) return false;
  return true;
}

/**
 * The index of the row to select for `text`, or -1 when none starts with it. `label(i)` is the
 * first column of row `i` in the order shown; `active` is the focused row (-1 for none).
 */
export function typeAheadMatch(text: string, count: number, label: (index: number) => string, active: number): number {
  if (text === '' || count === 0) return -1;
  const cycling = sameCharacter(text);
  const prefix = foldNoCase(cycling ? text.charAt(0) : text);
  // A new letter, or the same one again, moves on from the focused row; a longer prefix may still match it.
  const start = cycling ? active + 1 : Math.max(active, 0);
  for (let step = 0; step < count; step++) {
    const index = (((start + step) % count) + count) % count;
    if (foldNoCase(label(index)).startsWith(prefix)) return index;
  }
  return -1;
}

/**
 * The column type-ahead searches: the sorted one when it holds words or IDs, else the first (the
 * name). A date or a number is not what an admin types to find a row.
 */
export function typeAheadColumn<Row>(columns: readonly DataGridColumn<Row>[], sort: SortState | null): DataGridColumn<Row> | undefined {
  const sorted = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
  return sorted && (sorted.kind === 'text' || sorted.kind === 'id') ? sorted : columns[0];
}
