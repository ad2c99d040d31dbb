import { createHash } from 'node:crypto';

/** Little-endian fields of the signature and delta headers. Lengths are u64 on disk and refused above 2^53 - 1 when read. */
export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function writeU64(v: DataView, at: number, value: number): void {
  v.setBigUint64(at, BigInt(value), true);
}

/** null when the value does not fit a JavaScript number exactly. */
export function readU64(v: DataView, at: number): number | null {
  const value = v.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
