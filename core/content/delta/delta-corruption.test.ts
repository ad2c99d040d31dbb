import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { applyDelta, DeltaError, readSignature, writeDelta, writeSignature, type DeltaErrorReason } from './index';

// Damaged inputs are refused with the reason and a specific message, and never leave an output.
// Some cases forge the checksums too, as a bug or a hostile writer could, to reach the checks behind them.

const temp = makeTempDir('courier-delta-corrupt-');
const at = (name: string): string => join(temp.path, name);
const sha = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();
let oldBytes: Uint8Array;
let newBytes: Uint8Array;
let signature: Buffer;
let delta: Buffer;

beforeAll(async () => {
  const random = seededRandom(7);
  oldBytes = random.bytes(1024 * 1024);
  // An overwrite, an insertion and a deletion, so the delta holds copies and literals.
  const changed = Buffer.from(oldBytes);
  changed.set(random.bytes(30_000), 200_000);
  newBytes = Buffer.concat([changed.subarray(0, 500_000), random.bytes(20_000), changed.subarray(520_000, 900_000), changed.subarray(940_000)]);
  await writeFile(at('old'), oldBytes);
  await writeFile(at('new'), newBytes);
  await writeSignature(at('old'), at('old.sig'));
  await writeDelta(await readSignature(at('old.sig')), at('new'), at('good.delta'));
  signature = await readFile(at('old.sig'));
  delta = await readFile(at('good.delta'));
});
afterAll(() => temp.remove());

async function refusal(run: () => Promise<unknown>): Promise<DeltaError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DeltaError)) throw new Error(`expected a DeltaError, got ${String(error)}`);
  return error;
}

async function expectSignatureRefused(bytes: Uint8Array, reason: DeltaErrorReason, message: RegExp): Promise<void> {
  await writeFile(at('bad.sig'), bytes);
  const error = await refusal(() => readSignature(at('bad.sig')));
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
}

/** The signature with its checksums recomputed after an edit. */
function resealSignature(bytes: Buffer): Buffer {
  sha(bytes.subarray(96)).copy(bytes, 72, 0, 16);
  sha(bytes.subarray(0, 88)).copy(bytes, 88, 0, 8);
  return bytes;
}

/** The delta with its checksums recomputed after an edit. */
function resealDelta(bytes: Buffer): Buffer {
  sha(bytes.subarray(160)).copy(bytes, 128, 0, 16);
  sha(bytes.subarray(0, 152)).copy(bytes, 152, 0, 8);
  return bytes;
}

async function expectDeltaRefused(bytes: Uint8Array, reason: DeltaErrorReason, message: RegExp, oldFile = at('old')): Promise<void> {
  await writeFile(at('bad.delta'), bytes);
  const error = await refusal(() => applyDelta(oldFile, at('bad.delta'), at('out')));
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
  // Nothing half-written: no output, no temporary beside it.
  expect((await readdir(temp.path)).filter((name) => name === 'out' || name.startsWith('.'))).toEqual([]);
}

/** Offset of the first operation with this tag, walking the operations. */
function firstOperation(bytes: Buffer, tag: string): number {
  for (let p = 160; p < bytes.length; ) {
    if (bytes[p] === tag.charCodeAt(0)) return p;
    p += bytes[p] === 0x43 ? 29 : 5 + bytes.readUInt32LE(p + 1);
  }
  throw new Error(`no ${tag} operation`);
}

describe('damaged signatures', () => {
  it('refuses a truncated signature, saying how long it is against its header', async () => {
    await expectSignatureRefused(signature.subarray(0, signature.length - 1), 'corrupt-signature', /bytes long; its header says/);
    await expectSignatureRefused(signature.subarray(0, 40), 'corrupt-signature', /shorter than a signature header/);
    await expectSignatureRefused(new Uint8Array(0), 'corrupt-signature', /0 bytes long/);
  });

  it('refuses another format, a later version and a damaged header or chunk list', async () => {
    await expectSignatureRefused(Buffer.concat([Buffer.from('PK\x03\x04'), signature.subarray(4)]), 'corrupt-signature', /does not start with "CSIG"/);
    const later = Buffer.from(signature);
    later.writeUInt16LE(2, 4);
    await expectSignatureRefused(later, 'unsupported', /format 2; this Courier reads format 1/);
    const header = Buffer.from(signature);
    header[30] = header[30]! ^ 0x01;
    await expectSignatureRefused(header, 'corrupt-signature', /header checksum/);
    const entries = Buffer.from(signature);
    entries[200] = entries[200]! ^ 0x80;
    await expectSignatureRefused(entries, 'corrupt-signature', /chunk list does not match its checksum/);
  });

  it('refuses a header claiming more chunks than it could hold, before reading them', async () => {
    const huge = Buffer.from(signature);
    huge.writeBigUInt64LE(2n ** 40n, 24);
    huge.writeBigUInt64LE(2n ** 30n, 32);
    await expectSignatureRefused(resealSignature(huge), 'corrupt-signature', /claims 1073741824 chunks, more than 16777216/);
    const beyond = Buffer.from(signature);
    beyond.writeBigUInt64LE(2n ** 60n, 24);
    await expectSignatureRefused(resealSignature(beyond), 'corrupt-signature', /beyond 2\^53/);
    const tooFew = Buffer.from(signature);
    tooFew.writeBigUInt64LE(1n, 32);
    await expectSignatureRefused(resealSignature(tooFew), 'corrupt-signature', /1 chunks cannot make 1048576 bytes/);
  });

  it('refuses chunk lengths that do not add up to the file, even with valid checksums', async () => {
    const forged = Buffer.from(signature);
    forged.writeUInt32LE(forged.readUInt32LE(96) + 1, 96);
    await expectSignatureRefused(resealSignature(forged), 'corrupt-signature', /add up to 1048577 bytes; its header says 1048576/);
  });
});

