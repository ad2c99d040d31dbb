import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logReadSchema, logTailSchema, logParseTextSchema, type LogPageDto } from '../api';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { formatTraceLine } from '../formats/trace-log';
import { createSiteLog } from '../site/site-log';
import { LogService } from './log-service';

let data: TempDir;
let folder: string;
let service: LogService;
let clock = Date.parse('2026-12-03T10:00:00.000Z');
const now = () => new Date(clock);

beforeEach(() => {
  data = makeTempDir('courier-logview-');
  folder = join(data.path, 'SMS', 'Logs');
  mkdirSync(folder, { recursive: true });
  service = new LogService({ folder });
  clock = Date.parse('2026-12-03T10:00:00.000Z');
});
afterEach(() => data.remove());

function siteLog(maxBytes = 2 * 1024 * 1024) {
  return createSiteLog({ path: data.path, inboxes: data.path, logs: folder }, now, { maxBytes });
}

/** Writes `count` distmgr.log lines, a second apart, numbered from `first`. */
function writeDistmgr(first: number, count: number, maxBytes?: number): void {
  const log = siteLog(maxBytes);
  for (let n = first; n < first + count; n++) {
    clock += 1000;
    log.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', `line ${n}`);
  }
}

/** As a transport does: the request through the channel's schema. */
async function read(names: string[], cursor?: string, limit?: number): Promise<LogPageDto> {
  const parsed = logReadSchema.parse({ names, ...(cursor !== undefined ? { cursor } : {}), ...(limit !== undefined ? { limit } : {}) });
  return service.read(parsed.names, parsed.cursor, parsed.limit);
}

const line = (text: string) => `${formatTraceLine(text, 'SMS_DISTRIBUTION_MANAGER', now(), 1)}\r\n`;
const texts = (page: LogPageDto) => page.records.map((record) => record.text);

describe('logs:list', () => {
  it('lists the logs with their size, time, component and .lo_, and nothing that is not a log', async () => {
    writeDistmgr(1, 3);
    renameSync(join(folder, 'distmgr.log'), join(folder, 'distmgr.lo_'));
    writeDistmgr(4, 2);
    siteLog().write('smsprov.log', 'SMS_PROVIDER', 'Created package A0100001.');
    writeFileSync(join(folder, 'notes.txt'), 'not a log');
    mkdirSync(join(folder, 'folder.log'));
    writeFileSync(join(data.path, 'secret.log'), 'outside');
    symlinkSync(join(data.path, 'secret.log'), join(folder, 'outside.log'));
    execFileSync('mkfifo', [join(folder, 'pipe.log')]);

    const { logs } = await service.list();
    expect(logs.map((log) => log.name)).toEqual(['distmgr.log', 'smsprov.log']);
    const distmgr = logs[0]!;
    expect(distmgr.component).toBe('SMS_DISTRIBUTION_MANAGER');
    expect(distmgr.size).toBeGreaterThan(0);
    expect(Date.parse(distmgr.modified)).not.toBeNaN();
    expect(distmgr.rotated?.name).toBe('distmgr.lo_');
    expect(logs[1]).toMatchObject({ component: 'SMS_PROVIDER', rotated: null });
  });

  it('is empty when the site has written no log yet', async () => {
    expect((await new LogService({ folder: join(data.path, 'none') }).list()).logs).toEqual([]);
  });
});

