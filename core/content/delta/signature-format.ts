import { chunkingProblem, type ChunkingParameters } from './chunking-parameters';
import { chunkHashBytes } from './chunker';
import { readU64, sameBytes, sha256, view, writeU64 } from './binary-fields';
import { DeltaError } from './delta-error';

/**
 * A file version's signature: the chunk sizes it was cut with, the file's size and SHA-256, and
 * each chunk's length and truncated SHA-256, in file order. Format 1, little-endian (the
 * binary differential replication doc has the table):
 *
 *   0  "CSIG"            4  u16 version = 1     6  u16 header length = 96
 *   8  u32 min chunk     12 u32 avg chunk       16 u32 max chunk     20 u32 zero
 *   24 u64 file size     32 u64 chunk count     40 32 bytes file SHA-256
 *   72 16 bytes SHA-256 of the entries, truncated                     88 8 bytes SHA-256 of bytes 0..87, truncated
 *   96 entries: u32 chunk length + 16 bytes chunk SHA-256 (truncated), one per chunk
 */
export interface FileSignature {
  readonly chunking: ChunkingParameters;
  readonly size: number;
  readonly sha256: Buffer;
  readonly lengths: Uint32Array;
  /** chunkHashBytes per chunk, in chunk order. */
  readonly hashes: Uint8Array;
}

export const signatureMagic = 'CSIG';
export const signatureVersion = 1;
export const signatureHeaderBytes = 96;
export const signatureEntryBytes = 4 + chunkHashBytes;
/** 2^24 chunks: a file of about a terabyte at the default sizes; a header claiming more is refused before anything is allocated. */
export const maxSignatureChunks = 2 ** 24;

function corrupt(where: string, what: string): DeltaError {
  return new DeltaError('corrupt-signature', `The signature ${where} is not usable: ${what}. Make it again from the file it describes.`);
}

export function encodeSignature(s: FileSignature): Uint8Array {
  const count = s.lengths.length;
  const bytes = new Uint8Array(signatureHeaderBytes + count * signatureEntryBytes);
  const v = view(bytes);
  bytes.set(Buffer.from(signatureMagic, 'latin1'), 0);
  v.setUint16(4, signatureVersion, true);
  v.setUint16(6, signatureHeaderBytes, true);
  v.setUint32(8, s.chunking.min, true);
  v.setUint32(12, s.chunking.avg, true);
  v.setUint32(16, s.chunking.max, true);
  writeU64(v, 24, s.size);
  writeU64(v, 32, count);
  bytes.set(s.sha256.subarray(0, 32), 40);
  for (let i = 0; i < count; i++) {
    const at = signatureHeaderBytes + i * signatureEntryBytes;
    v.setUint32(at, s.lengths[i]!, true);
    bytes.set(s.hashes.subarray(i * chunkHashBytes, (i + 1) * chunkHashBytes), at + 4);
  }
  bytes.set(sha256(bytes.subarray(signatureHeaderBytes)).subarray(0, 16), 72);
  bytes.set(sha256(bytes.subarray(0, 88)).subarray(0, 8), 88);
  return bytes;
}

export interface SignatureHeader {
  readonly chunking: ChunkingParameters;
  readonly size: number;
  readonly sha256: Buffer;
  readonly count: number;
  readonly entriesSha256: Buffer;
}

