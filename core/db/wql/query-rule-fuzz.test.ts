import { afterAll, describe, expect, it } from 'vitest';
import { foldNoCase } from '../../api';
import { WqlError, readQueryRule, type CheckedCondition, type Subject, type Value } from '../../domain/wql';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { referenceLikeMatch } from '../../../test/helpers/wql-like-reference';
import { openResourceDb, systemMapping, type TestSystem } from '../../../test/helpers/wql-resources';
import { compileQueryRule } from './compile-query-rule';

/**
 * Random query rules, read, compiled and run in SQLite, against a reading of the same checked
 * query evaluated row by row here (three-valued logic, NOCASE folding of ASCII letters, "any
 * value" for multi-valued properties), and random damage to them, which may only ever be
 * refused with a WqlError.
 */
const random = seededRandom(4_817);
const pick = <T>(items: readonly T[]): T => items[random.int(items.length)]!;

const strings = ['pc-001', 'PC-001', 'Pc-002', 'srv-01', 'a', 'A', '', 'CONTOSO', 'contoso', 'CONTOSO.COM', 'contoso.com/laptops', "O'Brien", 'x"y', 'back\\slash', '_', '%', 'é', 'É', '10.0.0.1', '[x]'];
const patterns = ['%', '_', 'pc%', 'PC-00_', '%1', '[ps]%', '[^p]%', '%[_]%', '%[%]%', 'contoso%', '%.COM%', '[a-c]%', '%[0-9]', "o'%", '%\\%', 'É%', '[]]%', '[-^]', ''];
const numbers = [0, 1, 2, 5, 7, -1, 1.5];

const rows: TestSystem[] = Array.from({ length: 40 }, (_, i) => {
  const maybe = <T>(values: readonly T[]): T | null => (random.int(5) === 0 ? null : pick(values));
  const some = (values: readonly string[]) => Array.from({ length: random.int(3) }, () => pick(values));
  return { id: i + 1, name: maybe(strings), os: maybe(strings), domain: maybe(strings), client: maybe([0, 1, 2]), ous: some(strings), ips: some(strings) };
});
const db = openResourceDb(rows);
afterAll(() => db.close());

type Field = { wql: string; type: 'string' | 'number'; multi: boolean; get: (row: TestSystem) => (string | number | null) | string[] };
const fields: Field[] = [
  { wql: 'Name', type: 'string', multi: false, get: (r) => r.name ?? null },
  { wql: 'OperatingSystemNameandVersion', type: 'string', multi: false, get: (r) => r.os ?? null },
  { wql: 'ResourceDomainORWorkgroup', type: 'string', multi: false, get: (r) => r.domain ?? null },
  { wql: 'Client', type: 'number', multi: false, get: (r) => r.client ?? null },
  { wql: 'ResourceID', type: 'number', multi: false, get: (r) => r.id },
  { wql: 'SystemOUName', type: 'string', multi: true, get: (r) => r.ous ?? [] },
  { wql: 'IPAddresses', type: 'string', multi: true, get: (r) => r.ips ?? [] },
];

const randomCase = (word: string) => [...word].map((c) => (random.int(2) ? c.toUpperCase() : c.toLowerCase())).join('');
function quote(value: string): string {
  const q = random.int(2) ? "'" : '"';
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), random.int(2) ? q + q : `\\${q}`);
  return q + escaped + q;
}
function literalFor(field: Field): string {
  if (field.type === 'number') return random.int(4) === 0 ? quote(String(pick(numbers))) : String(pick(numbers));
  return random.int(8) === 0 ? String(pick(numbers)) : quote(pick(strings));
}
function propertyText(field: Field): string {
  const name = random.int(3) === 0 ? randomCase(field.wql) : field.wql;
  const folded = field.type === 'string' && random.int(6) === 0 ? `${pick(['UPPER', 'lower'])}(${name})` : name;
  return random.int(4) === 0 ? `SMS_R_System.${folded}` : folded;
}

function condition(depth: number): string {
  if (depth > 0 && random.int(3) > 0) {
    const kind = random.int(4);
    if (kind === 0) return `${pick(['NOT ', 'not '])}(${condition(depth - 1)})`;
    if (kind === 1) return `(${condition(depth - 1)})`;
    const joiner = kind === 2 ? pick([' AND ', ' and ']) : pick([' OR ', ' or ']);
    return Array.from({ length: 2 + random.int(3) }, () => condition(depth - 1)).join(joiner);
  }
  const field = pick(fields);
  const subject = propertyText(field);
  switch (random.int(field.type === 'string' ? 5 : 4)) {
    case 0: {
      const flip = random.int(5) === 0;
      const operator = pick(['=', '<>', '!=', '<', '>', '<=', '>=']);
      return flip ? `${literalFor(field)} ${operator} ${subject}` : `${subject} ${operator} ${literalFor(field)}`;
    }
    case 1:
      return `${subject}${random.int(3) === 0 ? ' NOT' : ''} IN (${Array.from({ length: 1 + random.int(3) }, () => literalFor(field)).join(', ')})`;
    case 2:
      return `${subject} IS${random.int(2) ? ' NOT' : ''} NULL`;
    case 3:
      return `${subject} = ${literalFor(field)}`;
    default:
      return `${subject}${random.int(3) === 0 ? ' not' : ''} like ${quote(pick(patterns))}`;
  }
}

