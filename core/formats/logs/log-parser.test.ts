import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { LogParser, parseLog, type LogRecord } from '.';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/logs/${name}`, import.meta.url)), 'utf8');
const utc = { unzoned: 'utc' } as const;
const brief = (records: readonly LogRecord[]) => records.map(({ text, component, time, thread, type, format, line }) => [text, component, time, thread, type, format, line]);

/** The same text given in pieces of `size` characters (CRLF split included). */
function inPieces(text: string, size: number, options = {}): LogRecord[] {
  const parser = new LogParser(options);
  const records: LogRecord[] = [];
  for (let at = 0; at < text.length; at += size) records.push(...parser.push(text.slice(at, at + size)));
  return [...records, ...parser.end()];
}

describe('SMS trace lines', () => {
  it('read the SMS 2003 / ConfigMgr 2007 style: a bias of either sign, fractions of 1 to 7 digits, STATMSG severities, lines that fit no format', () => {
    const records = parseLog(fixture('sms2003-distmgr.log'), utc);
    const dm = 'SMS_DISTRIBUTION_MANAGER';
    expect(brief(records)).toEqual([
      ['SMS_DISTRIBUTION_MANAGER started.', dm, '2008-06-13T22:36:40.125Z', 5720, 'info', 'sms', 1],
      ["Found package properties updated notification for package 'LAB00012'", dm, '2008-06-13T22:36:41.500Z', 5720, 'info', 'sms', 2],
      ['Start adding package to server ["Display=\\\\DP01\\" ]SMS_SITE=LAB]\\\\DP01\\...', dm, '2008-06-13T22:36:45.003Z', 4416, 'info', 'sms', 3],
      [expect.stringMatching(/^STATMSG: ID=2342 SEV=I .* AVAL0="LAB00012"$/u), dm, '2008-06-13T22:36:46.250Z', 4416, 'info', 'sms', 4],
      ['Failed to copy \\\\SRV01\\Sources\\Viewer\\setup.exe to \\\\DP02\\SMSPKGD$\\LAB00012\\setup.exe, Win32 Error = 53', dm, '2008-06-13T22:36:47.610Z', 4416, 'error', 'sms', 5],
      [expect.stringMatching(/^STATMSG: ID=2303 SEV=E /u), dm, '2008-06-13T22:36:47.700Z', 4416, 'error', 'sms', 6],
      ['Warning: the distribution point \\\\DP02\\ has less than 10 MB free', dm, '2008-06-13T22:36:48.001Z', 4416, 'warning', 'sms', 7],
      ['The package source list of LAB00012 follows:', null, null, null, 'info', null, 8],
      ['  \\\\SRV01\\Sources\\Viewer', null, null, null, 'info', null, 9],
      ['Sleep 3600 seconds...', dm, '2008-06-13T22:36:49.000Z', 5720, 'info', 'sms', 10],
      // -60 (Central Europe): UTC is an hour before the local time.
      ['Started in Berlin', dm, '2008-12-01T08:00:00.000Z', 5720, 'info', 'sms', 11],
    ]);
  });

  it('read the SMS 2.0 style with its zone name, and a zone no table knows as a time without a zone', () => {
    expect(brief(parseLog(fixture('sms20-distmgr.log'), utc))).toEqual([
      ['SMS Distribution Manager started.', 'SMS_DISTRIBUTION_MANAGER', '2000-05-16T20:17:10.804Z', 340, 'info', 'sms', 1],
      ['Processing package LAB00003', 'SMS_DISTRIBUTION_MANAGER', '2000-05-16T20:17:11.020Z', 340, 'info', 'sms', 2],
      ['Cannot connect to the distribution point \\\\DP01\\SMSPKGC$, error 5.', 'SMS_DISTRIBUTION_MANAGER', '2000-12-06T13:05:00.000Z', 340, 'error', 'sms', 3],
      ['Time in a zone this reader does not know', 'SMS_DISTRIBUTION_MANAGER', '2000-12-06T08:05:00.000Z', 340, 'info', 'sms', 4],
    ]);
  });

  it('read the SMS 1.2 style, whose dates name no zone: as UTC, or in the zone of the computer reading them', () => {
    expect(brief(parseLog(fixture('sms12-sender.log'), utc))).toEqual([
      ['SMS Executive started.', 'SMS_EXECUTIVE', '1997-05-21T17:09:02.000Z', 163, 'info', 'sms', 1],
      ['Sender: connecting to \\\\SITE02\\SMS_SITE', 'SMS_LAN_SENDER', '1997-05-21T17:09:05.000Z', 188, 'info', 'sms', 2],
      ['Sender: the connection failed, retrying in 5 minutes', 'SMS_LAN_SENDER', '1997-05-21T17:09:35.000Z', 188, 'error', 'sms', 3],
    ]);
    const [first] = parseLog(fixture('sms12-sender.log'), { unzoned: 'system' });
    expect(first?.time).toBe(new Date(1997, 4, 21, 17, 9, 2).toISOString());
  });

  it('keep a line whose trailer is damaged, or whose date is no date, as well as they can', () => {
    const records = parseLog(
      [
        'no thread $$<SMS_EXECUTIVE><06-13-2008 15:36:47.610+420>',
        'bad date~ $$<SMS_EXECUTIVE><13-45-2008 25:36:47.610+420><thread=1 (0x1)>',
        'cut short $$<SMS_EXECUTIVE><06-13-2008 15:36',
        'text with $$<inside> it~  $$<SMS_EXECUTIVE><06-13-2008 15:36:47.610+0><thread=2 (0x2)>',
        'April has 30 days $$<X><04-31-2008 10:00:00.000+0><thread=3 (0x3)>',
      ].join('\n'),
    );
    expect(brief(records)).toEqual([
      ['no thread', 'SMS_EXECUTIVE', '2008-06-13T22:36:47.610Z', null, 'info', 'sms', 1],
      ['bad date', 'SMS_EXECUTIVE', null, 1, 'info', 'sms', 2],
      ['cut short $$<SMS_EXECUTIVE><06-13-2008 15:36', null, null, null, 'info', null, 3],
      ['text with $$<inside> it', 'SMS_EXECUTIVE', '2008-06-13T15:36:47.610Z', 2, 'info', 'sms', 4],
      ['April has 30 days', 'X', null, 3, 'info', 'sms', 5],
    ]);
  });
});

describe('CMTrace records', () => {
  it('read records of several lines, two on one line, attributes in any order, fractions of 2 to 7 digits and types 1 to 3', () => {
    const records = parseLog(fixture('cmtrace-execmgr.log'), utc);
    expect(brief(records)).toEqual([
      ['Execution Request for package LAB00012 program Per-system unattended state change from NotExist to NotifyExecution', 'execmgr', '2008-06-14T14:12:03.417Z', 2248, 'info', 'cmtrace', 1],
      ['Running "msiexec /i viewer.msi /q" with 32bitLauncher', 'execmgr', '2008-06-14T14:12:03.417Z', 2248, 'info', 'cmtrace', 2],
      ['Raising event:\ninstance of SoftDistProgramStartedEvent\n{\n\tAdvertisementId = "LAB20003";\n};\n', 'execmgr', '2008-06-14T14:12:04.000Z', 2248, 'info', 'cmtrace', 3],
      ['Program exit code 1603', 'execmgr', '2008-06-14T14:14:10.250Z', 2248, 'error', 'cmtrace', 9],
      ['Execution is complete for program Per-system unattended.', 'execmgr', '2008-06-14T14:14:10.260Z', 2248, 'info', 'cmtrace', 9],
      ['The program will be retried: the download was slow', 'execmgr', '2008-06-14T14:14:11.000Z', 2248, 'warning', 'cmtrace', 10],
      ['A stray line some tool appended', null, null, null, 'info', null, 11],
      ['Policy arrived in Europe', 'PolicyAgent_PolicyDownload', '2008-06-14T09:00:00.000Z', 4016, 'info', 'cmtrace', 12],
    ]);
  });

  it('read a record cut short (no ]LOG]!> before the next record or the end) as lines, and keep every record after it', () => {
    const next = '<![LOG[next]LOG]!><time="10:00:00.000+0" date="01-02-2026" component="cas" context="" type="1" thread="9" file="">';
    const records = parseLog(['<![LOG[cut short by a crash', 'its second line', next, '<![LOG[the last, never closed', 'STATMSG-free text $$<SMS_X><01-02-2026 10:00:01.000+0><thread=4 (0x4)>'].join('\r\n'));
    expect(brief(records)).toEqual([
      ['<![LOG[cut short by a crash', null, null, null, 'info', null, 1],
      ['its second line', null, null, null, 'info', null, 2],
      ['next', 'cas', '2026-01-02T10:00:00.000Z', 9, 'info', 'cmtrace', 3],
      ['<![LOG[the last, never closed', null, null, null, 'info', null, 4],
      ['STATMSG-free text', 'SMS_X', '2026-01-02T10:00:01.000Z', 4, 'info', 'sms', 5],
    ]);
  });

  it('tolerate missing attributes, an unquoted value and text before a record on its line', () => {
    const records = parseLog(['<![LOG[no attributes]LOG]!>', 'before <![LOG[bare]LOG]!><type=3 thread="x">', '<![LOG[no date]LOG]!><time="10:00:00.000+0" type="9" thread="12 (0xC)">'].join('\n'));
    expect(brief(records)).toEqual([
      ['no attributes', null, null, null, 'info', 'cmtrace', 1],
      ['before ', null, null, null, 'info', null, 2],
      ['bare', null, null, null, 'info', 'cmtrace', 2],
      ['type=3 thread="x">', null, null, null, 'info', null, 2],
      ['no date', null, null, 12, 'info', 'cmtrace', 3],
    ]);
  });
});

describe('the parser', () => {
  it('gives the same records however the text is cut into chunks', () => {
    const all = ['sms2003-distmgr.log', 'sms20-distmgr.log', 'sms12-sender.log', 'cmtrace-execmgr.log'].map(fixture).join('');
    const whole = parseLog(all, utc);
    expect(whole.length).toBeGreaterThan(20);
    for (const size of [1, 2, 7, 64, 1000]) expect(inPieces(all, size, utc)).toEqual(whole);
  });

  it('gives the same records for random mixtures of markers and line breaks, however they are chunked', () => {
    const fragments = ['<![LOG[', ']LOG]!>', '<time="10:00:00.000+0" date="01-02-2026" type="2" thread="3">', '$$<SMS_X>', '<01-02-2026 10:00:00.000+0>', '<thread=1 (0x1)>', '\n', '\r\n', ' ', '~', 'text', '<', '>', '"', 'é'];
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const text = Array.from({ length: 1 + random.int(200) }, () => fragments[random.int(fragments.length)]).join('');
      const options = { ...utc, maxRecordChars: 64 + random.int(100), format: (['auto', 'sms', 'cmtrace'] as const)[random.int(3)] };
      const whole = parseLog(text, options);
      const parser = new LogParser(options);
      const chunked: LogRecord[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + random.int(20);
        chunked.push(...parser.push(text.slice(at, at + size)));
        at += size;
      }
      chunked.push(...parser.end());
      expect({ seed, records: chunked }).toEqual({ seed, records: whole });
    }
  });

  it('reads a file of mixed formats record by record and reports the first format it read', () => {
    const parser = new LogParser(utc);
    expect(parser.detected).toBeNull();
    parser.push('a stray line\n');
    expect(parser.detected).toBeNull();
    const records = [...parser.push(fixture('cmtrace-execmgr.log')), ...parser.push(fixture('sms12-sender.log')), ...parser.end()];
    expect(parser.detected).toBe('cmtrace');
    expect(new Set(records.map((r) => r.format))).toEqual(new Set(['cmtrace', 'sms', null]));
  });

  it('with --format, reads only that format and keeps the other as text', () => {
    const text = fixture('sms12-sender.log') + fixture('cmtrace-execmgr.log');
    const sms = parseLog(text, { ...utc, format: 'sms' });
    expect(sms.filter((r) => r.format === 'sms')).toHaveLength(3);
    expect(sms.filter((r) => r.format === 'cmtrace')).toHaveLength(0);
    expect(sms.find((r) => r.text.startsWith('<![LOG[Execution Request'))?.format).toBeNull();
    const cmtrace = parseLog(text, { ...utc, format: 'cmtrace' });
    expect(cmtrace.filter((r) => r.format === 'cmtrace')).toHaveLength(7);
    expect(cmtrace.filter((r) => r.format === 'sms')).toHaveLength(0);
    expect(cmtrace[0]).toMatchObject({ text: 'SMS Executive started. $$<SMS_EXECUTIVE><Wed May 21 17:09:02 1997~><thread=163 (0xA3)>', format: null });
  });

  it('cuts a line or record past the bound, counting what it cut, and reads on from the next line', () => {
    const long = `${'a'.repeat(300)} $$<SMS_X><01-02-2026 10:00:00.000+0><thread=1 (0x1)>`;
    const record = `<![LOG[${'b'.repeat(300)}]LOG]!><time="10:00:00.000+0" date="01-02-2026" component="cas" context="" type="1" thread="9" file="">`;
    const after = 'after $$<SMS_X><01-02-2026 10:00:01.000+0><thread=1 (0x1)>';
    const text = [long, after, record, after].join('\n');
    const expected = [
      [`${'a'.repeat(100)} … (${long.length - 100} more characters cut)`, null, null, null, 'info', null, 1],
      ['after', 'SMS_X', '2026-01-02T10:00:01.000Z', 1, 'info', 'sms', 2],
      [`<![LOG[${'b'.repeat(93)} … (${record.length - 100} more characters cut)`, null, null, null, 'info', null, 3],
      ['after', 'SMS_X', '2026-01-02T10:00:01.000Z', 1, 'info', 'sms', 4],
    ];
    expect(brief(parseLog(text, { maxRecordChars: 100 }))).toEqual(expected);
    expect(brief(inPieces(text, 13, { maxRecordChars: 100 }))).toEqual(expected);
    expect(() => new LogParser({ maxRecordChars: 10 })).toThrow(/maxRecordChars 10 is not a whole number from 64/u);
    const ended = new LogParser();
    expect(ended.end()).toEqual([]);
    expect(() => ended.push('more')).toThrow(/This log has ended/u);
  });

  it('finishes on 1 MB lines made to backtrack, keeping each record within its bound', () => {
    const hostile = [
      '$$<'.repeat(350_000),
      '<![LOG['.repeat(150_000),
      '$$<A><'.repeat(175_000),
      `x $$<${'<'.repeat(1_000_000)}`,
      `<![LOG[x]LOG]!><${'a="'.repeat(350_000)}`,
      `${'~ '.repeat(500_000)}$$<`,
      `x $$<A><Wed May 21 17:09:02 ${'1'.repeat(1_000_000)}`,
    ];
    for (const line of hostile) {
      for (const records of [parseLog(`${line}\nafter $$<SMS_X><01-02-2026 10:00:01.000+0><thread=1 (0x1)>\n`), inPieces(`${line}\n`, 65_536)]) {
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) expect(record.text.length).toBeLessThan(256 * 1024 + 64);
      }
    }
  });

  it('reads a 1 MB line of CMTrace records, every one of them', () => {
    const one = '<![LOG[x]LOG]!><time="10:00:00.000+0" date="01-02-2026" component="cas" context="" type="2" thread="9" file="">';
    const count = Math.ceil(1_000_000 / one.length);
    const line = one.repeat(count);
    for (const records of [parseLog(line), inPieces(line, 65_536)]) {
      expect(records).toHaveLength(count);
      expect(records.every((r) => r.text === 'x' && r.type === 'warning' && r.line === 1)).toBe(true);
    }
  });
});
