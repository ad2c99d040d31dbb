import { foldNoCase } from '../../api';
import type { ComparisonOperator, Condition, Literal, Operand, PropertyRef, WqlQuery } from './ast';
import type { CheckedCondition, CheckedQuery, Subject, Value } from './checked';
import { canonicalClassName, classNotAllowed } from './class-names';
import { wqlError, type WqlSpan } from './errors';
import { LikePatternError, parseLikePattern } from './like-pattern';
import { wqlLimits } from './limits';
import type { WqlClass, WqlProperty } from './schema';
import { closestName } from './suggest';

type Side = { readonly kind: 'subject'; readonly subject: Subject } | { readonly kind: 'value'; readonly literal: Literal; readonly fold: 'upper' | 'lower' | undefined; readonly span: WqlSpan };

const flipped: Record<ComparisonOperator, ComparisonOperator> = { '=': '=', '<>': '<>', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** SQLite's upper() changes ASCII letters only (as its lower() and NOCASE do); so does this, so both sides agree. */
const asciiUpper = (text: string): string => text.replace(/[a-z]+/g, (s) => s.toUpperCase());

/** Looks up the class and properties of a parsed query rule in `classes` and types its values. */
export function checkWql(query: WqlQuery, text: string, classes: readonly WqlClass[]): CheckedQuery {
  return new Checker(query, text, classes).check();
}

class Checker {
  private readonly wqlClass: WqlClass;

  constructor(
    private readonly query: WqlQuery,
    private readonly text: string,
    classes: readonly WqlClass[],
  ) {
    const problem = classNotAllowed(query.from.name);
    if (problem) throw this.error(query.from.span, problem);
    const name = canonicalClassName(query.from.name);
    const found = classes.find((c) => c.name === name);
    if (!found) throw this.error(query.from.span, `Courier does not support query rules on ${name} yet.`);
    this.wqlClass = found;
  }

  check(): CheckedQuery {
    const properties = this.query.properties?.flatMap((ref) => (ref.name === '*' ? (this.qualifier(ref), []) : [this.property(ref)]));
    const selectsAll = this.query.properties === undefined || this.query.properties.some((ref) => ref.name === '*');
    return {
      source: this.text,
      class: this.wqlClass,
      properties: selectsAll ? undefined : properties,
      where: this.query.where && this.condition(this.query.where),
    };
  }

  private condition(condition: Condition): CheckedCondition {
    switch (condition.kind) {
      case 'and':
      case 'or':
        return { kind: condition.kind, operands: condition.operands.map((operand) => this.condition(operand)) };
      case 'not':
        return { kind: 'not', operand: this.condition(condition.operand) };
      case 'compare':
        return this.comparison(condition.operator, condition.left, condition.right);
      case 'like':
        return this.like(condition.negated, condition.subject, condition.pattern);
      case 'in': {
        const subject = this.subjectOf(condition.subject, 'IN');
        return { kind: 'in', negated: condition.negated, subject, values: condition.values.map((value) => this.valueFor(subject, this.valueOf(value, 'IN'))) };
      }
      case 'null':
        return { kind: 'null', negated: condition.negated, subject: this.subjectOf(condition.subject, 'IS NULL') };
    }
  }

  private comparison(operator: ComparisonOperator, leftOperand: Operand, rightOperand: Operand): CheckedCondition {
    const left = this.side(leftOperand);
    const right = this.side(rightOperand);
    if (left.kind === 'subject') {
      if (right.kind === 'subject') throw this.error(rightOperand.span, `compare ${left.subject.property.name} with a value: comparing two properties is not supported in query rules.`);
      return { kind: 'compare', operator, subject: left.subject, value: this.valueFor(left.subject, right) };
    }
    if (right.kind === 'value') throw this.error(leftOperand.span, 'one side of a comparison must be a property.');
    return { kind: 'compare', operator: flipped[operator], subject: right.subject, value: this.valueFor(right.subject, left) };
  }

  private like(negated: boolean, subjectOperand: Operand, patternOperand: Operand): CheckedCondition {
    const subject = this.subjectOf(subjectOperand, 'LIKE');
    if (subject.property.type === 'number') throw this.error(subjectOperand.span, `LIKE compares strings, and ${subject.property.name} is a number: use =, <, > or IN.`);
    const pattern = this.valueOf(patternOperand, 'LIKE');
    if (pattern.literal.kind !== 'string') throw this.error(pattern.span, `LIKE needs a quoted pattern, such as '%${pattern.literal.text}%'.`);
    const text = fold(pattern.literal.value, pattern.fold);
    if (text.length > wqlLimits.maxLikePatternLength) {
      throw this.error(pattern.span, `the LIKE pattern is ${text.length.toLocaleString('en-US')} characters long; it can be at most ${wqlLimits.maxLikePatternLength.toLocaleString('en-US')}.`);
    }
    try {
      return { kind: 'like', negated, subject, pattern: parseLikePattern(text), span: pattern.span };
    } catch (error) {
      if (error instanceof LikePatternError) throw this.error(pattern.span, error.message);
      throw error;
    }
  }

  private side(operand: Operand, fold?: 'upper' | 'lower'): Side {
    switch (operand.kind) {
      case 'property':
        return { kind: 'subject', subject: { property: this.property(operand), fold, span: operand.span } };
      case 'string':
      case 'number':
        return { kind: 'value', literal: operand, fold, span: operand.span };
      case 'call': {
        const inner = this.side(operand.argument, fold ?? operand.name);
        const name = operand.name.toUpperCase();
        if (inner.kind === 'subject' && inner.subject.property.type === 'number') throw this.error(operand.span, `${name}() takes a string, and ${inner.subject.property.name} is a number.`);
        if (inner.kind === 'value' && inner.literal.kind === 'number') throw this.error(operand.span, `${name}() takes a string, not the number ${inner.literal.text}.`);
        return inner.kind === 'subject' ? { kind: 'subject', subject: { ...inner.subject, span: operand.span } } : { ...inner, span: operand.span };
      }
    }
  }

  private subjectOf(operand: Operand, what: string): Subject {
    const side = this.side(operand);
    if (side.kind !== 'subject') throw this.error(operand.span, `the left side of ${what} must be a property.`);
    return side.subject;
  }

  private valueOf(operand: Operand, what: string): Side & { kind: 'value' } {
    const side = this.side(operand);
    if (side.kind !== 'value') throw this.error(operand.span, `${what} takes values here, not the property ${side.subject.property.name}.`);
    return side;
  }

  /** The value as the property's type: WQL compares ResourceId = '5' as ResourceId = 5. */
  private valueFor(subject: Subject, side: Side & { kind: 'value' }): Value {
    const { literal } = side;
    if (subject.property.type === 'string') return literal.kind === 'string' ? fold(literal.value, side.fold) : literal.text;
    if (literal.kind === 'number') return literal.value;
    const trimmed = literal.value.trim();
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
    throw this.error(side.span, `${subject.property.name} is a number, and ${JSON.stringify(literal.value.length > 40 ? `${literal.value.slice(0, 40)}…` : literal.value)} is not one.`);
  }

  private property(ref: PropertyRef): WqlProperty {
    this.qualifier(ref);
    const nameSpan = ref.qualifier ? { offset: ref.span.offset + ref.span.length - ref.name.length, length: ref.name.length } : ref.span;
    if (ref.name === '*') throw this.error(ref.span, `${ref.qualifier?.name ?? ''}.* selects every property; it cannot be compared.`);
    const lower = ref.name.toLowerCase();
    const found = this.wqlClass.properties.find((p) => p.name.toLowerCase() === lower);
    if (found) return found;
    const later = this.wqlClass.notYet?.find((p) => p.name.toLowerCase() === lower);
    if (later) throw this.error(nameSpan, `${later.name} holds ${later.holds === 'dates' ? 'dates and times' : 'binary values'}, which query rules here cannot test yet.`);
    const guess = closestName(ref.name, this.wqlClass.properties.map((p) => p.name));
    throw this.error(nameSpan, `"${ref.name}" is not a property of ${this.wqlClass.name}${guess ? `; did you mean ${guess}?` : '.'}`);
  }

  private qualifier(ref: PropertyRef): void {
    if (!ref.qualifier) return;
    const problem = classNotAllowed(ref.qualifier.name);
    if (problem) throw this.error(ref.qualifier.span, problem);
    if (canonicalClassName(ref.qualifier.name) !== this.wqlClass.name) {
      throw this.error(ref.qualifier.span, `this query selects from ${this.wqlClass.name}, not ${canonicalClassName(ref.qualifier.name)}: a query rule uses the properties of one class.`);
    }
  }

  private error(span: WqlSpan, reason: string) {
    return wqlError(this.text, span, reason);
  }
}

function fold(text: string, how: 'upper' | 'lower' | undefined): string {
  return how === 'upper' ? asciiUpper(text) : how === 'lower' ? foldNoCase(text) : text;
}
