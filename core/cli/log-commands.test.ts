import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLog, type LogRecord } from '../formats/logs';
import type { CliIo } from './cli-io';
import { main } from './main';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(repo, 'test', 'fixtures', 'logs');
let dir = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: repo };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-cli-logs-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('courier log parse', () => {
  it('is listed in courier --help', async () => {
    expect((await run('--help')).out).toMatch(/log +read site and client logs/);
  });

  it('--json prints every record of a file (paths relative to the working directory), as the parser reads them', async () => {
    for (const name of ['sms2003-distmgr.log', 'cmtrace-execmgr.log']) {
      const { code, out, err } = await run('log', 'parse', `test/fixtures/logs/${name}`, '--json');
      expect([code, err]).toEqual([0, '']);
      const expected = parseLog(readFileSync(join(fixtures, name), 'utf8'));
      expect(JSON.parse(out)).toEqual(expected);
      // The same text as printing the whole array at once, though it was written record by record.
      expect(out).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    }
  });

  it('prints a table without --json, lines of a record indented, control characters made visible', async () => {
    const file = join(dir, 'hostile.log');
    writeFileSync(file, '<![LOG[two\nlines \x1b]0;pwned\x07]LOG]!><time="09:12:04.000+300" date="06-14-2008" component="exec\x1bmgr" context="" type="3" thread="2248" file="">\r\n');
    const { code, out } = await run('log', 'parse', file);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Time +Type +Component +Thread +Text$/u);
    expect(lines[2]).toMatch(/^2008-06-14T14:12:04\.000Z +error +exec\\x1bmgr +2248 {2}two$/u);
    expect(lines[3]).toMatch(/^ {60,}lines \\x1b\]0;pwned\\x07$/u);
    expect(lines[3]!.indexOf('lines')).toBe(lines[2]!.indexOf('two'));
    expect(out).not.toContain('\x1b');
    writeFileSync(join(dir, 'empty.log'), '');
    expect(await run('log', 'parse', join(dir, 'empty.log'))).toMatchObject({ code: 0, out: 'The log holds no records.\n' });
    expect(await run('log', 'parse', join(dir, 'empty.log'), '--json')).toMatchObject({ code: 0, out: '[]\n' });
  });

  it('--format sms reads CMTrace records as lines that fit no format', async () => {
    const { code, out } = await run('log', 'parse', join(fixtures, 'cmtrace-execmgr.log'), '--format', 'sms', '--json');
    expect(code).toBe(0);
    const records = JSON.parse(out) as LogRecord[];
    expect(records.every((r) => r.format === null && r.time === null)).toBe(true);
    expect((await run('log', 'parse', join(fixtures, 'cmtrace-execmgr.log'), '--format', 'xml')).code).toBe(2);
  });

  it('reads a log of many chunks as a stream: records and characters split across reads, UTF-16 with its mark', async () => {
    const entries = Array.from({ length: 40_000 }, (_, i) => `<![LOG[entry ${i} é漢 ${'x'.repeat(i % 97)}]LOG]!><time="10:00:00.000+0" date="01-02-2026" component="cas" context="" type="1" thread="${i}" file="">\r\n`);
    const file = join(dir, 'big.log');
    writeFileSync(file, entries.join(''));
    const { code, out } = await run('log', 'parse', file, '--json');
    expect(code).toBe(0);
    const records = JSON.parse(out) as LogRecord[];
    expect(records).toHaveLength(40_000);
    expect(records.every((r, i) => r.text === `entry ${i} é漢 ${'x'.repeat(i % 97)}` && r.thread === i && r.line === i + 1)).toBe(true);

    const wide = join(dir, 'wide.log');
    writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Läuft~  $$<SMS_EXECUTIVE><01-02-2026 10:00:00.000+0><thread=5 (0x5)>\r\n', 'utf16le')]));
    const parsed = JSON.parse((await run('log', 'parse', wide, '--json')).out) as LogRecord[];
    expect(parsed).toMatchObject([{ text: 'Läuft', component: 'SMS_EXECUTIVE', time: '2026-01-02T10:00:00.000Z', thread: 5 }]);
  });

  it('waits for the output to take each batch, and stops reading once its reader has gone', async () => {
    const file = join(dir, 'many.log');
    writeFileSync(file, 'a line that fits no format, long enough to need several reads of the file\n'.repeat(20_000));
    let writes = 0;
    let waits = 0;
    const io: CliIo = {
      out: () => writes++,
      err: () => undefined,
      env: {},
      cwd: repo,
      drained: () => Promise.resolve(++waits < 2),
    };
    expect(await main(['log', 'parse', file, '--json'], io)).toBe(0);
    // The first two batches: after the second the reader was gone, so neither the rest nor the closing ] was written.
    expect([writes, waits]).toEqual([2, 2]);
  });

  it('refuses a folder, a FIFO, a device and a missing file with a clear error, reading nothing', async () => {
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    const cases: [string, string, string][] = [
      [dir, 'VALIDATION_FAILED', `${dir} is a folder; choose a log file.`],
      [fifo, 'VALIDATION_FAILED', `${fifo} is a named pipe (FIFO), not a regular file; choose a log file.`],
      ['/dev/null', 'VALIDATION_FAILED', '/dev/null is a character device, not a regular file; choose a log file.'],
      [join(dir, 'nowhere.log'), 'NOT_FOUND', `There is no file ${join(dir, 'nowhere.log')}.`],
    ];
    for (const [path, code, message] of cases) {
      const text = await run('log', 'parse', path);
      expect([text.code, text.out, text.err]).toEqual([1, '', `courier: ${message}\n`]);
      const json = await run('log', 'parse', path, '--json');
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out)).toEqual({ error: { code, message, field: 'file' } });
    }
    expect((await run('log', 'parse')).code).toBe(2);
  });
});
