import { chunkHashBytes } from './chunker';
import { chunkingLimits } from './chunking-parameters';
import { readU64, sameBytes, sha256, view, writeU64 } from './binary-fields';
import { DeltaError } from './delta-error';

/**
 * A delta turns one version of a file (the old one, already on the distribution point) into the
 * next. Format 1, little-endian: a fixed header, then the operations, in the order of the new file.
 *
 *   0   "CDLT"          4   u16 version = 1      6   u16 header length = 160
 *   8   u32 longest operation (the signature's max chunk)               12  u32 zero
 *   16  u64 old size    24  u64 new size         32  u64 operations' length in bytes
 *   40  u64 operation count                      48  u64 literal bytes   56  u64 copied bytes
 *   64  32 bytes old file SHA-256                96  32 bytes new file SHA-256
 *   128 16 bytes SHA-256 of the operations, truncated                    144 u64 zero
 *   152 8 bytes SHA-256 of bytes 0..151, truncated
 *
 * Operations: "C" u64 old offset, u32 length, 16 bytes chunk SHA-256 (truncated): copy that old
 * chunk, checking it still has that hash; "L" u32 length, then that many new bytes.
 */
export interface DeltaHeader {
  readonly longestOperation: number;
  readonly oldSize: number;
  readonly newSize: number;
  readonly operationsLength: number;
  readonly operationCount: number;
  readonly literalBytes: number;
  readonly copiedBytes: number;
  readonly oldSha256: Buffer;
  readonly newSha256: Buffer;
  readonly operationsSha256: Buffer;
}

export const deltaMagic = 'CDLT';
export const deltaVersion = 1;
export const deltaHeaderBytes = 160;
export const copyOperation = 0x43; // "C"
export const literalOperation = 0x4c; // "L"
export const copyOperationBytes = 1 + 8 + 4 + chunkHashBytes;
export const literalOperationHeadBytes = 1 + 4;

function corrupt(where: string, what: string): DeltaError {
  return new DeltaError('corrupt-delta', `The delta ${where} is not usable: ${what}.`);
}

export function encodeDeltaHeader(h: DeltaHeader): Uint8Array {
  const bytes = new Uint8Array(deltaHeaderBytes);
  const v = view(bytes);
  bytes.set(Buffer.from(deltaMagic, 'latin1'), 0);
  v.setUint16(4, deltaVersion, true);
  v.setUint16(6, deltaHeaderBytes, true);
  v.setUint32(8, h.longestOperation, true);
  writeU64(v, 16, h.oldSize);
  writeU64(v, 24, h.newSize);
  writeU64(v, 32, h.operationsLength);
  writeU64(v, 40, h.operationCount);
  writeU64(v, 48, h.literalBytes);
  writeU64(v, 56, h.copiedBytes);
  bytes.set(h.oldSha256.subarray(0, 32), 64);
  bytes.set(h.newSha256.subarray(0, 32), 96);
  bytes.set(h.operationsSha256.subarray(0, 16), 128);
  bytes.set(sha256(bytes.subarray(0, 152)).subarray(0, 8), 152);
  return bytes;
}

/** Checks the header alone and that its figures agree with one another; `fileLength` is the delta's size on disk. */
export function decodeDeltaHeader(bytes: Uint8Array, fileLength: number, where: string): DeltaHeader {
  if (bytes.length < deltaHeaderBytes) throw corrupt(where, `it is ${bytes.length} bytes long, shorter than a delta header (${deltaHeaderBytes})`);
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== deltaMagic) throw corrupt(where, 'it does not start with "CDLT"');
  const v = view(bytes);
  const version = v.getUint16(4, true);
  if (version !== deltaVersion) throw new DeltaError('unsupported', `The delta ${where} is format ${version}; this Courier reads format ${deltaVersion}.`);
  if (!sameBytes(sha256(bytes.subarray(0, 152)).subarray(0, 8), bytes.subarray(152, 160))) throw corrupt(where, 'its header checksum does not match');
  if (v.getUint16(6, true) !== deltaHeaderBytes || v.getUint32(12, true) !== 0 || v.getBigUint64(144, true) !== 0n) throw corrupt(where, 'its header has fields format 1 does not have');
  const longestOperation = v.getUint32(8, true);
  if (longestOperation < 1 || longestOperation > chunkingLimits.maxMax) throw corrupt(where, `it claims operations of up to ${longestOperation} bytes`);
  const figures = [16, 24, 32, 40, 48, 56].map((at) => readU64(v, at));
  if (figures.some((n) => n === null)) throw corrupt(where, 'a length in its header is beyond 2^53');
  const [oldSize, newSize, operationsLength, operationCount, literalBytes, copiedBytes] = figures as number[] as [number, number, number, number, number, number];
  if (fileLength !== deltaHeaderBytes + operationsLength) throw corrupt(where, `it is ${fileLength} bytes long; its header says ${deltaHeaderBytes + operationsLength}`);
  if (literalBytes + copiedBytes !== newSize) throw corrupt(where, `its literal (${literalBytes}) and copied (${copiedBytes}) bytes do not add up to the new size (${newSize})`);
  // Each operation takes 5 (a literal's head) to 29 (a copy) bytes beside the literal bytes themselves.
  const overhead = operationsLength - literalBytes;
  if (operationCount < Math.ceil(newSize / longestOperation) || overhead < operationCount * literalOperationHeadBytes || overhead > operationCount * copyOperationBytes) {
    throw corrupt(where, `${operationCount} operations do not fit its other figures`);
  }
  return {
    longestOperation,
    oldSize,
    newSize,
    operationsLength,
    operationCount,
    literalBytes,
    copiedBytes,
    oldSha256: Buffer.from(bytes.subarray(64, 96)),
    newSha256: Buffer.from(bytes.subarray(96, 128)),
    operationsSha256: Buffer.from(bytes.subarray(128, 144)),
  };
}
