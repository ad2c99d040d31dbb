import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourierError } from '../../core/api';
import { readMsiFile } from '../../core/content/package-definition-file';
import { createCore, type Core } from '../../core/core';
import { readMsiInfo, type ByteSource } from '../../core/formats/msi';
import { buildMsi } from '../helpers/build-msi';
import { directoryEntries, writeCraftedMsi, type CraftedStream } from '../helpers/crafted-msi';

const product = { productCode: '{11111111-2222-3333-4444-555555555555}', name: 'Contoso Viewer', version: '3.1.4', manufacturer: 'Contoso Ltd' };
let dir = '';
let original = new Uint8Array(0);
let core: Core;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-hostile-msi-'));
  original = new Uint8Array(readFileSync(buildMsi(dir, 'viewer.msi', product)));
  core = createCore({ dataDir: join(dir, 'site') });
});
afterAll(() => {
  core.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function crafted(stream: CraftedStream): string {
  const path = join(dir, `crafted-${++n}.msi`);
  writeCraftedMsi(path, original, stream);
  return path;
}

function patched(change: (bytes: Uint8Array, view: DataView) => void): string {
  const bytes = new Uint8Array(original);
  change(bytes, new DataView(bytes.buffer));
  const path = join(dir, `patched-${++n}.msi`);
  writeFileSync(path, bytes);
  return path;
}

/** The file as random access, counting what is read: a hostile file must not be read whole. */
function countingSource(path: string): { source: ByteSource; bytesRead: () => number; close: () => void } {
  const fd = openSync(path, 'r');
  const size = statSync(path).size;
  let total = 0;
  return {
    source: {
      size,
      read(offset, length) {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        const got = readSync(fd, buffer, 0, buffer.length, offset);
        total += got;
        return buffer.subarray(0, got);
      },
    },
    bytesRead: () => total,
    close: () => closeSync(fd),
  };
}

async function refusedThroughCore(path: string): Promise<string> {
  for (const result of [await core.client['files:msi-info']({ path }), await core.client['definitions:inspect']({ source: { kind: 'file', path } })]) {
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.message).toContain(path);
    }
  }
  const result = await core.client['files:msi-info']({ path });
  return result.ok ? '' : result.error.message;
}

describe('hostile MSIs are refused by what the file can hold, and the process lives on', () => {
  it('a 600 MB string pool in a sparse file (a few MB on disk) is refused at once, reading almost nothing', async () => {
    const path = crafted({ stream: '!_StringPool', size: 605_000_000 });
    expect(statSync(path).size).toBeGreaterThan(605_000_000);
    expect(statSync(path).blocks * 512).toBeLessThan(8_000_000);
    const counted = countingSource(path);
    const started = performance.now();
    try {
      expect(() => readMsiInfo(counted.source, { file: path })).toThrow(CourierError);
      expect(counted.bytesRead()).toBeLessThan(256 * 1024);
    } finally {
      counted.close();
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await refusedThroughCore(path)).toBe(
      `The Windows Installer file ${path} is damaged or truncated: its string pool has 151249999 entries, and its 2-byte string references reach at most 65535 strings.`,
    );
  });

  it('a 600 MB string data stream is streamed: the product is read from the few KB it needs', () => {
    const data = directoryEntries(original).get('!_StringData')!;
    const real = readMsiInfo(original);
    // The real strings first (moved out of the small-stream container), then 600 MB of zeros.
    const content = new Uint8Array(data.size);
    const stream = new Uint8Array(readMiniStream(original, '!_StringData'));
    content.set(stream);
    const path = crafted({ stream: '!_StringData', size: 600_000_000, content });
    const counted = countingSource(path);
    try {
      expect(readMsiInfo(counted.source, { file: path })).toEqual(real);
      // The allocation table sectors the chains touch and the tables: far from 600 MB.
      expect(counted.bytesRead()).toBeLessThan(6_000_000);
    } finally {
      counted.close();
    }
  });

  it('a 400 MB Property table is refused: it cannot have more rows than the pool has strings', async () => {
    const path = crafted({ stream: '!Property', size: 400_000_000 });
    expect(await refusedThroughCore(path)).toMatch(/is damaged or truncated: its Property table has 100000000 rows but its string pool only \d+ strings\.$/);
  });

  it('a stream chain that loops back to its start, and a DIFAT chain that loops', async () => {
    expect(await refusedThroughCore(crafted({ stream: '!_StringData', size: 1_000_000, loop: true }))).toMatch(/is damaged or truncated: the stream "[^"]+" loops\.$/);
    expect(await refusedThroughCore(crafted({ stream: '!_StringData', size: 60_000_000, difatLoop: true }))).toMatch(/is damaged or truncated: its allocation chain loops\.$/);
  });

  it('a stream that claims more than the whole file, a changed small-stream cutoff, a small-stream chain that loops', async () => {
    const entries = directoryEntries(original);
    const pool = entries.get('!_StringPool')!;
    expect(
      await refusedThroughCore(patched((_b, view) => view.setUint32(pool.offset + 0x78, 0x7fff_0000, true))),
    ).toMatch(/the stream "[^"]+" claims 2147418112 bytes, more than the file holds\.$/);
    expect(await refusedThroughCore(patched((_b, view) => view.setUint32(0x38, 0xffff_ffff, true)))).toMatch(
      /its header sets the small-stream cutoff to 4294967295 bytes, not 4096\.$/,
    );
    const data = entries.get('!_StringData')!;
    expect(data.size).toBeGreaterThan(64);
    expect(data.size).toBeLessThan(4096);
    const miniFatOffset = 512 * (new DataView(original.buffer).getUint32(0x3c, true) + 1);
    expect(await refusedThroughCore(patched((_b, view) => view.setUint32(miniFatOffset + data.start * 4, data.start, true)))).toMatch(/small-stream chain of stream "[^"]+" loops\.$/);
  });

  it('the real file still reads, through the file reader', async () => {
    expect(await readMsiFile(join(dir, 'viewer.msi'))).toMatchObject({ productName: 'Contoso Viewer', productCode: product.productCode });
  });
});

/** A small stream's bytes, read with the tests' own walk of the small-stream container. */
function readMiniStream(bytes: Uint8Array, name: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const fatSector = (i: number) => view.getUint32(0x4c + i * 4, true);
  const fat = (s: number) => view.getUint32(512 * (fatSector(Math.floor(s / 128)) + 1) + (s % 128) * 4, true);
  const chain = (start: number, next: (s: number) => number) => {
    const out: number[] = [];
    for (let s = start; s !== 0xfffffffe && out.length < 100_000; s = next(s)) out.push(s);
    return out;
  };
  const root = [...directoryEntries(bytes).values()].find((e) => e.offset === 512 * (view.getUint32(0x30, true) + 1))!;
  const container = chain(root.start, fat).flatMap((s) => [...bytes.subarray(512 * (s + 1), 512 * (s + 2))]);
  const miniFatSectors = chain(view.getUint32(0x3c, true), fat);
  const miniFat = (s: number) => view.getUint32(512 * ((miniFatSectors[Math.floor(s / 128)] ?? 0) + 1) + (s % 128) * 4, true);
  const entry = directoryEntries(bytes).get(name)!;
  return Uint8Array.from(chain(entry.start, miniFat).flatMap((s) => container.slice(s * 64, s * 64 + 64))).subarray(0, entry.size);
}
