import type { ApiErrorIssue } from '../../api';
import type { IniEntry, IniSection } from './ini';

/**
 * Reads keys of one section and collects every problem with its section, key and line, so one
 * import shows all of a file's mistakes at once. Messages read
 * `[INSTALL] CommandLine (line 14): required, but empty`.
 */
export class Issues {
  private readonly found: { issue: ApiErrorIssue; at: number; n: number }[] = [];

  /** `at` orders a problem without a line of its own (a missing key: its section's line). */
  add(section: string, key: string, line: number | null, problem: string, at = line ?? 0): void {
    const where = line === null ? `[${section}] ${key}` : `[${section}] ${key} (line ${line})`;
    this.found.push({ issue: { field: `[${section}].${key}`, message: `${where}: ${problem}` }, at, n: this.found.length });
  }

  /** In the file's order. */
  get list(): ApiErrorIssue[] {
    return [...this.found].sort((a, b) => a.at - b.at || a.n - b.n).map((f) => f.issue);
  }
}

export class SectionReader {
  constructor(
    readonly section: IniSection,
    private readonly issues: Issues,
  ) {}

  get name(): string {
    return this.section.name;
  }

  entry(key: string): IniEntry | undefined {
    return this.section.entries.get(key.toLowerCase());
  }

  problem(key: string, line: number | null, text: string): void {
    this.issues.add(this.section.name, key, line, text, line ?? this.section.line);
  }

  /** A text value, '' when absent; over `max` characters is a problem. */
  text(key: string, max: number): string {
    const e = this.entry(key);
    if (!e) return '';
    if (e.value.length > max) {
      this.problem(e.key, e.line, `at most ${max} characters, but ${e.value.length} given`);
      return e.value.slice(0, max);
    }
    return e.value;
  }

  /** A key that must be present; `nonEmpty` also refuses `Key=` with nothing after it. */
  required(key: string, max: number, nonEmpty: boolean): string {
    const e = this.entry(key);
    if (!e) {
      this.problem(key, null, `required, but missing from the section (line ${this.section.line})`);
      return '';
    }
    if (nonEmpty && e.value === '') {
      this.problem(e.key, e.line, 'required, but empty');
      return '';
    }
    return this.text(key, max);
  }

  /** True/False in any case (also Yes/No and 1/0); absent or empty = the default. */
  bool(key: string, fallback: boolean): boolean {
    const e = this.entry(key);
    if (!e || e.value === '') return fallback;
    const v = e.value.toLowerCase();
    if (v === 'true' || v === 'yes' || v === '1') return true;
    if (v === 'false' || v === 'no' || v === '0') return false;
    this.problem(e.key, e.line, `True or False, but "${e.value}" given`);
    return fallback;
  }

  /** One of `choices` (matched case-insensitively, keys are the file's words); absent or empty = the default. */
  choice<T>(key: string, choices: Record<string, T>, fallback: T): T {
    const e = this.entry(key);
    if (!e || e.value === '') return fallback;
    const found = Object.entries(choices).find(([word]) => word.toLowerCase() === e.value.toLowerCase());
    if (found) return found[1];
    const words = Object.keys(choices);
    this.problem(e.key, e.line, `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}, but "${e.value}" given`);
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
