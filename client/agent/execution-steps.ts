import type { RunOutcome } from '../execution/exit-code';
import type { RunFrom } from '../execution/run-program';
import type { MifPackage } from '../mif/mif-match';

/**
 * The two steps of running an assigned program that the agent hands to other modules: getting
 * the package's content into the download cache, and running the program's command line
 * (cache-steps.ts does them with client/cache, client/download and client/execution). The cycle
 * speaks only to these interfaces; without them (`stepsNotAvailable`) it says so (`deferred`,
 * with why) rather than pretending a run happened.
 */

export interface ContentRequest {
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly advertisementId: string;
  /** The program the content is for, as the Program Download Monitor names it. */
  readonly programName?: string;
  /** A run the user asked for (Run Advertised Programs): "run when finished" may be turned off while it downloads. */
  readonly optional?: boolean;
  /** The package's "Persist content in the client cache". */
  readonly persist: boolean;
  /** The distribution points' content URLs, best first, as content location answered. */
  readonly urls: readonly string[];
  /** False: answer `needsDownload` rather than download (Run Advertised Programs asks first). */
  readonly download: boolean;
  /** Called once when bytes of a download start to arrive (status message 10061). */
  readonly onDownload?: () => void;
  /** A distribution point's copy of a file is not the manifest's (status message 10064); `url` is the content URL it came from. */
  readonly onBadContent?: (bad: { readonly url: string; readonly file: string; readonly reason: string }) => void;
}

export type ContentResult =
  /** `runWhenFinished` false: the user turned "run when finished" off while it downloaded. */
  | { readonly status: 'ready'; readonly path: string; readonly downloaded: boolean; readonly runWhenFinished?: boolean }
  | { readonly status: 'needsDownload' }
  /** Not now: no room yet, the download broke off (`downloadFailed`), or no cache. Tried again on the next cycle. */
  | { readonly status: 'deferred'; readonly reason: string; readonly downloadFailed?: boolean; readonly cancelled?: boolean }
  /** Larger than the whole cache: status message 10050, the program does not run from the cache. */
  | { readonly status: 'tooLarge'; readonly sizeBytes: number; readonly cacheBytes: number };

export interface ContentStep {
  fetch(request: ContentRequest): Promise<ContentResult>;
  /** The program ran from this content: the cache keeps it locked for a while after. */
  recordRun?(request: Pick<ContentRequest, 'packageId' | 'sourceVersion' | 'advertisementId'>): Promise<void>;
  /** The content cannot be downloaded now and is tried again later (content location offered no DP), for the Program Download Monitor. */
  waiting?(request: Omit<ContentRequest, 'download' | 'urls'>, reason: string, waitingFor?: 'distributionPoint' | 'time'): void;
  /** Whether the content is whole in the cache (so no download waits for it). */
  has?(request: Pick<ContentRequest, 'packageId' | 'sourceVersion'>): Promise<boolean>;
  /** Only these advertisements still need content: the others' hold on cached content ends. */
  releaseAllExcept?(advertisementIds: ReadonlySet<string>): Promise<void>;
}

export interface ProgramRequest {
  readonly commandLine: string;
  /** The content's folder in the cache, the DP's package folder, or (no content) the program's start-in folder. */
  readonly startIn: string;
  /** Where the program runs from; absent, the cache. */
  readonly runFrom?: RunFrom;
  readonly runMode: 'adminRights' | 'userRights';
  /** The user logged on (`DOMAIN\\name`), whose account a program with the user's rights runs in. */
  readonly sessionUser?: string | null;
  readonly maxRunTimeMs: number;
  readonly pkg: MifPackage;
  readonly mifFileName?: string;
  readonly mifFolders?: readonly string[];
}

export type ProgramResult =
  | { readonly status: 'ended'; readonly exitCode: number; readonly outcome: RunOutcome; readonly mifDescription: string | null }
  /** It could not be started (status message 10003). */
  | { readonly status: 'notStarted'; readonly reason: string }
  /** Still running at its maximum run time: no longer watched, its result unknown. */
  | { readonly status: 'notMonitored'; readonly reason: string }
  | { readonly status: 'deferred'; readonly reason: string };

export interface ProgramStep {
  run(request: ProgramRequest): Promise<ProgramResult>;
}

export interface ExecutionSteps {
  readonly content: ContentStep;
  readonly program: ProgramStep;
}

const unavailable = 'this build of the client agent has no download cache and program runner';

/** What a build without the cache and the runner does: nothing, and says so. */
export const stepsNotAvailable: ExecutionSteps = {
  content: { fetch: () => Promise.resolve({ status: 'deferred', reason: `The content cannot be downloaded: ${unavailable}.` }) },
  program: { run: () => Promise.resolve({ status: 'deferred', reason: `The program cannot be run: ${unavailable}.` }) },
};
