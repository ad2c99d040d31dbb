import { existsSync } from 'node:fs';
import { ContentCache } from '../cache/content-cache';
import { downloadToCache } from '../download/download-to-cache';
import { DownloadError } from '../download/download-error';
import type { DownloadProgress } from '../download/download-content';
import { ProgramRunError, runProgram } from '../execution/run-program';
import type { LogWriter } from '../logs/log-writer';
import type { DownloadMonitor } from './download-monitor';
import type { ContentRequest, ContentStep, ExecutionSteps, ProgramStep } from './execution-steps';
import { runAsOf } from '../execution/run-as';

export interface CacheStepsOptions {
  /** The cache folder (client.json's, else `cache` in the client's folder). */
  readonly cacheFolder: string;
  /** The size of a cache made now; a cache keeps the size it was set to. */
  readonly cacheSizeMb: number;
  readonly logs: LogWriter;
  /** Publishes the downloads for `courier-client download-monitor`, and takes its cancel and run-when-finished requests. */
  readonly monitor?: DownloadMonitor;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const subjectOf = (request: Omit<ContentRequest, 'download' | 'urls'>) => ({
  advertisementId: request.advertisementId,
  packageId: request.packageId,
  sourceVersion: request.sourceVersion,
  programName: request.programName ?? request.packageId,
  mandatory: request.optional !== true,
});

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
      const inCache = c.find(request.packageId, request.sourceVersion)?.state === 'complete';
      if (!request.download && !inCache) return { status: 'needsDownload' };
      // Content already in the cache is no download to show.
      const handle = inCache ? undefined : options.monitor?.begin(subjectOf(request));
      try {
        let told = false;
        const onProgress = (progress: DownloadProgress) => {
          handle?.progress(progress.bytesDone, progress.totalBytes);
          if (told) return;
          told = true;
          request.onDownload?.();
        };
        const onBadContent = request.onBadContent === undefined ? undefined : (retry: { url: string; file: string; reason: string }) => request.onBadContent?.({ url: retry.url, file: retry.file, reason: retry.reason });
        const result = await downloadToCache(
          c,
          {
            packageId: request.packageId,
            sourceVersion: request.sourceVersion,
            advertisementId: request.advertisementId,
            persist: request.persist,
            urls: request.urls,
            onProgress,
            onBadContent,
            // Every chunk: the downloader's own throttle drops the last report before a stall, which the monitor would then never show.
            ...(handle !== undefined ? { signal: handle.signal, onSource: (url: string, total: number) => handle.source(url, total), progressEveryMs: 0 } : {}),
          },
          options.logs,
        );
        switch (result.outcome) {
          case 'cached':
            handle?.done();
            return { status: 'ready', path: result.entry.path, downloaded: false };
          case 'downloaded': {
            if (handle?.cancelled === true) options.logs.info('cas', `${request.packageId}.${request.sourceVersion} for ${request.advertisementId}: the download had finished before the cancel could stop it; the content is in the cache.`);
            const run = handle?.runWhenFinished() ?? true;
            handle?.done();
            return { status: 'ready', path: result.entry.path, downloaded: true, ...(run ? {} : { runWhenFinished: false }) };
          }
          case 'deferred': {
            const reason = `The cache has no room for it yet: ${result.neededBytes} bytes needed, ${result.freeBytes} free, ${result.reclaimableBytes} could be freed; the rest is locked.`;
            handle?.pending('space', reason);
            return { status: 'deferred', reason };
          }
          case 'too-large':
            handle?.done();
            return { status: 'tooLarge', sizeBytes: result.sizeBytes, cacheBytes: result.cacheBytes };
        }
      } catch (error) {
        if (handle?.cancelled === true) {
          // Not a failure of the DP: no 10062, and the bytes stay for a later resume.
          const reason = `The download was cancelled from the Program Download Monitor; the bytes on disk are kept to resume from.`;
          options.logs.info('cas', `${request.packageId}.${request.sourceVersion} for ${request.advertisementId}: ${reason}`);
          handle.markCancelled(reason);
          return { status: 'deferred', reason, cancelled: true };
        }
        // What was downloaded is kept; the next cycle resumes it.
        const reason = `The download stopped${error instanceof DownloadError ? ` (${error.kind})` : ''}: ${describe(error)}`;
        handle?.pending('distributionPoint', reason);
        return { status: 'deferred', reason, downloadFailed: true };
      }
    },
    waiting(request, reason, waitingFor = 'distributionPoint') {
      options.monitor?.pending(subjectOf(request), waitingFor, reason);
    },
    async has(request) {
      // No cache made yet: nothing is in it, and none is made just to say so.
      if (opened === null && !existsSync(options.cacheFolder)) return false;
      try {
        return (await cache()).find(request.packageId, request.sourceVersion)?.state === 'complete';
      } catch {
        return false;
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

  let runAsWarned = false;
  const program: ProgramStep = {
    async run(request) {
      const runAs = runAsOf(request.runMode, request.sessionUser ?? null);
      if (runAs.kind === 'refused') return { status: 'notStarted', reason: runAs.reason };
      if (runAs.kind === 'agent' && runAs.warning !== null && !runAsWarned) {
        runAsWarned = true;
        options.logs.warning('execmgr', runAs.warning);
      }
      try {
        const run = await runProgram({
          ...(runAs.kind === 'user' ? { runAs: runAs.account } : {}),
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
