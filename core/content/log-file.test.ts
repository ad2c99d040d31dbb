import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import type { LogRecord } from '../formats/logs';
import { readLogFile } from './log-file';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('courier-log-file-');
});
afterEach(() => temp.remove());

async function readAll(path: string): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for await (const batch of readLogFile(path, { unzoned: 'utc' })) records.push(...batch);
  return records;
}

const trailer = '~  $$<SMS_DISTRIBUTION_MANAGER><06-13-2008 15:36:47.610+420><thread=5720 (0x1658)>\r\n';

describe('readLogFile', () => {
  it('reads UTF-8, a UTF-8 mark dropped, and characters split between two reads', async () => {
    const path = join(temp.path, 'utf8.log');
    // The é of the second line starts on the last byte of the first read (256 KB).
    const filler = 'x'.repeat(256 * 1024 - 3 - 1 - trailer.length);
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${filler}${trailer}é漢 Müller${trailer}`, 'utf8')]));
    const records = await readAll(path);
    expect(records.map((r) => r.text)).toEqual([filler, 'é漢 Müller']);
  });

  it('reads an ANSI log (Windows-1252) from its first byte that is not UTF-8, a byte cut at the end of a read too', async () => {
    const path = join(temp.path, 'ansi.log');
    const filler = 'x'.repeat(256 * 1024 - 1 - trailer.length);
    // 0xE9 (é) is the last byte of the first read, where UTF-8 would start a sequence; 0x80 is €, 0x93 0x94 curly quotes.
    const ansi = (text: string) => Buffer.from(text, 'latin1');
    writeFileSync(path, Buffer.concat([ansi(`${filler}${trailer}`), Buffer.from([0xe9]), ansi(`t\u00e9 co\u00fbte 5 `), Buffer.from([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94]), ansi(trailer)]));
    const records = await readAll(path);
    expect(records.map((r) => r.text)).toEqual([filler, 'été coûte 5 € “ok”']);
    expect(records[1]).toMatchObject({ component: 'SMS_DISTRIBUTION_MANAGER', time: '2008-06-13T22:36:47.610Z', line: 2 });
  });

  it('reads UTF-16 with its mark, either byte order', async () => {
    const text = `Läuft${trailer}`;
    const le = join(temp.path, 'le.log');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(temp.path, 'be.log');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const path of [le, be]) expect((await readAll(path)).map((r) => r.text)).toEqual(['Läuft']);
  });

  it('stops reading when the loop stops, and refuses what is not a regular file', async () => {
    const path = join(temp.path, 'long.log');
    writeFileSync(path, `line${trailer}`.repeat(20_000));
    let batches = 0;
    for await (const batch of readLogFile(path)) {
      expect(batch.length).toBeGreaterThan(0);
      if (++batches === 1) break;
    }
    expect(batches).toBe(1);
    await expect(readAll(temp.path)).rejects.toThrow(`${temp.path} is a folder; choose a log file.`);
    await expect(readAll('relative.log')).rejects.toThrow(/relative path/u);
  });
});
