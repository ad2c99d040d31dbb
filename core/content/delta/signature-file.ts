import { writeAtomically } from './atomic-file';
import { defaultChunking, requireChunking, type ChunkingParameters } from './chunking-parameters';
import { chunkHash, scanChunks } from './chunker';
import { DeltaError } from './delta-error';
import { openRegularFile, readAt } from './file-reads';
import { decodeSignature, decodeSignatureHeader, encodeSignature, SignatureBuilder, signatureEntryBytes, signatureHeaderBytes, type FileSignature } from './signature-format';

/** Cuts `filePath` into chunks and hashes them, in one read that also hashes the whole file. */
export async function signFile(filePath: string, chunking: ChunkingParameters = defaultChunking): Promise<FileSignature> {
  requireChunking(chunking);
  const { handle } = await openRegularFile(filePath, 'The file to sign', 'unsupported');
  try {
    const builder = new SignatureBuilder(chunking);
    const scanned = await scanChunks(handle, chunking, (chunk) => builder.add(chunk.length, chunkHash(chunk)));
    return builder.finish(scanned.size, scanned.sha256);
  } finally {
    await handle.close();
  }
}

/** Writes a signature atomically (a temporary beside it, flushed, then renamed). */
export async function writeSignatureFile(signaturePath: string, signature: FileSignature): Promise<void> {
  const bytes = encodeSignature(signature);
  await writeAtomically(signaturePath, (handle) => handle.writeFile(bytes), true);
}

/** Signs `filePath` and writes the signature to `signaturePath`; answers the signature (its size and SHA-256 are the file's). */
export async function writeSignature(filePath: string, signaturePath: string, chunking: ChunkingParameters = defaultChunking): Promise<FileSignature> {
  const signature = await signFile(filePath, chunking);
  await writeSignatureFile(signaturePath, signature);
  return signature;
}

/** Reads and checks a signature file; its size on disk is compared with what the header claims before the rest is read. */
export async function readSignature(signaturePath: string): Promise<FileSignature> {
  const { handle, size } = await openRegularFile(signaturePath, 'The signature', 'corrupt-signature');
  try {
    const head = new Uint8Array(Math.min(size, signatureHeaderBytes));
    await readAt(handle, head, 0, head.length, 0);
    const header = decodeSignatureHeader(head, signaturePath);
    const expected = signatureHeaderBytes + header.count * signatureEntryBytes;
    if (size !== expected) {
      throw new DeltaError('corrupt-signature', `The signature ${signaturePath} is not usable: it is ${size} bytes long; its header says ${expected}. Make it again from the file it describes.`);
    }
    const bytes = new Uint8Array(size);
    const got = await readAt(handle, bytes, 0, size, 0);
    return decodeSignature(bytes.subarray(0, got), signaturePath);
  } finally {
    await handle.close();
  }
}
