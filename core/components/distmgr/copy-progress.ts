import type { DistributionProgressEvent } from '../../api';

/**
 * Turns the content engine's progress (files and bytes of the manifest done) into
 * distribution:progress events for one DP: a rate over the last few seconds, an ETA, and no
 * more than one event every `everyMs` except the last.
 */
export class CopyProgress {
  private readonly samples: { at: number; bytes: number }[] = [];
  private lastSent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly packageId: string,
    private readonly dpName: string,
    private readonly everyMs = 250,
    private readonly windowMs = 5_000,
  ) {}

  /** The event to send now, or null when one went out too recently. */
  next(done: { files: number; bytes: number; totalFiles: number; totalBytes: number }, at: number, finished = false): DistributionProgressEvent | null {
    this.samples.push({ at, bytes: done.bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
    if (!finished && at - this.lastSent < this.everyMs) return null;
    this.lastSent = at;
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    const rate = seconds > 0 ? Math.max(0, (done.bytes - first.bytes) / seconds) : 0;
    const left = done.totalBytes - done.bytes;
    return {
      packageId: this.packageId,
      dpName: this.dpName,
      filesDone: done.files,
      filesTotal: done.totalFiles,
      bytesDone: done.bytes,
      bytesTotal: done.totalBytes,
      bytesPerSecond: Math.round(rate),
      etaSeconds: finished ? 0 : rate > 0 ? Math.ceil(left / rate) : null,
      finished,
    };
  }
}