describe('damaged deltas and wrong old files', () => {
  it('applies the undamaged delta (the cases below start from it)', async () => {
    const applied = await applyDelta(at('old'), at('good.delta'), at('good-out'));
    expect(applied.literalBytes).toBeGreaterThan(0);
    expect(applied.copiedBytes).toBeGreaterThan(0);
    expect(Buffer.compare(await readFile(at('good-out')), newBytes)).toBe(0);
    await rm(at('good-out'));
  });

  it('refuses a truncated delta, another format, a later version and a damaged header', async () => {
    await expectDeltaRefused(delta.subarray(0, delta.length - 10), 'corrupt-delta', /bytes long; its header says/);
    await expectDeltaRefused(delta.subarray(0, 100), 'corrupt-delta', /shorter than a delta header/);
    await expectDeltaRefused(Buffer.concat([Buffer.from('CSIG'), delta.subarray(4)]), 'corrupt-delta', /does not start with "CDLT"/);
    const later = Buffer.from(delta);
    later.writeUInt16LE(9, 4);
    await expectDeltaRefused(later, 'unsupported', /format 9/);
    const header = Buffer.from(delta);
    header[100] = header[100]! ^ 0x01;
    await expectDeltaRefused(header, 'corrupt-delta', /header checksum/);
  });

  it('refuses a delta whose literal bytes were damaged, before writing anything', async () => {
    const damaged = Buffer.from(delta);
    const literal = firstOperation(damaged, 'L');
    damaged[literal + 5 + 100] = damaged[literal + 5 + 100]! ^ 0xff;
    await expectDeltaRefused(damaged, 'corrupt-delta', /operations do not match their checksum/);
  });

  it('refuses forged operations: a huge length, a copy past the old file, an unknown operation', async () => {
    const long = Buffer.from(delta);
    long.writeUInt32LE(0x7fffffff, firstOperation(long, 'L') + 1);
    await expectDeltaRefused(resealDelta(long), 'corrupt-delta', /is 2147483647 bytes long/);
    const past = Buffer.from(delta);
    past.writeBigUInt64LE(2n ** 40n, firstOperation(past, 'C') + 1);
    await expectDeltaRefused(resealDelta(past), 'corrupt-delta', /reaches past the old size/);
    const unknown = Buffer.from(delta);
    unknown[firstOperation(unknown, 'C')] = 0x58;
    await expectDeltaRefused(resealDelta(unknown), 'corrupt-delta', /holds 0x58, not an operation/);
    const count = Buffer.from(delta);
    count.writeBigUInt64LE(2n ** 40n, 40);
    await expectDeltaRefused(resealDelta(count), 'corrupt-delta', /1099511627776 operations do not fit its other figures/);
    const sizes = Buffer.from(delta);
    sizes.writeBigUInt64LE(2n ** 62n, 24);
    await expectDeltaRefused(resealDelta(sizes), 'corrupt-delta', /beyond 2\^53/);
  });

  it('refuses an old file that is not the version the delta was made from', async () => {
    const changed = Buffer.from(oldBytes);
    changed[700_000] = changed[700_000]! ^ 0x01;
    await writeFile(at('other-old'), changed);
    await expectDeltaRefused(delta, 'old-file-mismatch', /is not the version the delta .* was made from .*bytes at offset \d+ differ/, at('other-old'));
    await writeFile(at('shorter-old'), oldBytes.subarray(1));
    await expectDeltaRefused(delta, 'old-file-mismatch', /is 1048575 bytes long; the delta .* was made from a version of 1048576 bytes/, at('shorter-old'));
  });

  it('refuses a result whose SHA-256 is not the one the delta promises', async () => {
    const forged = Buffer.from(delta);
    forged[96] = forged[96]! ^ 0x01;
    await expectDeltaRefused(resealDelta(forged), 'new-file-mismatch', /the delta promises 1008576 bytes with SHA-256/);
  });

  it('refuses a folder or a FIFO in place of a file, without blocking on the FIFO', async () => {
    await mkdir(at('folder'));
    execFileSync('mkfifo', [at('fifo')]);
    try {
      const asOld = await refusal(() => applyDelta(at('folder'), at('good.delta'), at('out')));
      expect([asOld.reason, asOld.message]).toEqual(['old-file-mismatch', `The old version ${at('folder')} is not a regular file.`]);
      const asDelta = await refusal(() => applyDelta(at('old'), at('fifo'), at('out')));
      expect([asDelta.reason, asDelta.message]).toEqual(['corrupt-delta', `The delta ${at('fifo')} is not a regular file.`]);
      const asSignature = await refusal(() => readSignature(at('folder')));
      expect(asSignature.reason).toBe('corrupt-signature');
    } finally {
      await rm(at('folder'), { recursive: true });
      await rm(at('fifo'));
    }
  });
});
