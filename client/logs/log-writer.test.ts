import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { LogWriter } from './log-writer';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('courier-logs-');
});
afterEach(() => temp.remove());

const linePattern = /^<!\[LOG\[(.*)\]LOG\]!><time="[^"]+" date="[^"]+" component="([^"]+)" context="" type="([123])" thread="(\d+)" file="">$/u;
const linesOf = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\r\n').slice(0, -1) : []);

describe('LogWriter', () => {
  it('appends CMTrace lines to execmgr.log, cas.log and policyagent.log in the log folder', () => {
    const folder = join(temp.path, 'CCM', 'Logs');
    const logs = new LogWriter({ folder, now: () => new Date(2026, 2, 1, 9, 30, 0, 5), thread: 7 });
    expect(logs.info('execmgr', 'Execution Request for advertisement A0120000 package A0100001')).toBe(true);
    logs.warning('cas', 'Download of A0100001.1 deferred: the cache is full');
    logs.error('policyagent', 'line one\nline two');
    const [execmgr] = linesOf(join(folder, 'execmgr.log'));
    expect(linePattern.exec(execmgr!)?.slice(1)).toEqual(['Execution Request for advertisement A0120000 package A0100001', 'execmgr', '1', '7']);
    expect(execmgr).toContain('date="03-01-2026"');
    expect(linePattern.exec(linesOf(join(folder, 'cas.log'))[0]!)?.slice(1, 4)).toEqual(['Download of A0100001.1 deferred: the cache is full', 'ContentAccess', '2']);
    expect(linesOf(join(folder, 'policyagent.log'))).toEqual([expect.stringContaining('line one\\x0aline two]LOG]!>')]);
  });

  it('rotates to .lo_ past the size, keeping one previous file and every line whole', () => {
    const logs = new LogWriter({ folder: temp.path, maxBytes: 4096 });
    for (let i = 0; i < 200; i++) logs.info('execmgr', `line ${i}`);
    const current = join(temp.path, 'execmgr.log');
    const previous = join(temp.path, 'execmgr.lo_');
    expect(statSync(current).size).toBeLessThanOrEqual(4096);
    expect(statSync(previous).size).toBeLessThanOrEqual(4096);
    const numbers = [...linesOf(previous), ...linesOf(current)].map((line) => Number(/\[line (\d+)\]/u.exec(line)?.[1]));
    expect(numbers.at(-1)).toBe(199);
    // The two files together are the last lines, in order, none missing.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => 200 - numbers.length + k));
    expect(linesOf(previous).length).toBeGreaterThan(10);
    expect(numbers.length).toBeLessThan(200);
  });

  it('keeps lines whole and in order with several writers on the same files', async () => {
    const writers = [0, 1, 2].map((n) => new LogWriter({ folder: temp.path, maxBytes: 8192, thread: n }));
    await Promise.all(
      writers.map(async (writer, n) => {
        for (let i = 0; i < 150; i++) {
          writer.info('cas', `writer ${n} line ${i} ${'x'.repeat(i % 40)}`);
          if (i % 7 === n) await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    const lines = [...linesOf(join(temp.path, 'cas.lo_')), ...linesOf(join(temp.path, 'cas.log'))];
    for (const line of lines) expect(line).toMatch(linePattern);
    for (const n of [0, 1, 2]) {
      const mine = lines.map((line) => new RegExp(`\\[writer ${n} line (\\d+) `, 'u').exec(line)?.[1]).filter((x) => x !== undefined).map(Number);
      expect(mine.at(-1)).toBe(149);
      expect(mine).toEqual(Array.from({ length: mine.length }, (_, k) => 150 - mine.length + k));
    }
  });

  it('cuts a line longer than the whole bound to fit, and never throws when it cannot write', () => {
    const logs = new LogWriter({ folder: temp.path, maxBytes: 4096 });
    logs.info('execmgr', 'é'.repeat(10_000));
    const [line] = linesOf(join(temp.path, 'execmgr.log'));
    expect(Buffer.byteLength(`${line}\r\n`)).toBeLessThanOrEqual(4096);
    expect(line).toMatch(/é … \(cut to fit the log size\)\]LOG\]!>/u);

    const blocked = join(temp.path, 'a-file');
    writeFileSync(blocked, '');
    const errors: string[] = [];
    const broken = new LogWriter({ folder: join(blocked, 'Logs'), onError: (_e, log) => errors.push(log) });
    expect(broken.info('cas', 'nowhere to go')).toBe(false);
    expect(errors).toEqual(['cas']);
    expect(() => new LogWriter({ folder: temp.path, maxBytes: 10 })).toThrow(/maxBytes 10 is not a whole number of bytes from 4096/);
  });
});
