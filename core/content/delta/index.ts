// Binary differential replication: content-defined chunks, signatures, deltas and their
// retention. Plain functions on paths; the Distribution Manager decides when to use them.
export { defaultChunking, chunkingProblem, type ChunkingParameters } from './chunking-parameters';
export { chunkLengths, scanChunks, type ScannedFile } from './chunker';
export { DeltaError, type DeltaErrorReason } from './delta-error';
export { type FileSignature } from './signature-format';
export { readSignature, signFile, writeSignature, writeSignatureFile } from './signature-file';
export { writeDelta, type DeltaSummary } from './write-delta';
export { applyDelta, type AppliedDelta } from './apply-delta';
export { applyDeltaInPlace, maxWrittenShare, type InPlacePatch } from './apply-in-place';
export { keptPreviousVersions, signatureFileName, signaturesToDelete, updateMethod, type PackageVersionFiles } from './retention';
