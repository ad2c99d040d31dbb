import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { sameBytes } from './binary-fields';
import { decodeDeltaHeader, deltaHeaderBytes, type DeltaHeader } from './delta-format';
import { DeltaError } from './delta-error';
import { readAt } from './file-reads';

/** What a patch reads of the delta at once. */
export const deltaReadBufferBytes = 1024 * 1024;

export function corrupt(where: string, what: string): DeltaError {
  return new DeltaError('corrupt-delta', `The delta ${where} is not usable: ${what}.`);
}

export async function readHeader(handle: FileHandle, size: number, deltaPath: string): Promise<DeltaHeader> {
  const head = new Uint8Array(Math.min(size, deltaHeaderBytes));
  await readAt(handle, head, 0, head.length, 0);
  return decodeDeltaHeader(head, size, deltaPath);
}

/** The operations' checksum, before anything is written: a damaged delta is refused without touching the output. */
export async function checkOperations(handle: FileHandle, header: DeltaHeader, deltaPath: string): Promise<void> {
  const hash = createHash('sha256');
  const buffer = new Uint8Array(deltaReadBufferBytes);
  for (let at = deltaHeaderBytes, end = deltaHeaderBytes + header.operationsLength; at < end; ) {
    const got = await readAt(handle, buffer, 0, Math.min(buffer.length, end - at), at);
    if (got === 0) throw corrupt(deltaPath, 'it ends before its operations do');
    hash.update(buffer.subarray(0, got));
    at += got;
  }
  if (!sameBytes(hash.digest().subarray(0, 16), header.operationsSha256)) throw corrupt(deltaPath, 'its operations do not match their checksum');
}