describe('logs:read', () => {
  it('reads a page from the start, then on from its cursor, with line numbers', async () => {
    writeDistmgr(1, 5);
    const first = await read(['distmgr.log'], undefined, 3);
    expect(texts(first)).toEqual(['line 1', 'line 2', 'line 3']);
    expect(first.records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(first.records[0]).toMatchObject({ log: 'distmgr.log', component: 'SMS_DISTRIBUTION_MANAGER', time: '2026-12-03T10:00:01.000Z', format: 'sms' });
    expect(first.more).toBe(true);
    const second = await read(['distmgr.log'], first.cursor, 3);
    expect(texts(second)).toEqual(['line 4', 'line 5']);
    expect(second.records.map((r) => r.line)).toEqual([4, 5]);
    expect(second.more).toBe(false);
    const idle = await read(['distmgr.log'], second.cursor);
    expect(idle.records).toEqual([]);
    expect(idle.cursor).toBe(second.cursor);
    writeDistmgr(6, 1);
    expect(texts(await read(['distmgr.log'], idle.cursor))).toEqual(['line 6']);
  });

  it('leaves a line still being written for the next read', async () => {
    writeDistmgr(1, 1);
    const line = '<![LOG[Half]LOG]!><time="10:00:00.000+000" date="12-03-2026" component="execmgr" context="" type="1" thread="1" file="x.cpp:1">\r\n';
    appendFileSync(join(folder, 'distmgr.log'), line.slice(0, 20));
    const first = await read(['distmgr.log']);
    expect(texts(first)).toEqual(['line 1']);
    appendFileSync(join(folder, 'distmgr.log'), line.slice(20));
    const second = await read(['distmgr.log'], first.cursor);
    expect(second.records).toMatchObject([{ text: 'Half', component: 'execmgr', line: 2 }]);
  });

  it('notices a rotation between two reads: the rest of the old log from the .lo_, then the new one from its start', async () => {
    writeDistmgr(1, 3);
    const first = await read(['distmgr.log']);
    expect(texts(first)).toEqual(['line 1', 'line 2', 'line 3']);
    writeDistmgr(4, 2); // written after the read, before the rotation
    renameSync(join(folder, 'distmgr.log'), join(folder, 'distmgr.lo_'));
    writeDistmgr(6, 2);
    const second = await read(['distmgr.log'], first.cursor);
    expect(second.rotated).toEqual(['distmgr.log']);
    expect(texts(second)).toEqual(['line 4', 'line 5', 'line 6', 'line 7']);
    expect(second.records.map((r) => r.line)).toEqual([4, 5, 1, 2]);
    const third = await read(['distmgr.log'], second.cursor);
    expect(third).toMatchObject({ records: [], rotated: [] });
  });

  it('follows the site log writer\'s own rotation without losing or repeating a line', async () => {
    let cursor: string | undefined;
    const seen: string[] = [];
    for (let batch = 0; batch < 12; batch++) {
      writeDistmgr(batch * 5 + 1, 5, 600);
      const page = await read(['distmgr.log'], cursor);
      seen.push(...texts(page));
      cursor = page.cursor;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `line ${i + 1}`));
  });

  it('starts again from the start of a log cut shorter in place', async () => {
    writeDistmgr(1, 3);
    const first = await read(['distmgr.log']);
    truncateSync(join(folder, 'distmgr.log'), 0);
    writeDistmgr(10, 1);
    const second = await read(['distmgr.log'], first.cursor);
    expect(second.rotated).toEqual(['distmgr.log']);
    expect(texts(second)).toEqual(['line 10']);
  });

  it('notices a log cut in place and written again past where the cursor stood', async () => {
    writeDistmgr(1, 2);
    const first = await read(['distmgr.log']);
    truncateSync(join(folder, 'distmgr.log'), 0);
    appendFileSync(join(folder, 'distmgr.log'), line('a line longer than the two lines before it were together, and then some'));
    const second = await read(['distmgr.log'], first.cursor);
    expect(second.rotated).toEqual(['distmgr.log']);
    expect(texts(second)).toEqual(['a line longer than the two lines before it were together, and then some']);
  });

  it('merges several logs by time, and says which log each record is from', async () => {
    const log = siteLog();
    for (let n = 1; n <= 3; n++) {
      clock += 1000;
      log.write('distmgr.log', 'SMS_DISTRIBUTION_MANAGER', `distmgr ${n}`);
      clock += 1000;
      log.write('smsprov.log', 'SMS_PROVIDER', `smsprov ${n}`);
    }
    const page = await read(['smsprov.log', 'distmgr.log'], undefined, 4);
    expect(page.records.map((r) => `${r.log}: ${r.text}`)).toEqual(['distmgr.log: distmgr 1', 'smsprov.log: smsprov 1', 'distmgr.log: distmgr 2', 'smsprov.log: smsprov 2']);
    const rest = await read(['smsprov.log', 'distmgr.log'], page.cursor, 4);
    expect(texts(rest)).toEqual(['distmgr 3', 'smsprov 3']);
  });

  it('says a log does not exist yet, and reads it once it does', async () => {
    const first = await read(['offermgr.log']);
    expect(first).toMatchObject({ records: [], missing: ['offermgr.log'] });
    siteLog().write('offermgr.log', 'SMS_OFFER_MANAGER', 'Offered.');
    const second = await read(['offermgr.log'], first.cursor);
    expect(second).toMatchObject({ missing: [], rotated: [] });
    expect(texts(second)).toEqual(['Offered.']);
  });

  it('refuses names that are not a log of the folder, naming the field', () => {
    for (const name of ['../courier.db', '..', 'a/b.log', 'a\\b.log', 'C:distmgr.log', 'dist\u0000mgr.log', 'distmgr.exe', '', 'x'.repeat(81) + '.log', 'a..log']) {
      const parsed = logReadSchema.safeParse({ names: [name] });
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe('names');
    }
    expect(logReadSchema.safeParse({ names: [] }).success).toBe(false);
    expect(logReadSchema.safeParse({ names: ['a.log', 'A.LOG'] }).success).toBe(false);
    expect(logTailSchema.safeParse({ names: Array.from({ length: 9 }, (_, i) => `l${i}.log`) }).success).toBe(false);
    expect(logReadSchema.safeParse({ names: ['a.log'], limit: 5001 }).success).toBe(false);
  });

  it('refuses a cursor it did not give for these logs', () => {
    for (const cursor of ['garbage', 'other.log*1*0*1', 'distmgr.log*1*0', 'distmgr.log*1*99999999999999999*1', '../x.log*1*0*1']) {
      const parsed = logReadSchema.safeParse({ names: ['distmgr.log'], cursor });
      expect(parsed.success, cursor).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['cursor']);
    }
  });

  it('refuses a link leading out of the folder and a FIFO, without blocking', async () => {
    writeFileSync(join(data.path, 'secret.log'), 'secret~  $$<X><12-03-2026 10:00:00.000+000><thread=1 (0x1)>\r\n');
    symlinkSync(join(data.path, 'secret.log'), join(folder, 'outside.log'));
    await expect(read(['outside.log'])).rejects.toMatchObject({ code: 'FORBIDDEN', field: 'names' });
    execFileSync('mkfifo', [join(folder, 'pipe.log')]);
    await expect(read(['pipe.log'])).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'names' });
    mkdirSync(join(folder, 'dir.log'));
    await expect(read(['dir.log'])).rejects.toMatchObject({ field: 'names' });
  });

  it('bounds a page of a huge log, and a line with no line break at all', async () => {
    writeFileSync(join(folder, 'huge.log'), 'y'.repeat(6 * 1024 * 1024));
    const page = await read(['huge.log']);
    expect(page.records).toHaveLength(1);
    expect(page.records[0]!.text.length).toBeLessThan(300 * 1024);
    expect(page.more).toBe(true);
    // The rest of the line has no line break yet: it waits for one, as a line being written does.
    expect((await read(['huge.log'], page.cursor)).records).toEqual([]);
    appendFileSync(join(folder, 'huge.log'), '\r\n');
    const next = await read(['huge.log'], page.cursor);
    expect(next.records).toHaveLength(1);
    expect(next.more).toBe(false);
  });
});

