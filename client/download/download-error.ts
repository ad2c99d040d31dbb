/** Why a download stopped; each kind is one thing the agent reports or acts on (cas.log, a retry later). */
export type DownloadErrorKind =
  | 'BAD_URL' // a content URL that is not http(s)
  | 'BAD_OPTION' // a concurrency, number of rounds or timeout out of range
  | 'BAD_MANIFEST' // no distribution point gave a manifest Courier can read
  | 'NO_SOURCE' // a file could not be had whole from any distribution point
  | 'WRITE_FAILED' // the cache folder could not be written
  | 'NO_SPACE' // the disk holding the cache has less room than the content still needs
  | 'EXISTS' // the content's folder is already in place
  | 'ABORTED';

export class DownloadError extends Error {
  readonly kind: DownloadErrorKind;
  /** The file it is about, relative to the package root, when there is one. */
  readonly file: string | undefined;

  constructor(kind: DownloadErrorKind, message: string, file?: string) {
    super(message);
    this.name = 'DownloadError';
    this.kind = kind;
    this.file = file;
  }
}

/** One try of one source failed; `discard` when what it wrote cannot be trusted as a prefix to resume from. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly discard: boolean,
  ) {
    super(message);
    this.name = 'AttemptError';
  }
}
