import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { applyDeltaInPlace, DeltaError, readSignature, writeDelta, writeSignature } from './index';

const temp = makeTempDir('courier-delta-in-place-');
afterAll(() => temp.remove());
let serial = 0;

/**
 * Signs `old`, deltas `next` against it, then patches a clone of the old file where it lies:
 * `old` itself, or `onDp` when the DP's copy is not what was signed.
 */
async function inPlace(old: Uint8Array, next: Uint8Array, onDp?: Uint8Array) {
  const folder = join(temp.path, String(++serial));
  const at = (name: string) => `${folder}-${name}`;
  await writeFile(at('old'), old);
  await writeFile(at('new'), next);
  await writeSignature(at('old'), at('sig'));
  const planned = await writeDelta(await readSignature(at('sig')), at('new'), at('delta'));
  if (onDp) await writeFile(at('old'), onDp);
  const before = await readFile(at('old'));
  const run = () => applyDeltaInPlace(at('old'), at('delta'), at('out'));
  return { planned, run, at, before };
}

function overwrite(data: Uint8Array, edits: readonly [number, number][], variant: number): Buffer {
  const out = Buffer.from(data);
  const random = seededRandom(variant);
  for (const [at, length] of edits) out.set(random.bytes(length), at);
  return out;
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('applying a delta to a clone of the old file where it lies', () => {
  it('writes only the changed regions over the clone when the changes overwrite, and the result is the new file', async () => {
    const old = seededRandom(1).bytes(8 * 1024 * 1024);
    const next = overwrite(old, [[100_000, 20_000], [3_000_000, 40_000], [7_900_000, 10_000]], 2);
    const { planned, run, at, before } = await inPlace(old, next);
    const applied = await run();
    expect(applied).not.toBeNull();
    expect(Buffer.compare(await readFile(at('out')), next)).toBe(0);
    expect(applied!.sha256.toString('hex')).toBe(sha(next));
    // What was written is the literal bytes (chunks around each edit), a few per cent of the file.
    expect(applied!.writtenBytes).toBe(planned.literalBytes);
    expect(applied!.writtenBytes / next.length).toBeLessThan(0.15);
    expect(applied!.keptBytes).toBe(next.length - applied!.writtenBytes);
    // The old file (the DP's current copy, still served) is not touched: the clone is another file.
    expect(Buffer.compare(await readFile(at('old')), before)).toBe(0);
    expect((await stat(at('out'))).ino).not.toBe((await stat(at('old'))).ino);
  });

  it('writes nothing for a chunk that repeats in the file and stays where it was (text, padding)', async () => {
    // The same 1 MiB of random bytes four times: every chunk of it is found at four offsets.
    const block = seededRandom(13).bytes(1024 * 1024);
    const old = Buffer.concat([block, block, block, block]);
    const next = overwrite(old, [[2_500_000, 10_000]], 14);
    const { planned, run, at } = await inPlace(old, next);
    const applied = await run();
    expect(Buffer.compare(await readFile(at('out')), next)).toBe(0);
    expect(applied!.writtenBytes).toBe(planned.literalBytes);
    expect(applied!.writtenBytes / next.length).toBeLessThan(0.1);
  });

  it('writes moved chunks too, and grows or shrinks the file to its new size', async () => {
    const old = seededRandom(3).bytes(4 * 1024 * 1024);
    // A small insertion near the end moves the chunks after it; and a file cut shorter.
    const grown = Buffer.concat([old.subarray(0, 3_900_000), seededRandom(4).bytes(5000), old.subarray(3_900_000)]);
    const cut = overwrite(old.subarray(0, 3_000_000), [[10_000, 5000]], 5);
    for (const next of [grown, cut]) {
      const { run, at } = await inPlace(old, next);
      const applied = await run();
      expect(applied).not.toBeNull();
      expect(Buffer.compare(await readFile(at('out')), next)).toBe(0);
      expect(applied!.size).toBe(next.length);
    }
  });

  it('answers null, writing nothing, when the delta would move most of the file (an insertion at its start)', async () => {
    const old = seededRandom(6).bytes(4 * 1024 * 1024);
    const next = Buffer.concat([seededRandom(7).bytes(1000), old]);
    const { run, at } = await inPlace(old, next);
    expect(await run()).toBeNull();
    await expect(stat(at('out'))).rejects.toThrow(/ENOENT/);
    expect((await readdir(temp.path)).filter((name) => name.startsWith('.courier-tmp-'))).toEqual([]);
  });

  it('refuses an old file changed behind the delta`s back (same size), leaving no output and no temporary file', async () => {
    const old = seededRandom(8).bytes(4 * 1024 * 1024);
    const next = overwrite(old, [[2_000_000, 30_000]], 9);
    // The DP's copy was edited in place where the delta keeps the old bytes: only the read-back can tell.
    const { run, at } = await inPlace(old, next, overwrite(old, [[500_000, 1000]], 10));
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeltaError);
    expect((error as DeltaError).reason).toBe('new-file-mismatch');
    await expect(stat(at('out'))).rejects.toThrow(/ENOENT/);
    expect((await readdir(temp.path)).filter((name) => name.startsWith('.courier-tmp-'))).toEqual([]);
  });

  it('refuses an old file of another size before cloning it', async () => {
    const old = seededRandom(11).bytes(1024 * 1024);
    const next = overwrite(old, [[1000, 1000]], 12);
    const { run, at } = await inPlace(old, next, old.subarray(0, 1000));
    await expect(run()).rejects.toMatchObject({ reason: 'old-file-mismatch' });
    await expect(stat(at('out'))).rejects.toThrow(/ENOENT/);
  });
});
