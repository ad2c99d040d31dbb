import { existsSync } from 'node:fs';
import { ContentCache } from '../cache/content-cache';
import { downloadToCache } from '../download/download-to-cache';
import { DownloadError } from '../download/download-error';
import { ProgramRunError, runProgram } from '../execution/run-program';
import type { LogWriter } from '../logs/log-writer';
import type { ContentStep, ExecutionSteps, ProgramStep } from './execution-steps';

export interface CacheStepsOptions {
  /** The cache folder (client.json's, else `cache` in the client's folder). */
  readonly cacheFolder: string;
  /** The size of a cache made now; a cache keeps the size it was set to. */
  readonly cacheSizeMb: number;
  readonly logs: LogWriter;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The agent's steps as the client's modules do them: the download cache (`client/cache`) and
 * the resumable downloader (`client/download`) for the content, the program runner
 * (`client/execution/run-program.ts`) for the run. The cache is opened at the first use and kept:
 * one process owns a cache at a time.
 */
export function cacheSteps(options: CacheStepsOptions): ExecutionSteps {
  let opened: Promise<ContentCache> | null = null;
  const cache = () => {
    opened ??= ContentCache.open(options.cacheFolder, { sizeMb: options.cacheSizeMb }).then(({ cache: c, rebuilt }) => {
      if (rebuilt !== null) options.logs.warning('cas', rebuilt);
      return c;
    });
    // A cache that could not be opened is tried again at the next use.
    opened.catch(() => (opened = null));
    return opened;
  };

  const content: ContentStep = {
    async fetch(request) {
      let c: ContentCache;
      try {
        c = await cache();
      } catch (error) {
        return { status: 'deferred', reason: `The cache cannot be opened: ${describe(error)}` };
      }
      if (!request.download && c.find(request.packageId, request.sourceVersion)?.state !== 'complete') return { status: 'needsDownload' };
      try {
        let told = false;
        const onProgress = () => {
          if (told) return;
          told = true;
          request.onDownload?.();
        };
        const onBadContent = request.onBadContent === undefined ? undefined : (retry: { url: string; file: string; reason: string }) => request.onBadContent?.({ url: retry.url, file: retry.file, reason: retry.reason });
        const result = await downloadToCache(c, { packageId: request.packageId, sourceVersion: request.sourceVersion, advertisementId: request.advertisementId, persist: request.persist, urls: request.urls, onProgress, onBadContent }, options.logs);
        switch (result.outcome) {
          case 'cached':
            return { status: 'ready', path: result.entry.path, downloaded: false };
          case 'downloaded':
            return { status: 'ready', path: result.entry.path, downloaded: true };
          case 'deferred':
            return { status: 'deferred', reason: `The cache has no room for it yet: ${result.neededBytes} bytes needed, ${result.freeBytes} free, ${result.reclaimableBytes} could be freed; the rest is locked.` };
          case 'too-large':
            return { status: 'tooLarge', sizeBytes: result.sizeBytes, cacheBytes: result.cacheBytes };
        }
      } catch (error) {
        // What was downloaded is kept; the next cycle resumes it.
        return { status: 'deferred', reason: `The download stopped${error instanceof DownloadError ? ` (${error.kind})` : ''}: ${describe(error)}`, downloadFailed: true };
      }
    },
    async releaseAllExcept(advertisementIds) {
      // No cache made yet: nothing is held, and none is made just to say so.
      if (opened === null && !existsSync(options.cacheFolder)) return;
      try {
        const changed = await (await cache()).releaseAllExcept(advertisementIds);
        for (const entry of changed) options.logs.info('cas', `Content ${entry.key} is held now ${entry.pending.length === 0 ? 'for no advertisement' : `only for ${entry.pending.join(', ')}`}: the others left policy or expired${entry.locked ? '' : '; it may be deleted to make room'}.`);
      } catch (error) {
        options.logs.warning('cas', `The cache's advertisements could not be brought up to date: ${describe(error)}`);
      }
    },
    async recordRun(request) {
      try {
        await (await cache()).recordRun(request.packageId, request.sourceVersion, request.advertisementId);
      } catch (error) {
        options.logs.warning('cas', `The run of ${request.packageId}.${request.sourceVersion} could not be noted in the cache: ${describe(error)}`);
      }
    },
  };

  const program: ProgramStep = {
    async run(request) {
      try {
        const run = await runProgram({
          commandLine: request.commandLine,
          startIn: request.startIn,
          runFrom: request.runFrom ?? 'cache',
          runMode: request.runMode,
          maxRunTimeMs: request.maxRunTimeMs,
          pkg: request.pkg,
          ...(request.mifFileName !== undefined ? { mifFileName: request.mifFileName } : {}),
          ...(request.mifFolders !== undefined ? { mifFolders: request.mifFolders } : {}),
          logs: options.logs,
        });
        switch (run.state) {
          case 'ended':
            return { status: 'ended', exitCode: run.exitCode, outcome: run.outcome, mifDescription: run.mif === null ? null : run.mif.mif.description };
          case 'not-started':
            return { status: 'notStarted', reason: run.reason };
          case 'not-monitored':
            return { status: 'notMonitored', reason: `Still running after its maximum run time of ${Math.round(run.maxRunTimeMs / 60_000)} minutes (process ${run.pid}); no longer monitored.` };
        }
      } catch (error) {
        if (error instanceof ProgramRunError) return { status: 'notStarted', reason: error.message };
        throw error;
      }
    },
  };
  return { content, program };
}