describe('logs:tail', () => {
  it('gives the last records and a cursor that follows the log from its end', async () => {
    writeDistmgr(1, 50);
    const tail = await service.tail(['distmgr.log'], 3);
    expect(texts(tail)).toEqual(['line 48', 'line 49', 'line 50']);
    expect(tail.records.map((r) => r.line)).toEqual([48, 49, 50]);
    writeDistmgr(51, 1);
    expect(texts(await read(['distmgr.log'], tail.cursor))).toEqual(['line 51']);
  });

  it('grows its window until it holds enough records', async () => {
    writeDistmgr(1, 5);
    appendFileSync(join(folder, 'distmgr.log'), `${'z'.repeat(300 * 1024)}\r\n`);
    writeDistmgr(6, 1);
    const tail = await service.tail(['distmgr.log'], 3);
    expect(tail.records.map((r) => r.text.slice(0, 6))).toEqual(['line 5', 'zzzzzz', 'line 6']);
  });
});

describe('logs:parse-text', () => {
  it('reads a client log as given, and bounds the text', () => {
    const text = '<![LOG[Running "setup.exe"\nin two lines]LOG]!><time="15:36:47.610+420" date="06-13-2008" component="execmgr" context="" type="3" thread="2248" file="a.cpp:1">\r\n';
    const parsed = service.parseText('execmgr.log', text);
    expect(parsed).toMatchObject({ format: 'cmtrace', truncated: false });
    expect(parsed.records).toMatchObject([{ log: 'execmgr.log', text: 'Running "setup.exe"\nin two lines', type: 'error', thread: 2248, time: '2008-06-13T22:36:47.610Z' }]);
    const tooBig = logParseTextSchema.safeParse({ name: 'x.log', text: 'x'.repeat(512 * 1024 + 1) });
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]?.path).toEqual(['text']);
  });
});