/** Checks the fixed header; `where` names the file in messages. Nothing here allocates by what the header claims. */
export function decodeSignatureHeader(header: Uint8Array, where: string): SignatureHeader {
  if (header.length < signatureHeaderBytes) throw corrupt(where, `it is ${header.length} bytes long, shorter than a signature header (${signatureHeaderBytes})`);
  if (Buffer.from(header.subarray(0, 4)).toString('latin1') !== signatureMagic) throw corrupt(where, 'it does not start with "CSIG"');
  const v = view(header);
  const version = v.getUint16(4, true);
  if (version !== signatureVersion) throw new DeltaError('unsupported', `The signature ${where} is format ${version}; this Courier reads format ${signatureVersion}.`);
  if (!sameBytes(sha256(header.subarray(0, 88)).subarray(0, 8), header.subarray(88, 96))) throw corrupt(where, 'its header checksum does not match');
  if (v.getUint16(6, true) !== signatureHeaderBytes || v.getUint32(20, true) !== 0) throw corrupt(where, 'its header has fields format 1 does not have');
  const chunking = { min: v.getUint32(8, true), avg: v.getUint32(12, true), max: v.getUint32(16, true) };
  const problem = chunkingProblem(chunking);
  if (problem !== null) throw corrupt(where, problem);
  const size = readU64(v, 24);
  const count = readU64(v, 32);
  if (size === null || count === null) throw corrupt(where, 'a length in its header is beyond 2^53');
  if (count > maxSignatureChunks) throw corrupt(where, `it claims ${count} chunks, more than ${maxSignatureChunks}`);
  const fewest = Math.ceil(size / chunking.max);
  const most = size === 0 ? 0 : Math.floor(size / chunking.min) + 1;
  if (count < fewest || count > most) throw corrupt(where, `${count} chunks cannot make ${size} bytes with chunks of ${chunking.min} to ${chunking.max} bytes`);
  return { chunking, size, sha256: Buffer.from(header.subarray(40, 72)), count, entriesSha256: Buffer.from(header.subarray(72, 88)) };
}

/** The whole signature from its bytes: header, length on disk, entries' checksum, then each length. */
export function decodeSignature(bytes: Uint8Array, where: string): FileSignature {
  const header = decodeSignatureHeader(bytes, where);
  const expected = signatureHeaderBytes + header.count * signatureEntryBytes;
  if (bytes.length !== expected) throw corrupt(where, `it is ${bytes.length} bytes long; its header says ${expected}`);
  const entries = bytes.subarray(signatureHeaderBytes);
  if (!sameBytes(sha256(entries).subarray(0, 16), header.entriesSha256)) throw corrupt(where, 'its chunk list does not match its checksum');
  const v = view(bytes);
  const lengths = new Uint32Array(header.count);
  const hashes = new Uint8Array(header.count * chunkHashBytes);
  let total = 0;
  for (let i = 0; i < header.count; i++) {
    const at = signatureHeaderBytes + i * signatureEntryBytes;
    const length = v.getUint32(at, true);
    const isLast = i === header.count - 1;
    if (length > header.chunking.max || length === 0 || (!isLast && length < header.chunking.min)) throw corrupt(where, `chunk ${i + 1} is ${length} bytes long`);
    lengths[i] = length;
    hashes.set(bytes.subarray(at + 4, at + signatureEntryBytes), i * chunkHashBytes);
    total += length;
  }
  if (total !== header.size) throw corrupt(where, `its chunks add up to ${total} bytes; its header says ${header.size}`);
  return { chunking: header.chunking, size: header.size, sha256: header.sha256, lengths, hashes };
}

/** Collects a signature chunk by chunk while a file is read. */
export class SignatureBuilder {
  private lengths = new Uint32Array(1024);
  private hashes = new Uint8Array(1024 * chunkHashBytes);
  private count = 0;

  constructor(readonly chunking: ChunkingParameters) {}

  add(length: number, hash: Uint8Array): void {
    if (this.count === this.lengths.length) {
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
      const hashes = new Uint8Array(this.count * 2 * chunkHashBytes);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.lengths[this.count] = length;
    this.hashes.set(hash.subarray(0, chunkHashBytes), this.count * chunkHashBytes);
    this.count++;
  }

  finish(size: number, fileSha256: Buffer): FileSignature {
    return {
      chunking: this.chunking,
      size,
      sha256: fileSha256,
      lengths: this.lengths.slice(0, this.count),
      hashes: this.hashes.slice(0, this.count * chunkHashBytes),
    };
  }
}
