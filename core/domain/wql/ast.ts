import type { WqlSpan } from './errors';

/** What the parser read, before any name is looked up: every node knows where it was written. */
export interface PropertyRef {
  readonly kind: 'property';
  /** `SMS_R_System` in `SMS_R_System.Name`. */
  readonly qualifier: { readonly name: string; readonly span: WqlSpan } | undefined;
  readonly name: string;
  readonly span: WqlSpan;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: WqlSpan;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  /** As written (`007`, `TRUE`), for a string property compared with it. */
  readonly text: string;
  readonly span: WqlSpan;
}

export type Literal = StringLiteral | NumberLiteral;

export interface FunctionCall {
  readonly kind: 'call';
  readonly name: 'upper' | 'lower';
  readonly argument: Operand;
  readonly span: WqlSpan;
}

export type Operand = PropertyRef | Literal | FunctionCall;

export type ComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

export type Condition =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[]; readonly span: WqlSpan }
  | { readonly kind: 'not'; readonly operand: Condition; readonly span: WqlSpan }
  | { readonly kind: 'compare'; readonly operator: ComparisonOperator; readonly left: Operand; readonly right: Operand; readonly span: WqlSpan }
  | { readonly kind: 'like'; readonly negated: boolean; readonly subject: Operand; readonly pattern: Operand; readonly span: WqlSpan }
  | { readonly kind: 'in'; readonly negated: boolean; readonly subject: Operand; readonly values: readonly Operand[]; readonly span: WqlSpan }
  | { readonly kind: 'null'; readonly negated: boolean; readonly subject: Operand; readonly span: WqlSpan };

export interface WqlQuery {
  /** `undefined` for `SELECT *`. */
  readonly properties: readonly PropertyRef[] | undefined;
  readonly distinct: boolean;
  readonly from: { readonly name: string; readonly span: WqlSpan };
  readonly where: Condition | undefined;
}
