import { createHash } from 'node:crypto';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { boundaryMasks, chunkingProblem, defaultChunking, gearTable } from './chunking-parameters';
import { chunkLengths, chunkLengthsInJavaScript, scanChunks } from './chunker';

const temp = makeTempDir('courier-chunker-');
afterAll(() => temp.remove());

function boundaries(lengths: readonly number[]): Set<number> {
  const at = new Set<number>();
  let offset = 0;
  for (const length of lengths) at.add((offset += length));
  return at;
}

describe('content-defined chunking', () => {
  it('keeps the gear table and masks of signature format 1 (changing them would orphan every stored signature)', () => {
    expect([gearTable[0], gearTable[1], gearTable[255]].map((n) => n! >>> 0)).toEqual([0x510c4619, 0xe02e553e, 0xef588093]);
    expect(new Set(gearTable).size).toBe(256);
    const masks = boundaryMasks(64 * 1024);
    expect((masks.strict >>> 0).toString(16)).toBe('ffffc000');
    expect((masks.loose >>> 0).toString(16)).toBe('fffc0000');
  });

  it('cuts the same seeded data at the same places as format 1 always did', () => {
    const lengths = chunkLengths(seededRandom(1).bytes(1024 * 1024), defaultChunking);
    const digest = createHash('sha256').update(lengths.join(',')).digest('hex').slice(0, 16);
    expect({ count: lengths.length, first: lengths.slice(0, 4), digest }).toMatchInlineSnapshot(`
      {
        "count": 13,
        "digest": "587a18d7bc5389da",
        "first": [
          82391,
          90509,
          95285,
          75880,
        ],
      }
    `);
  });

  it('keeps every chunk between the minimum and maximum size, averaging near the target', () => {
    const lengths = chunkLengths(seededRandom(2).bytes(16 * 1024 * 1024), defaultChunking);
    expect(lengths.slice(0, -1).every((n) => n >= defaultChunking.min && n <= defaultChunking.max)).toBe(true);
    const mean = (16 * 1024 * 1024) / lengths.length;
    expect(mean).toBeGreaterThan(48 * 1024);
    expect(mean).toBeLessThan(96 * 1024);
  });

  it('cuts data without content-defined boundaries (all zeros) at the maximum size', () => {
    const lengths = chunkLengths(new Uint8Array(1024 * 1024 + 5), defaultChunking);
    expect(lengths).toEqual([262144, 262144, 262144, 262144, 5]);
  });

  it('gives one chunk to data shorter than the minimum, and none to no data', () => {
    expect(chunkLengths(seededRandom(3).bytes(1000), defaultChunking)).toEqual([1000]);
    expect(chunkLengths(new Uint8Array(0), defaultChunking)).toEqual([]);
  });

  it('keeps boundaries in place after an insertion at the start: almost every chunk is found again', () => {
    const data = seededRandom(4).bytes(8 * 1024 * 1024);
    const before = chunkLengths(data, defaultChunking);
    const inserted = new Uint8Array(data.length + 777);
    inserted.set(seededRandom(5).bytes(777), 0);
    inserted.set(data, 777);
    const after = [...boundaries(chunkLengths(inserted, defaultChunking))].map((at) => at - 777);
    const old = boundaries(before);
    const kept = after.filter((at) => old.has(at)).length;
    expect(kept / before.length).toBeGreaterThan(0.95);
  });

  it('refuses chunk sizes it cannot use, saying why', () => {
    expect(chunkingProblem({ min: 16384, avg: 60000, max: 262144 })).toMatch(/power of two/);
    expect(chunkingProblem({ min: 100000, avg: 65536, max: 262144 })).toMatch(/minimum/);
    expect(chunkingProblem({ min: 16384, avg: 65536, max: 64 * 1024 * 1024 })).toMatch(/maximum/);
    expect(chunkingProblem(defaultChunking)).toBeNull();
  });

  it('finds the same chunks streaming a file through its read buffer as in memory, and hashes the whole file', async () => {
    // 11 MiB: several refills of the 4 MiB buffer, with chunks straddling each refill.
    const data = seededRandom(6).bytes(11 * 1024 * 1024 + 123);
    const path = join(temp.path, 'streamed.bin');
    await writeFile(path, data);
    const handle = await open(path, 'r');
    const seen: number[] = [];
    let expectedOffset = 0;
    const scanned = await scanChunks(handle, defaultChunking, (chunk, offset) => {
      expect(offset).toBe(expectedOffset);
      expect(Buffer.compare(chunk, data.subarray(offset, offset + chunk.length))).toBe(0);
      expectedOffset += chunk.length;
      seen.push(chunk.length);
    }).finally(() => handle.close());
    expect(seen).toEqual(chunkLengths(data, defaultChunking));
    expect(scanned.size).toBe(data.length);
    expect(scanned.sha256.toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
  });
});

describe('the WebAssembly boundary search', () => {
  it('cuts exactly where the JavaScript loop does, for any sizes, data and lengths', () => {
    const random = seededRandom(8);
    const shapes = [defaultChunking, { min: 256, avg: 1024, max: 4096 }, { min: 64, avg: 256, max: 256 }, { min: 1024 * 1024, avg: 1024 * 1024, max: 4 * 1024 * 1024 }];
    for (const p of shapes) {
      for (const length of [0, 1, 63, p.min, p.min + 1, p.max, p.max + 1, 3 * 1024 * 1024 + random.int(1000)]) {
        const data = random.bytes(length);
        expect(chunkLengths(data, p), `${p.min}/${p.avg}/${p.max}, ${length} bytes`).toEqual(chunkLengthsInJavaScript(data, p));
      }
    }
    const zeros = new Uint8Array(2 * 1024 * 1024 + 17);
    expect(chunkLengths(zeros, defaultChunking)).toEqual(chunkLengthsInJavaScript(zeros, defaultChunking));
  });

  it('agrees across its scratch windows (data longer than its 8 MiB scratch area)', () => {
    const data = seededRandom(9).bytes(21 * 1024 * 1024);
    expect(chunkLengths(data, defaultChunking)).toEqual(chunkLengthsInJavaScript(data, defaultChunking));
  });
});

describe('scans through short reads', () => {
  it('cuts the same chunks when every read returns less than asked, as a network share may', async () => {
    const data = seededRandom(10).bytes(9 * 1024 * 1024 + 7);
    const path = join(temp.path, 'short-reads.bin');
    await writeFile(path, data);
    const real = await open(path, 'r');
    const random = seededRandom(11);
    // The edge being imitated is the file system's: a real handle whose reads stop short at random.
    const shortReads = {
      read: (buffer: Uint8Array, offset: number, length: number, position: number) => real.read(buffer, offset, Math.min(length, 1 + random.int(300_000)), position),
    } as unknown as FileHandle;
    const seen: number[] = [];
    const scanned = await scanChunks(shortReads, defaultChunking, (chunk) => {
      seen.push(chunk.length);
    }).finally(() => real.close());
    expect(seen).toEqual(chunkLengthsInJavaScript(data, defaultChunking));
    expect(scanned.size).toBe(data.length);
  });
});
