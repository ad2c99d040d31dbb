import type { CacheEntry, ContentCache } from '../cache/content-cache';
import type { LogWriter } from '../logs/log-writer';
import { downloadContent, type DownloadProgress, type DownloadResult, type DownloadRetry } from './download-content';
import { DownloadError } from './download-error';
import { fetchManifest } from './fetch-manifest';

export interface CacheDownloadRequest {
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly advertisementId: string;
  /** The package's "persist content in the client cache" flag. */
  readonly persist?: boolean;
  /** The distribution points' content URLs, best first, as content location answered them. */
  readonly urls: readonly string[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** At most this often (the downloader's 250 ms by default); 0 for every chunk, for a caller that throttles with a trailing write of its own. */
  readonly progressEveryMs?: number;
  /** The distribution point the bytes come from: the one that gave the manifest, then each the download moves on to. */
  readonly onSource?: (url: string, totalBytes: number) => void;
  /** A distribution point sent a file with other bytes than the manifest's (the download goes on from the next one). */
  readonly onBadContent?: (retry: DownloadRetry) => void;
  readonly concurrency?: number;
  readonly idleTimeoutMs?: number;
}

export type CacheDownloadResult =
  | { readonly outcome: 'cached'; readonly entry: CacheEntry }
  | { readonly outcome: 'downloaded'; readonly entry: CacheEntry; readonly download: DownloadResult }
  /** Fits the cache, not now: try again when content unlocks (the agent's next evaluation). */
  | { readonly outcome: 'deferred'; readonly neededBytes: number; readonly freeBytes: number; readonly reclaimableBytes: number }
  /** Larger than the whole cache: status message 10050, the program will not run from the cache. */
  | { readonly outcome: 'too-large'; readonly messageId: 10050; readonly sizeBytes: number; readonly cacheBytes: number };

/**
 * Gets a package's content into the cache for an advertisement: the manifest says how large it
 * is, the cache makes room (or says it cannot yet, or ever), the download fills the entry and
 * the cache counts it complete. A download that fails keeps its reservation and partial files,
 * so the next call resumes; `cache.abandon` drops them. What happens is written to cas.log.
 */
export async function downloadToCache(cache: ContentCache, request: CacheDownloadRequest, logs?: LogWriter): Promise<CacheDownloadResult> {
  const key = `${request.packageId}.${request.sourceVersion}`;
  const existing = cache.find(request.packageId, request.sourceVersion);
  if (existing?.state === 'complete') {
    const held = await cache.reserve({ ...request, sizeBytes: existing.sizeBytes });
    if (held.outcome === 'cached') {
      logs?.info('cas', `Content ${key} is in the cache at ${held.entry.path} for advertisement ${request.advertisementId}.`);
      return held;
    }
  }
  const { manifest, source } = await fetchManifest(request.urls, { signal: request.signal, idleTimeoutMs: request.idleTimeoutMs });
  const room = await cache.reserve({ ...request, sizeBytes: manifest.totalBytes });
  switch (room.outcome) {
    case 'cached':
      return room;
    case 'too-large':
      logs?.error('cas', `Content ${key} is ${room.sizeBytes} bytes, larger than the whole cache (${room.cacheBytes} bytes); it cannot be downloaded (10050).`);
      return room;
    case 'deferred':
      logs?.warning('cas', `Content ${key} needs ${room.neededBytes} bytes; ${room.freeBytes} are free and ${room.reclaimableBytes} could be freed, the rest is locked. The download waits for room.`);
      return room;
    case 'reserved':
      break;
  }
  for (const gone of room.evicted) logs?.info('cas', `Content ${gone.key} was deleted from the cache to make room for ${key}.`);
  request.onSource?.(request.urls[source] ?? '', manifest.totalBytes);
  logs?.info('cas', `Downloading ${key} (${manifest.fileCount} files, ${manifest.totalBytes} bytes) from ${request.urls[source]} into ${room.entry.partialPath}.`);
  let download: DownloadResult;
  try {
    download = await downloadContent({
      urls: request.urls,
      manifest,
      destination: room.entry.path,
      statePath: room.entry.partialStatePath,
      firstSource: source,
      signal: request.signal,
      onProgress: request.onProgress,
      progressEveryMs: request.progressEveryMs,
      concurrency: request.concurrency,
      idleTimeoutMs: request.idleTimeoutMs,
      onRetry: (retry) => {
        if (retry.next !== null) request.onSource?.(retry.next, manifest.totalBytes);
        logs?.warning('cas', `${key}: ${retry.file} from ${retry.url} failed: ${retry.reason}.${retry.next === null ? '' : ` Trying ${retry.next}.`}`);
        if (retry.badContent) request.onBadContent?.(retry);
      },
    });
  } catch (error) {
    const kind = error instanceof DownloadError ? error.kind : 'unknown';
    logs?.error('cas', `Download of ${key} stopped (${kind}): ${error instanceof Error ? error.message : String(error)} What is on disk is kept to resume from.`);
    throw error;
  }
  const entry = await cache.complete(request.packageId, request.sourceVersion);
  logs?.info('cas', `Content ${key} is complete in the cache at ${entry.path} (${download.downloadedBytes} bytes downloaded, ${download.resumedBytes} resumed).`);
  return { outcome: 'downloaded', entry, download };
}
