import type { ZodType } from 'zod';

/** One message per field: the first problem the core's rules find with it. */
export type FieldIssues<F extends string> = Readonly<Partial<Record<F, string>>>;

/**
 * What a settings wizard and its property sheet need to know about one kind of draft: its
 * pages, which page holds each field, the core's rules, and the rules that clear values whose
 * controls an edit disabled. The New Program and New Program For Device wizards are two of these.
 */
export interface SettingsRules<D extends object, P extends string> {
  readonly pages: readonly P[];
  readonly pageLabels: Readonly<Record<P, string>>;
  readonly fieldPage: Readonly<Record<keyof D & string, P>>;
  readonly fieldLabels: Readonly<Record<keyof D & string, string>>;
  /** The core's checks (its schema with the cross-field rules), keyed by field. */
  readonly issues: (draft: D) => FieldIssues<keyof D & string>;
  /** Applies an edit, then clears every value whose control the edit disabled. */
  readonly apply: (draft: D, changes: Partial<D>) => D;
  /** The fields an edit makes the user responsible for (their problems show inline). */
  readonly touchedBy: (changes: Partial<D>) => readonly (keyof D & string)[];
}

/** Runs the core's schema over a draft; the first message per top-level field. */
export function issuesFromSchema<F extends string>(schema: ZodType, draft: unknown, fields: Readonly<Record<F, unknown>>): FieldIssues<F> {
  const parsed = schema.safeParse(draft);
  if (parsed.success) return {} as FieldIssues<F>;
  const issues: Partial<Record<F, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && Object.prototype.hasOwnProperty.call(fields, field) && issues[field as F] === undefined) {
      issues[field as F] = issue.message;
    }
  }
  return issues;
}

export function firstIssue<F extends string>(issues: FieldIssues<F>, fields: readonly F[]): { field: F; message: string } | null {
  for (const field of fields) {
    const message = issues[field];
    if (message !== undefined) return { field, message };
  }
  return null;
}

export function fieldsOf<D extends object, P extends string>(rules: SettingsRules<D, P>): readonly (keyof D & string)[] {
  return Object.keys(rules.fieldPage) as (keyof D & string)[];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Only what the user changed, so a save never rewrites untouched settings. */
export function changedFields<D extends object>(saved: D, draft: D): Partial<D> {
  const changes: Partial<D> = {};
  for (const field of Object.keys(draft) as (keyof D)[]) {
    if (!same(saved[field], draft[field])) changes[field] = draft[field];
  }
  return changes;
}

/** The settings part of a DTO: exactly the fields the rules know. */
export function pickSettings<D extends object, P extends string>(rules: SettingsRules<D, P>, dto: D): D {
  const out: Partial<D> = {};
  for (const field of fieldsOf(rules)) {
    const value = dto[field];
    out[field] = (Array.isArray(value) ? [...(value as unknown[])] : value) as D[typeof field];
  }
  return out as D;
}
