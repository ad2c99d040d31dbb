/**
 * Bounds on what one query rule may be, so that a pasted megabyte or a generated nest of
 * parentheses is refused with a message instead of exhausting the stack or the database.
 * Real rules are a few hundred characters deep in two or three levels.
 */
export const wqlLimits = {
  /** Characters (UTF-16 units) in the whole query. */
  maxQueryLength: 65_536,
  /** Parentheses and NOTs open at once. */
  maxDepth: 64,
  /** Values in one IN ( … ) list. */
  maxInListLength: 1_000,
  /** Characters in one LIKE pattern (SQLite refuses patterns past 50,000 bytes). */
  maxLikePatternLength: 4_000,
} as const;
