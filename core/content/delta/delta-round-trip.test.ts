import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { applyDelta, readSignature, signFile, writeDelta, writeSignature, type ChunkingParameters } from './index';
import { encodeSignature } from './signature-format';

const temp = makeTempDir('courier-delta-');
afterAll(() => temp.remove());
let serial = 0;
const path = (name: string): string => join(temp.path, `${++serial}-${name}`);

/** Signs `old`, deltas `next` against it, applies the delta to `old`; answers what the delta and the patch said. */
async function roundTrip(old: Uint8Array, next: Uint8Array, chunking?: ChunkingParameters) {
  const oldPath = path('old.bin');
  const newPath = path('new.bin');
  const signaturePath = path('old.sig');
  const deltaPath = path('old-to-new.delta');
  const outPath = path('patched.bin');
  await writeFile(oldPath, old);
  await writeFile(newPath, next);
  await writeSignature(oldPath, signaturePath, chunking);
  const planned = await writeDelta(await readSignature(signaturePath), newPath, deltaPath);
  const applied = await applyDelta(oldPath, deltaPath, outPath);
  const patched = await readFile(outPath);
  return { planned, applied, patched, deltaPath };
}

function edit(data: Uint8Array, random: ReturnType<typeof seededRandom>): Uint8Array {
  let out = data;
  const edits = 1 + random.int(6);
  for (let e = 0; e < edits; e++) {
    const at = random.int(out.length + 1);
    const length = 1 + random.int(random.next() < 0.5 ? 64 : 200_000);
    const kind = random.int(3);
    if (kind === 0) {
      out = Buffer.concat([out.subarray(0, at), random.bytes(length), out.subarray(at)]);
    } else if (kind === 1) {
      out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + length))]);
    } else {
      const copy = Buffer.from(out);
      copy.set(random.bytes(Math.min(length, copy.length - at)), at);
      out = copy;
    }
  }
  return out;
}

describe('delta round trip: old + delta = new', () => {
  it('rebuilds the new file exactly for seeded random edits (insertions, deletions, overwrites)', async () => {
    for (let trial = 1; trial <= 24; trial++) {
      const random = seededRandom(trial);
      const old = random.bytes(random.int(3 * 1024 * 1024));
      const next = edit(old, random);
      // Every third case with small chunks, so files hold thousands of them.
      const chunking = trial % 3 === 0 ? { min: 256, avg: 1024, max: 4096 } : undefined;
      const { planned, applied, patched } = await roundTrip(old, next, chunking);
      expect(Buffer.compare(patched, next), `trial ${trial}`).toBe(0);
      expect(applied.sha256.toString('hex')).toBe(createHash('sha256').update(next).digest('hex'));
      expect(applied.literalBytes + applied.copiedBytes).toBe(next.length);
      expect(planned.literalBytes).toBe(applied.literalBytes);
    }
  });

  it('sends almost nothing for an identical file', async () => {
    const data = seededRandom(100).bytes(4 * 1024 * 1024);
    const { planned, patched } = await roundTrip(data, data);
    expect(Buffer.compare(patched, data)).toBe(0);
    expect(planned.literalBytes).toBe(0);
    expect(planned.deltaBytes / data.length).toBeLessThan(0.001);
  });

  it('copies most of the old file after an insertion at its start', async () => {
    const old = seededRandom(101).bytes(4 * 1024 * 1024);
    const next = Buffer.concat([seededRandom(102).bytes(1000), old]);
    const { planned, patched } = await roundTrip(old, next);
    expect(Buffer.compare(patched, next)).toBe(0);
    expect(planned.literalBytes).toBeLessThan(200 * 1024);
    expect(planned.copiedBytes).toBeGreaterThan(old.length - 200 * 1024);
  });

  it('handles empty files on either side', async () => {
    const some = seededRandom(103).bytes(50_000);
    for (const [old, next] of [
      [new Uint8Array(0), new Uint8Array(0)],
      [new Uint8Array(0), some],
      [some, new Uint8Array(0)],
    ] as const) {
      const { planned, patched } = await roundTrip(old, next);
      expect(Buffer.compare(patched, next)).toBe(0);
      expect(planned.literalBytes).toBe(next.length);
    }
  });

  it('handles files shorter than the minimum chunk: one chunk each, copied when unchanged', async () => {
    const small = seededRandom(104).bytes(5000);
    const same = await roundTrip(small, small);
    expect(same.planned.literalBytes).toBe(0);
    const changed = Buffer.from(small);
    changed[10] = changed[10]! ^ 1;
    const other = await roundTrip(small, changed);
    expect(Buffer.compare(other.patched, changed)).toBe(0);
    expect(other.planned.literalBytes).toBe(5000);
  });

  it('writes the new version\'s signature from the same read, identical to signing the file', async () => {
    const oldPath = path('old.bin');
    const newPath = path('new.bin');
    const random = seededRandom(105);
    const old = random.bytes(2 * 1024 * 1024);
    await writeFile(oldPath, old);
    await writeFile(newPath, edit(old, random));
    const newSignaturePath = path('new.sig');
    await writeDelta(await signFile(oldPath), newPath, path('d.delta'), { newSignaturePath });
    expect(Buffer.compare(await readFile(newSignaturePath), encodeSignature(await signFile(newPath)))).toBe(0);
  });

  it('patches a file in place when the output is the old file itself (read whole before the rename)', async () => {
    const oldPath = path('in-place.bin');
    const old = seededRandom(108).bytes(1024 * 1024);
    const next = Buffer.concat([old.subarray(0, 400_000), seededRandom(109).bytes(70_000), old.subarray(400_000)]);
    const newPath = path('in-place-new.bin');
    await writeFile(oldPath, old);
    await writeFile(newPath, next);
    const signature = await signFile(oldPath);
    const deltaPath = path('in-place.delta');
    await writeDelta(signature, newPath, deltaPath);
    await applyDelta(oldPath, deltaPath, oldPath);
    expect(Buffer.compare(await readFile(oldPath), next)).toBe(0);
  });

  it('leaves no temporary file behind and replaces an earlier output whole', async () => {
    const folder = makeTempDir('courier-delta-clean-');
    try {
      const old = seededRandom(106).bytes(300_000);
      const next = Buffer.concat([old.subarray(0, 1000), seededRandom(107).bytes(5000), old.subarray(1000)]);
      await writeFile(join(folder.path, 'old'), old);
      await writeFile(join(folder.path, 'new'), next);
      await writeFile(join(folder.path, 'out'), 'an earlier, stale output');
      await writeSignature(join(folder.path, 'old'), join(folder.path, 'old.sig'));
      await writeDelta(await readSignature(join(folder.path, 'old.sig')), join(folder.path, 'new'), join(folder.path, 'd'));
      await applyDelta(join(folder.path, 'old'), join(folder.path, 'd'), join(folder.path, 'out'));
      expect(Buffer.compare(await readFile(join(folder.path, 'out')), next)).toBe(0);
      expect((await readdir(folder.path)).sort()).toEqual(['d', 'new', 'old', 'old.sig', 'out']);
    } finally {
      folder.remove();
    }
  });
});
