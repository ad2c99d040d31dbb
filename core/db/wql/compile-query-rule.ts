import { wqlError, type CheckedCondition, type CheckedQuery, type Subject, type Value } from '../../domain/wql';
import { likeToGlob } from './glob-pattern';
import { quoteIdentifier, type WqlStorageMapping } from './storage-mapping';

export interface CompiledQueryRule {
  /** Selects one column, the resource ID, of every resource the rule takes in. */
  readonly sql: string;
  /** Every value of the query, in order: nothing the admin typed is in `sql`. */
  readonly params: readonly Value[];
}

/** SQLite's defaults (SQLITE_MAX_VARIABLE_NUMBER, SQLITE_MAX_SQL_LENGTH), with room to spare. */
const maxParams = 32_000;
const maxSqlLength = 900_000;

/**
 * A checked query rule as one parameterized SELECT over `mapping`, evaluated by SQLite:
 * strings compare with COLLATE NOCASE, LIKE becomes GLOB (glob-pattern.ts), a multi-valued
 * property holds a condition when any of its values does (the ID IN the owners of matching child rows), and
 * AND/OR chains are nested as balanced trees so a long one stays under SQLite's expression depth.
 */
export function compileQueryRule(query: CheckedQuery, mapping: WqlStorageMapping): CompiledQueryRule {
  return new Compiler(query, mapping).compile();
}

class Compiler {
  private readonly params: Value[] = [];
  private aliases = 0;

  constructor(
    private readonly query: CheckedQuery,
    private readonly mapping: WqlStorageMapping,
  ) {}

  compile(): CompiledQueryRule {
    const table = quoteIdentifier(this.mapping.table);
    const conditions = [this.mapping.filter, this.query.where && this.condition(this.query.where)].filter((c): c is string => Boolean(c));
    const sql = `SELECT r.${quoteIdentifier(this.mapping.idColumn)} FROM ${table} AS r${conditions.length > 0 ? ` WHERE ${conditions.map((c) => `(${c})`).join(' AND ')}` : ''}`;
    if (this.params.length > maxParams || sql.length > maxSqlLength) {
      throw wqlError(this.query.source, { offset: 0, length: 0 }, `the query is too large to evaluate (${this.params.length.toLocaleString('en-US')} values); split it into several query rules.`);
    }
    return { sql, params: this.params };
  }

  private condition(condition: CheckedCondition): string {
    switch (condition.kind) {
      case 'and':
      case 'or':
        return this.balanced(condition.operands, condition.kind === 'and' ? ' AND ' : ' OR ');
      case 'not':
        return `NOT (${this.condition(condition.operand)})`;
      case 'compare':
        return this.test(condition.subject, (value) => `${this.valueExpression(value, condition.subject)} ${condition.operator} ${this.param(condition.value)}`);
      case 'like': {
        const glob = this.param(likeToGlob(condition.pattern));
        const like = this.test(condition.subject, (value) => `${this.valueExpression(value, condition.subject, false)} GLOB ${glob}`);
        return condition.negated ? `NOT (${like})` : like;
      }
      case 'in': {
        const list = condition.values.map((value) => this.param(value)).join(', ');
        const within = this.test(condition.subject, (value) => `${this.valueExpression(value, condition.subject)} IN (${list})`);
        return condition.negated ? `NOT (${within})` : within;
      }
      case 'null':
        return this.nullTest(condition.subject, condition.negated);
    }
  }

  /** `a OR b OR c OR d` as `(a OR b) OR (c OR d)`: depth log2(n), not n. */
  private balanced(operands: readonly CheckedCondition[], joiner: string): string {
    if (operands.length === 1) return this.condition(operands[0]!);
    const middle = Math.ceil(operands.length / 2);
    return `(${this.balanced(operands.slice(0, middle), joiner)})${joiner}(${this.balanced(operands.slice(middle), joiner)})`;
  }

  /** `build` applied to the property's value: directly, or to any one of its values. */
  private test(subject: Subject, build: (value: string) => string): string {
    const column = this.column(subject);
    if ('column' in column) return build(`r.${quoteIdentifier(column.column)}`);
    // IN, not a correlated EXISTS: SQLite then reads the child table's value index once and looks
    // the owners up by ID, instead of probing the child table for every row of the class.
    const { table, alias, value } = this.child(column.multi);
    const ownerColumn = `${alias}.${quoteIdentifier(column.multi.ownerColumn)}`;
    return `r.${quoteIdentifier(this.mapping.idColumn)} IN (SELECT ${ownerColumn} FROM ${table} AS ${alias} WHERE ${build(value)})`;
  }

  private nullTest(subject: Subject, negated: boolean): string {
    const column = this.column(subject);
    if ('column' in column) return `r.${quoteIdentifier(column.column)} IS ${negated ? 'NOT ' : ''}NULL`;
    // A multi-valued property is NULL when it has no values.
    const { table, alias, owner, value } = this.child(column.multi);
    return `${negated ? '' : 'NOT '}EXISTS (SELECT 1 FROM ${table} AS ${alias} WHERE ${owner} AND ${value} IS NOT NULL)`;
  }

  private child(multi: { table: string; ownerColumn: string; valueColumn: string }) {
    const alias = `m${++this.aliases}`;
    return {
      table: quoteIdentifier(multi.table),
      alias,
      owner: `${alias}.${quoteIdentifier(multi.ownerColumn)} = r.${quoteIdentifier(this.mapping.idColumn)}`,
      value: `${alias}.${quoteIdentifier(multi.valueColumn)}`,
    };
  }

  /** The value as compared: folded by UPPER()/LOWER(), and with NOCASE when it is a string. */
  private valueExpression(value: string, subject: Subject, collate = true): string {
    if (subject.property.type === 'number') return value;
    const folded = subject.fold ? `${subject.fold}(${value})` : value;
    return collate ? `${folded} COLLATE NOCASE` : folded;
  }

  private column(subject: Subject) {
    const column = this.mapping.columns[subject.property.name];
    if (!column) throw wqlError(this.query.source, subject.span, `Courier does not keep ${subject.property.name} for ${this.query.class.name} resources yet, so a query rule cannot test it.`);
    return column;
  }

  private param(value: Value): string {
    this.params.push(value);
    return '?';
  }
}
