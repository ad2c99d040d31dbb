import { z } from 'zod';
import { advertisementIdSchema } from './advertisements';

/** A client's last state for an advertisement, from the status messages it sent. */
export const advertisementClientStates = ['accepted', 'rejected', 'waiting', 'downloading', 'running', 'succeeded', 'failed', 'retrying', 'restartPending'] as const;
export type AdvertisementClientState = (typeof advertisementClientStates)[number];

export const maxClientStatePage = 1000;

export const advertisementClientStatesQuerySchema = z.strictObject({
  advertisementId: advertisementIdSchema,
  state: z.enum(advertisementClientStates, { error: `The state is one of ${advertisementClientStates.join(', ')}.` }).optional(),
  /** Keyset paging: the last resource ID of the page before. */
  after: z.number().int('after is a resource ID.').min(0, 'after is a resource ID.').optional(),
  limit: z.number().int('The limit is a whole number.').min(1, 'The limit is 1 or more.').max(maxClientStatePage, `The limit is at most ${maxClientStatePage}.`).default(200),
});

export type AdvertisementClientStatesQuery = z.output<typeof advertisementClientStatesQuerySchema>;

export interface AdvertisementClientStateDto {
  readonly resourceId: number;
  readonly name: string;
  readonly state: AdvertisementClientState;
  /** The message that set it, and the client's time of it (ISO 8601). */
  readonly messageId: number;
  readonly time: string;
  readonly recordId: number;
  /** The newest acceptance (10002 accepted, 10018 rejected, 10000 unreadable), or null before one. */
  readonly lastAcceptance: ClientStatusStepDto | null;
  /** The newest message of the run (started, downloading, succeeded, failed …) and, at a run's end, its exit code. */
  readonly lastExecution: (ClientStatusStepDto & { readonly result: string | null }) | null;
}

/** One message's state and time (ISO 8601, the client's). */
export interface ClientStatusStepDto {
  readonly messageId: number;
  readonly state: AdvertisementClientState;
  readonly time: string;
}

export interface AdvertisementClientStatesDto {
  readonly advertisementId: string;
  /** Every state with its count, zero included, over all the advertisement's clients. */
  readonly counts: Readonly<Record<AdvertisementClientState, number>>;
  /** In resource ID order, only `state` when given. */
  readonly clients: readonly AdvertisementClientStateDto[];
  /** Pass as `after` for the next page; null on the last. */
  readonly nextAfter: number | null;
}
