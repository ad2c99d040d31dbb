/**
 * Why a signature, a delta or a patch was refused. The Distribution Manager turns `reason` into
 * its status message and falls back to a full copy; nothing half-written is left behind.
 */
export type DeltaErrorReason =
  /** The signature file is truncated, corrupted or not a signature. */
  | 'corrupt-signature'
  /** The delta file is truncated, corrupted or not a delta. */
  | 'corrupt-delta'
  /** The file the delta is applied to is not the version the delta was made from. */
  | 'old-file-mismatch'
  /** The file the patch produced does not have the size and SHA-256 the delta promises. */
  | 'new-file-mismatch'
  /** A format version or chunk size this library does not take, or a file to read that is not a regular file. */
  | 'unsupported';

export class DeltaError extends Error {
  readonly reason: DeltaErrorReason;

  constructor(reason: DeltaErrorReason, message: string) {
    super(message);
    this.name = 'DeltaError';
    this.reason = reason;
  }
}
