import type { ApiResult, CourierClient, EventChannel, EventOf, SiteInitInput, SiteInfoDto } from './api';

export interface CoreOptions {
  /** Holds courier.db and the site root (SMS/Inboxes, SMS/Logs). Created when missing. */
  readonly dataDir: string;
  /** Clock for tests. */
  readonly now?: () => Date;
}

export interface Core {
  readonly site: SiteInfoDto;
  /** Validates `payload` against the channel's schema, runs the service, never throws. */
  invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** The same, typed per channel: what the CLI and tests use. */
  readonly client: CourierClient;
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
  close(): void;
}

export declare function createCore(options: CoreOptions): Core;
export declare function initSite(dataDir: string, input: SiteInitInput): SiteInfoDto;
export declare function defaultDataDir(): string;
export declare function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string;
