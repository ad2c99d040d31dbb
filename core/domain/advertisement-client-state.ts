import type { AdvertisementClientState } from '../api/advertisement-client-states';

/**
 * Which state a client's software distribution message puts it in for its advertisement
 * (docs/advertisements.md#each-clients-state); a message not listed here changes no state.
 */
export const clientStateOfMessage: Readonly<Record<number, AdvertisementClientState>> = {
  10000: 'failed',
  10002: 'accepted',
  10003: 'failed',
  10005: 'running',
  10006: 'failed',
  10007: 'failed',
  10008: 'succeeded',
  10009: 'succeeded',
  10018: 'rejected',
  10022: 'restartPending',
  10050: 'failed',
  10060: 'waiting',
  10061: 'downloading',
  10062: 'retrying',
  10063: 'retrying',
};

/** The messages of a client's acceptance of an advertisement (the suite's LastAcceptanceMessageID); every other one above tells of its execution. */
export const acceptanceMessageIds: ReadonlySet<number> = new Set([10000, 10002, 10018]);

/** A run's end, whose %2 is the program's exit code (the suite's LastExecutionResult). */
export const runEndMessageIds: ReadonlySet<number> = new Set([10006, 10007, 10008, 10009, 10022]);