const damage = ["'", '"', '(', ')', '[', ']', '\u2018', '\u201d', ';', '\\', 'x', ' ', ',', '.', '*', '-', '%', 'NOT ', 'SMS_G_System_CDROM.', 'select ', '\u0000', '\u{1F600}'];
function damaged(text: string): string {
  let out = text;
  for (let n = 1 + random.int(3); n > 0; n--) {
    const at = random.int(out.length + 1);
    const what = random.int(3);
    if (what === 0) out = out.slice(0, at) + out.slice(at + 1 + random.int(4));
    else if (what === 1) out = out.slice(0, at) + pick(damage) + out.slice(at);
    else out = out.slice(0, at) + out.slice(random.int(out.length + 1));
  }
  return out;
}

// The reference: SQL's three values, true, false and null.
type Truth = boolean | null;
function compareValues(a: string | number, b: Value): number {
  if (typeof a === 'number') return a - (b as number);
  const x = foldNoCase(a);
  const y = foldNoCase(b as string);
  return x < y ? -1 : x > y ? 1 : 0;
}
function test(subject: Subject, row: TestSystem, holds: (value: string | number) => boolean): Truth {
  const value = fields.find((f) => f.wql === subject.property.name)!.get(row);
  if (Array.isArray(value)) return value.some(holds);
  return value === null ? null : holds(value);
}
const not = (t: Truth): Truth => (t === null ? null : !t);
function evaluate(condition: CheckedCondition, row: TestSystem): Truth {
  switch (condition.kind) {
    case 'and': {
      const values = condition.operands.map((c) => evaluate(c, row));
      return values.includes(false) ? false : values.includes(null) ? null : true;
    }
    case 'or': {
      const values = condition.operands.map((c) => evaluate(c, row));
      return values.includes(true) ? true : values.includes(null) ? null : false;
    }
    case 'not':
      return not(evaluate(condition.operand, row));
    case 'compare': {
      const ops = { '=': (d: number) => d === 0, '<>': (d: number) => d !== 0, '<': (d: number) => d < 0, '>': (d: number) => d > 0, '<=': (d: number) => d <= 0, '>=': (d: number) => d >= 0 };
      return test(condition.subject, row, (v) => ops[condition.operator](compareValues(v, condition.value)));
    }
    case 'like': {
      const t = test(condition.subject, row, (v) => referenceLikeMatch(condition.pattern, String(v)));
      return condition.negated ? not(t) : t;
    }
    case 'in': {
      const t = test(condition.subject, row, (v) => condition.values.some((x) => compareValues(v, x) === 0));
      return condition.negated ? not(t) : t;
    }
    case 'null': {
      const value = fields.find((f) => f.wql === condition.subject.property.name)!.get(row);
      const missing = Array.isArray(value) ? value.length === 0 : value === null;
      return condition.negated ? !missing : missing;
    }
  }
}

describe('random query rules', () => {
  it('SQLite selects exactly the resources the reference evaluation takes in, and damaged queries only ever fail with a WqlError', () => {
    let compared = 0;
    let refused = 0;
    let someButNotAll = 0;
    for (let n = 0; n < 1_500; n++) {
      const text = `${randomCase('select')} * ${randomCase('from')} ${randomCase('SMS_R_System')} ${randomCase('where')} ${condition(3)}`;
      const query = random.int(3) === 0 ? damaged(text) : text;
      let checked;
      try {
        checked = readQueryRule(query);
      } catch (error) {
        expect(error, query).toBeInstanceOf(WqlError);
        expect((error as WqlError).message, query).toMatch(/^Line \d+, column \d+: \S/);
        refused++;
        continue;
      }
      const { sql, params } = compileQueryRule(checked, systemMapping);
      const got = (db.prepare(sql).raw().all(...params) as [number][]).map(([id]) => id).sort((a, b) => a - b);
      const expected = rows.filter((row) => !checked.where || evaluate(checked.where, row) === true).map((row) => row.id);
      expect(got, query).toEqual(expected);
      compared++;
      if (got.length > 0 && got.length < rows.length) someButNotAll++;
    }
    expect(compared).toBeGreaterThan(800);
    expect(someButNotAll).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(100);
  });

  it('token soup never throws anything but a WqlError', () => {
    const soup = ['select', '*', 'from', 'SMS_R_System', 'SMS_R_User', 'where', 'and', 'or', 'not', 'like', 'in', 'is', 'null', '(', ')', ',', '.', '=', '<>', '!=', '<', '>=', "'a'", '"b"', '5', '-1', 'Name', 'SystemOUName', 'upper', 'lower', 'TRUE', "'", '"', '[', '\u2018', ';', '\\', 'join', 'SMS_G_System_CDROM', 'select', 'distinct', '\n', '\u0000', 'é'];
    for (let n = 0; n < 5_000; n++) {
      const text = Array.from({ length: random.int(25) }, () => pick(soup)).join(random.int(4) ? ' ' : '');
      try {
        readQueryRule(text);
      } catch (error) {
        expect(error, text).toBeInstanceOf(WqlError);
      }
    }
  });
});
