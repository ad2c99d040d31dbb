import type { ComparisonOperator, Condition, Literal, Operand, PropertyRef, WqlQuery } from './ast';
import { lineAndColumn, wqlError, type WqlSpan } from './errors';
import { wqlLimits } from './limits';
import { classNotAllowed } from './class-names';
import { tokenize, type Token } from './tokens';

const comparisonOperators: Record<string, ComparisonOperator> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };
const joinWords = new Set(['join', 'inner', 'left', 'right', 'full', 'cross', 'outer']);

const spanOf = (token: WqlSpan): WqlSpan => ({ offset: token.offset, length: token.length });
const spanFrom = (first: WqlSpan, last: WqlSpan): WqlSpan => ({ offset: first.offset, length: last.offset + last.length - first.offset });

/**
 * Reads a query rule into its syntax tree: a hand-written recursive-descent parser whose only
 * recursion is through parentheses, NOT and UPPER/LOWER, each counted against wqlLimits.maxDepth,
 * and whose AND/OR chains are loops, so no input can overflow the stack.
 */
export function parseWql(text: string): WqlQuery {
  return new Parser(text).query();
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  query(): WqlQuery {
    if (this.peek().kind === 'end') throw this.error(this.peek(), 'the query is empty; a query rule starts with SELECT.');
    this.expectWord('select', 'a query rule starts with SELECT');
    const distinct = this.acceptWord('distinct') !== undefined;
    let properties: PropertyRef[] | undefined;
    if (this.acceptSymbol('*')) properties = undefined;
    else {
      properties = [this.property()];
      while (this.acceptSymbol(',')) properties.push(this.property());
    }
    this.expectWord('from', 'expected FROM after the selected properties');
    const fromToken = this.expectIdentifier('expected a class name after FROM');
    const from = { name: fromToken.text, span: spanOf(fromToken) };
    this.refuseJoin();
    const alias = this.acceptWord('as');
    if (alias) throw this.error(alias, `a query rule names its class in full (${fromToken.text}.Name): aliases are not supported.`);
    let where: Condition | undefined;
    if (this.acceptWord('where')) where = this.orCondition();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      if (this.isWord(rest, 'order') || this.isWord(rest, 'group')) throw this.error(rest, `${rest.text.toUpperCase()} BY is not part of a query rule: membership has no order or groups.`);
      throw this.error(rest, `expected the end of the query, found ${this.describe(rest)}.`);
    }
    return { properties, distinct, from, where };
  }

  private refuseJoin(): void {
    const next = this.peek();
    const isComma = next.kind === 'symbol' && next.text === ',';
    if (!isComma && !(next.kind === 'identifier' && joinWords.has(next.text.toLowerCase()))) return;
    let i = this.index;
    while (this.tokens[i]!.kind === 'identifier' && joinWords.has(this.tokens[i]!.text.toLowerCase())) i++;
    if (isComma) i++;
    const joined = this.tokens[i]!;
    if (joined.kind === 'identifier') {
      const problem = classNotAllowed(joined.text);
      if (problem) throw this.error(joined, problem);
    }
    throw this.error(next, 'joins are not supported: a query rule selects from one class, SMS_R_System, SMS_R_User or SMS_R_UserGroup.');
  }

  private orCondition(): Condition {
    return this.chain('or', () => this.andCondition());
  }

  private andCondition(): Condition {
    return this.chain('and', () => this.notCondition());
  }

  /** `a OR b OR c` as one node with three operands, read in a loop. */
  private chain(word: 'and' | 'or', operand: () => Condition): Condition {
    const first = operand();
    if (!this.isWord(this.peek(), word)) return first;
    const operands = [first];
    while (this.acceptWord(word)) operands.push(operand());
    return { kind: word, operands, span: spanFrom(first.span, operands[operands.length - 1]!.span) };
  }

  private notCondition(): Condition {
    const not = this.acceptWord('not');
    if (!not) return this.primary();
    this.enter(not);
    const operand = this.notCondition();
    this.depth--;
    return { kind: 'not', operand, span: spanFrom(not, operand.span) };
  }

  private primary(): Condition {
    const open = this.acceptSymbol('(');
    if (open) {
      this.refuseSubSelect();
      this.enter(open);
      const inner = this.orCondition();
      this.depth--;
      this.expectSymbol(')', `expected ) to close the ( at column ${this.columnOf(open)}`);
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const subject = this.operand();
    const next = this.peek();
    const operator = next.kind === 'symbol' ? comparisonOperators[next.text] : undefined;
    if (operator) {
      this.index++;
      const after = this.peek();
      if (this.isWord(after, 'null')) throw this.error(after, `write IS ${operator === '=' ? '' : 'NOT '}NULL to test for a missing value; ${next.text} NULL is never true.`);
      if (after.kind === 'symbol' && after.text === '(' && this.isWord(this.peekAt(1), 'select')) this.refuseSubSelect(this.peekAt(1));
      const right = this.operand();
      return { kind: 'compare', operator, left: subject, right, span: spanFrom(subject.span, right.span) };
    }
    const notToken = this.acceptWord('not');
    if (this.acceptWord('like')) {
      const pattern = this.operand();
      return { kind: 'like', negated: notToken !== undefined, subject, pattern, span: spanFrom(subject.span, pattern.span) };
    }
    if (this.acceptWord('in')) {
      this.expectSymbol('(', 'expected ( and a list of values after IN');
      this.refuseSubSelect();
      const values: Operand[] = [];
      do {
        if (values.length === wqlLimits.maxInListLength) throw this.error(this.peek(), `an IN list can hold at most ${wqlLimits.maxInListLength.toLocaleString('en-US')} values.`);
        values.push(this.operand());
      } while (this.acceptSymbol(','));
      const close = this.expectSymbol(')', 'expected , or ) in the IN list');
      return { kind: 'in', negated: notToken !== undefined, subject, values, span: spanFrom(subject.span, close) };
    }
    if (notToken) throw this.error(this.peek(), `expected LIKE or IN after NOT, found ${this.describe(this.peek())}.`);
    const is = this.acceptWord('is');
    if (is) {
      const negated = this.acceptWord('not') !== undefined;
      const nul = this.expectWord('null', 'expected NULL or NOT NULL after IS');
      return { kind: 'null', negated, subject, span: spanFrom(subject.span, nul) };
    }
    throw this.error(next, `expected a comparison (=, <>, <, >, <=, >=, LIKE, IN, IS NULL) after ${this.sourceOf(subject.span)}, found ${this.describe(next)}.`);
  }

  private operand(): Operand {
    const token = this.peek();
    if (token.kind === 'string') {
      this.index++;
      return { kind: 'string', value: token.text, span: spanOf(token) };
    }
    if (token.kind === 'number') {
      this.index++;
      return { kind: 'number', value: Number(token.text), text: token.text, span: spanOf(token) } satisfies Literal;
    }
    if (token.kind === 'identifier') {
      const word = token.text.toLowerCase();
      if (word === 'true' || word === 'false') {
        this.index++;
        return { kind: 'number', value: word === 'true' ? 1 : 0, text: token.text.toUpperCase(), span: spanOf(token) };
      }
      if ((word === 'upper' || word === 'lower') && this.peekAt(1).kind === 'symbol' && this.peekAt(1).text === '(') {
        this.index += 2;
        this.enter(token);
        const argument = this.operand();
        this.depth--;
        const close = this.expectSymbol(')', `expected ) to close ${token.text.toUpperCase()}(`);
        return { kind: 'call', name: word, argument, span: spanFrom(token, close) };
      }
      if (this.peekAt(1).kind === 'symbol' && this.peekAt(1).text === '(') {
        throw this.error(token, `${token.text}() is not a function query rules can use; only UPPER() and LOWER() are.`);
      }
      if (reservedWords.has(word)) throw this.error(token, `expected a property or a value, found ${token.text.toUpperCase()}.`);
      return this.property();
    }
    throw this.error(token, `expected a property or a value, found ${this.describe(token)}.`);
  }

  private property(): PropertyRef {
    const first = this.expectIdentifier('expected a property name');
    if (!this.acceptSymbol('.')) return { kind: 'property', qualifier: undefined, name: first.text, span: spanOf(first) };
    const star = this.acceptSymbol('*');
    if (star) return { kind: 'property', qualifier: { name: first.text, span: spanOf(first) }, name: '*', span: spanFrom(first, star) };
    const name = this.expectIdentifier(`expected a property name after "${first.text}."`);
    return { kind: 'property', qualifier: { name: first.text, span: spanOf(first) }, name: name.text, span: spanFrom(first, name) };
  }

  private refuseSubSelect(token = this.peek()): void {
    if (this.isWord(token, 'select')) throw this.error(token, 'sub-selects are not supported: a query rule compares properties of its own class with values.');
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > wqlLimits.maxDepth) throw this.error(token, `the query nests parentheses, NOT, UPPER and LOWER more than ${wqlLimits.maxDepth} levels deep.`);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private peekAt(ahead: number): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'identifier' && token.text.toLowerCase() === word;
  }

  private acceptWord(word: string): Token | undefined {
    const token = this.peek();
    if (!this.isWord(token, word)) return undefined;
    this.index++;
    return token;
  }

  private expectWord(word: string, what: string): Token {
    const token = this.acceptWord(word);
    if (!token) throw this.error(this.peek(), `${what}, found ${this.describe(this.peek())}.`);
    return token;
  }

  private acceptSymbol(symbol: string): Token | undefined {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return undefined;
    this.index++;
    return token;
  }

  private expectSymbol(symbol: string, what: string): Token {
    const token = this.acceptSymbol(symbol);
    if (!token) throw this.error(this.peek(), `${what}, found ${this.describe(this.peek())}.`);
    return token;
  }

  private expectIdentifier(what: string): Token {
    const token = this.peek();
    if (token.kind !== 'identifier' || reservedWords.has(token.text.toLowerCase())) throw this.error(token, `${what}, found ${this.describe(token)}.`);
    this.index++;
    return token;
  }

  private describe(token: Token): string {
    if (token.kind === 'end') return 'the end of the query';
    if (token.kind === 'string') return `the string ${this.sourceOf(token, 40)}`;
    if (token.kind === 'number') return `the number ${token.text}`;
    return `"${this.sourceOf(token, 40)}"`;
  }

  private sourceOf(span: WqlSpan, max = 60): string {
    const source = this.text.slice(span.offset, span.offset + span.length);
    return source.length > max ? `${source.slice(0, max)}…` : source;
  }

  private columnOf(token: Token): number {
    return lineAndColumn(this.text, token.offset).column;
  }

  private error(span: WqlSpan, reason: string) {
    return wqlError(this.text, span, reason);
  }
}

const reservedWords = new Set(['select', 'distinct', 'from', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'order', 'group', 'by', 'join', 'on']);
