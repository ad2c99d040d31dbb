/**
 * Why the content engine refused or stopped. The Distribution Manager turns these into status
 * messages (a failed copy to a distribution point, a source that changed), so each kind is one
 * thing an administrator can act on, and the message names the file.
 */
export type ContentErrorKind =
  | 'UNSUPPORTED_ENTRY' // a FIFO, device, socket or symbolic link leaving the tree
  | 'INVALID_NAME' // a name a Windows client's file system cannot hold
  | 'SOURCE_CHANGED' // size or modification time moved while the file was read
  | 'SOURCE_VANISHED' // a file or the folder went away while being read
  | 'HASH_MISMATCH' // bytes written or read do not match the manifest
  | 'NO_ROOM' // no volume can hold the package after its reserve
  | 'BAD_MANIFEST' // a manifest file that is not ours or not whole
  | 'BAD_PACKAGE' // a compressed package file that is not ours or not whole
  | 'ABORTED';

export class ContentError extends Error {
  readonly kind: ContentErrorKind;
  /** The file the error is about, relative to the package root (forward slashes), when there is one. */
  readonly file: string | undefined;

  constructor(kind: ContentErrorKind, message: string, file?: string) {
    super(message);
    this.name = 'ContentError';
    this.kind = kind;
    this.file = file;
  }
}

export function abortedError(): ContentError {
  return new ContentError('ABORTED', 'The copy was stopped before it finished; nothing of it was put in place.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortedError();
}
