import type { ComparisonOperator } from './ast';
import type { WqlSpan } from './errors';
import type { LikePart } from './like-pattern';
import type { WqlClass, WqlProperty } from './schema';

/**
 * A query rule after its names were looked up and its values typed: what a compiler for any
 * storage needs, and nothing of how it was spelled. Spans stay, so a storage that lacks a
 * property can still say where it was used.
 */
export interface Subject {
  readonly property: WqlProperty;
  /** UPPER() or LOWER() around the property (the outermost, when nested). */
  readonly fold: 'upper' | 'lower' | undefined;
  readonly span: WqlSpan;
}

/** A value typed as its property: a number for a number property, a string for a string one. */
export type Value = string | number;

export type CheckedCondition =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly CheckedCondition[] }
  | { readonly kind: 'not'; readonly operand: CheckedCondition }
  | { readonly kind: 'compare'; readonly operator: ComparisonOperator; readonly subject: Subject; readonly value: Value }
  | { readonly kind: 'like'; readonly negated: boolean; readonly subject: Subject; readonly pattern: readonly LikePart[]; readonly span: WqlSpan }
  | { readonly kind: 'in'; readonly negated: boolean; readonly subject: Subject; readonly values: readonly Value[] }
  | { readonly kind: 'null'; readonly negated: boolean; readonly subject: Subject };

export interface CheckedQuery {
  /** The query as the admin wrote it, so later stages can place their errors in it too. */
  readonly source: string;
  readonly class: WqlClass;
  /** The SELECT list, resolved; `undefined` for `SELECT *`. Membership uses only the resource IDs. */
  readonly properties: readonly WqlProperty[] | undefined;
  readonly where: CheckedCondition | undefined;
}
