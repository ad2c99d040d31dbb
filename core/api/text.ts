import { z } from 'zod';

/**
 * The one text policy of every text field the contract accepts (docs/text-policy.md): names,
 * command lines, comments, paths, accounts. A field is one line of Unicode text, trimmed, whose
 * length counts UTF-16 code units as the suite's WMI strings and Windows do (so an emoji outside
 * the Basic Multilingual Plane counts two). Refused anywhere: control characters (C0 including
 * TAB, CR and LF, DEL, C1), the Unicode line and paragraph separators, the bidirectional
 * embedding, override and isolate controls (CVE-2021-42574, "Trojan Source") and unpaired
 * surrogates (not Unicode at all: SQLite would store them as invalid UTF-8).
 */

export interface RefusedCharacter {
  /** 1-based position, counted in UTF-16 code units as lengths are. */
  readonly position: number;
  readonly codePoint: number;
  /** "a line break", "a bidirectional override" … */
  readonly what: string;
  /** What to do about it: "type it on one line". */
  readonly advice: string;
}

const bidiNames: Readonly<Record<number, string>> = {
  0x202a: 'a bidirectional embedding',
  0x202b: 'a bidirectional embedding',
  0x202c: 'a bidirectional formatting character',
  0x202d: 'a bidirectional override',
  0x202e: 'a bidirectional override',
  0x2066: 'a bidirectional isolate',
  0x2067: 'a bidirectional isolate',
  0x2068: 'a bidirectional isolate',
  0x2069: 'a bidirectional isolate',
};

const reorderAdvice = 'remove it: it makes the text display in another order than the one it runs in';

function classify(unit: number, next: number, previous: number): Omit<RefusedCharacter, 'position'> | null {
  if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
    if (unit === 0x0a || unit === 0x0d || unit === 0x0b || unit === 0x0c || unit === 0x85) {
      return { codePoint: unit, what: 'a line break', advice: 'type it on one line' };
    }
    if (unit === 0x09) return { codePoint: unit, what: 'a tab', advice: 'use spaces instead' };
    if (unit === 0x00) return { codePoint: unit, what: 'a NUL character', advice: 'remove it' };
    return { codePoint: unit, what: 'a control character', advice: 'remove it' };
  }
  if (unit === 0x2028 || unit === 0x2029) return { codePoint: unit, what: 'a line break', advice: 'type it on one line' };
  const bidi = bidiNames[unit];
  if (bidi !== undefined) return { codePoint: unit, what: bidi, advice: reorderAdvice };
  const high = unit >= 0xd800 && unit <= 0xdbff;
  const low = unit >= 0xdc00 && unit <= 0xdfff;
  if ((high && !(next >= 0xdc00 && next <= 0xdfff)) || (low && !(previous >= 0xd800 && previous <= 0xdbff))) {
    return { codePoint: unit, what: 'half of a character (an unpaired surrogate)', advice: 'type the character again' };
  }
  return null;
}

// Every unit the policy might refuse; surrogates are refused only when unpaired, so they are looked at one by one.
// eslint-disable-next-line no-control-regex
const suspect = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** The first character the policy refuses, or null. Linear in the text. */
export function firstRefusedCharacter(text: string): RefusedCharacter | null {
  if (!suspect.test(text)) return null;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate is judged by the unit before it, a high one by the unit after it.
    const found = classify(unit, i + 1 < text.length ? text.charCodeAt(i + 1) : -1, previous);
    if (found !== null) return { ...found, position: i + 1 };
    previous = unit;
  }
  return null;
}

/** U+000A, U+1F600: how messages name a character. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "Name contains a line break (U+000A) at position 10; type it on one line." */
export function refusedCharacterMessage(label: string, found: RefusedCharacter): string {
  return `${label} contains ${found.what} (${codePointLabel(found.codePoint)}) at position ${found.position}; ${found.advice}.`;
}

/** Length as the suite counts it: UTF-16 code units. */
export function textLength(text: string): number {
  return text.length;
}

/** The longest start of `text` of at most `max` UTF-16 units that does not end inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = Math.max(0, max);
  const last = text.charCodeAt(cut - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut);
}

export interface TextRules {
  /** How messages name the field: "Name", "Command line", "The source directory". */
  readonly label: string;
  /** Most UTF-16 code units allowed. */
  readonly max: number;
  /** The message for an empty value; absent = the field may be empty. */
  readonly required?: string;
  /** A form the text must also have, checked only once the policy passes (so one message per field). */
  readonly pattern?: { readonly test: (text: string) => boolean; readonly message: string };
  /** A rule of the field's own whose message depends on the value (a path's form), checked last. */
  readonly problem?: (text: string) => string | null;
  /** Leading and trailing white space is dropped (default); a folder being browsed keeps it. */
  readonly trim?: boolean;
  /**
   * Line breaks (CR, LF) and tabs are part of the text, as in a query rule pasted from a web page
   * and shown as typed; every other character the policy refuses is still refused.
   */
  readonly multiline?: boolean;
}

/** The one problem of a (trimmed) value under `rules`, or null: emptiness, characters, length, form. */
export function textProblem(value: string, rules: TextRules): string | null {
  if (value === '') return rules.required ?? null;
  const found = firstRefusedCharacter(rules.multiline ? value.replace(/[\r\n\t]/g, ' ') : value);
  if (found !== null) return refusedCharacterMessage(rules.label, found);
  const length = textLength(value);
  if (length > rules.max) {
    const astral = length > [...value].length ? '; characters beyond U+FFFF, such as emoji, count as two' : '';
    return `${rules.label} can be at most ${rules.max} characters (${length} given${astral}).`;
  }
  if (rules.pattern && !rules.pattern.test(value)) return rules.pattern.message;
  return rules.problem?.(value) ?? null;
}

/** Every field built by textSchema, with its label and limit: what the contract's text fields are. */
export const textFieldRegistry = z.registry<{ readonly label: string; readonly max: number }>();

/** A trimmed text field under the policy; every text field of every request schema is one of these. */
export function textSchema(rules: TextRules) {
  const base = rules.trim === false ? z.string() : z.string().trim();
  return base
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rules);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    .register(textFieldRegistry, { label: rules.label, max: rules.max });
}

/** A field that may be empty. */
export function optionalText(label: string, max: number) {
  return textSchema({ label, max });
}

/** A field that must not be empty; `required` defaults to "<label> is required." */
export function requiredText(label: string, max: number, required = `${label} is required.`) {
  return textSchema({ label, max, required });
}

/**
 * Names and IDs compare as SQLite's NOCASE collation does (the site database's UNIQUE indexes):
 * only the ASCII letters A–Z fold, so "É" and "é" are two names, as the database sees them.
 */
export function foldNoCase(text: string): string {
  // For ASCII text the native lower-casing is exactly that folding, and much faster.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  }
  return text.toLowerCase();
}

export function sameNoCase(a: string, b: string): boolean {
  return a.length === b.length && foldNoCase(a) === foldNoCase(b);
}
