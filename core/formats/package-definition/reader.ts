import { codePointLabel, firstRefusedCharacter, foldNoCase, truncateText, type ApiErrorIssue } from '../../api';
import type { IniEntry, IniSection } from './ini';

/**
 * Collects findings with their section, key and line, so one import shows all of a file's
 * problems (or warnings) at once. Messages read `[INSTALL] CommandLine (line 14): required, but empty`.
 */
export class Issues {
  private readonly found: { issue: ApiErrorIssue; at: number; n: number }[] = [];

  /** `at` orders a finding without a line of its own (a missing key: its section's line). */
  add(section: string, key: string, line: number | null, problem: string, at = line ?? 0): void {
    const name = shown(section, 60, false);
    const where = line === null ? `[${name}] ${key}` : `[${name}] ${key} (line ${line})`;
    this.found.push({ issue: { field: `[${name}].${key}`, message: `${where}: ${problem}` }, at, n: this.found.length });
  }

  /** In the file's order. */
  get list(): ApiErrorIssue[] {
    return [...this.found].sort((a, b) => a.at - b.at || a.n - b.n).map((f) => f.issue);
  }
}

/**
 * A value of the file as messages show it: quoted, and cut after `max` characters, so a problem
 * names what was given without echoing a whole line back (a line can be 1 MiB long).
 */
export function shown(value: string, max = 40, quoted = true): string {
  const text = value.length <= max ? value : `${truncateText(value, max)}…`;
  const inQuotes = quoted ? `"${text}"` : text;
  return value.length <= max ? inQuotes : `${inQuotes} (${value.length} characters)`;
}

/**
 * What to do with a value over its limit. Fields that name, run or point at something (names,
 * the command line, the start-in folder, the program to run first, the platform list) are refused:
 * a shorter one would be another thing. Descriptive fields are cut, with a warning, because real
 * vendor files exceed the documented limits (docs/text-policy.md).
 */
export type OverLong = 'refuse' | 'truncate';

export class SectionReader {
  constructor(
    readonly section: IniSection,
    private readonly issues: Issues,
    private readonly warnings: Issues,
  ) {}

  get name(): string {
    return this.section.name;
  }

  entry(key: string): IniEntry | undefined {
    return this.section.entries.get(foldNoCase(key));
  }

  problem(key: string, line: number | null, text: string): void {
    this.issues.add(this.section.name, key, line, text, line ?? this.section.line);
  }

  warning(key: string, line: number | null, text: string): void {
    this.warnings.add(this.section.name, key, line, text, line ?? this.section.line);
  }

  /** A text value, '' when absent; the text policy applies, and a value over `max` characters is refused or cut. */
  text(key: string, max: number, overLong: OverLong = 'truncate'): string {
    const e = this.entry(key);
    if (!e) return '';
    const refused = firstRefusedCharacter(e.value);
    if (refused !== null) {
      this.problem(e.key, e.line, `contains ${refused.what} (${codePointLabel(refused.codePoint)}) at position ${refused.position}; ${refused.advice}`);
      return '';
    }
    if (e.value.length <= max) return e.value;
    if (overLong === 'refuse') {
      this.problem(e.key, e.line, `at most ${max} characters, but ${e.value.length} given`);
      return '';
    }
    this.warning(e.key, e.line, `${e.value.length} characters; Courier keeps the first ${max}`);
    return truncateText(e.value, max);
  }

  /** A key that must be present; `nonEmpty` also refuses `Key=` with nothing after it. */
  required(key: string, max: number, nonEmpty: boolean, overLong: OverLong = 'refuse'): string {
    const e = this.entry(key);
    if (!e) {
      this.problem(key, null, `required, but missing from the section (line ${this.section.line})`);
      return '';
    }
    if (nonEmpty && e.value === '') {
      this.problem(e.key, e.line, 'required, but empty');
      return '';
    }
    return this.text(key, max, overLong);
  }

  /** True/False in any case (also Yes/No and 1/0); absent or empty = the default. */
  bool(key: string, fallback: boolean): boolean {
    const e = this.entry(key);
    if (!e || e.value === '') return fallback;
    const v = foldNoCase(e.value);
    if (v === 'true' || v === 'yes' || v === '1') return true;
    if (v === 'false' || v === 'no' || v === '0') return false;
    this.problem(e.key, e.line, `True or False, but ${shown(e.value)} given`);
    return fallback;
  }

  /** One of `choices` (matched case-insensitively, keys are the file's words); absent or empty = the default. */
  choice<T>(key: string, choices: Record<string, T>, fallback: T): T {
    const e = this.entry(key);
    if (!e || e.value === '') return fallback;
    const wanted = foldNoCase(e.value);
    const found = Object.entries(choices).find(([word]) => foldNoCase(word) === wanted);
    if (found) return found[1];
    const words = Object.keys(choices);
    this.problem(e.key, e.line, `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}, but ${shown(e.value)} given`);
    return fallback;
  }
}

/** A comma list, entries trimmed, empty entries dropped. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
