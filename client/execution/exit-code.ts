import type { StatusMif } from '../mif/status-mif';

/**
 * The outcome of a run, with the status message ID the client reports for it (10xxx, the
 * software distribution client's messages).
 */
export type RunOutcome =
  | { readonly result: 'success'; readonly messageId: 10008 | 10009; readonly restartPending: false }
  | { readonly result: 'success'; readonly messageId: 10022; readonly restartPending: true }
  | { readonly result: 'failed'; readonly messageId: 10006 | 10007; readonly retryLater: boolean };

/** Exit codes that mean "it worked, restart to finish" (3010 ERROR_SUCCESS_REBOOT_REQUIRED, 1641 …). */
export const restartExitCodes: readonly number[] = [3010, 3011, 1641, 1604];

/**
 * CCM_SoftwareDistributionClientConfig.ExecutionFailureRetryErrorCodes' defaults: failures that
 * are worth trying again later (another installation in progress, a locked file, no network).
 */
export const defaultRetryExitCodes: readonly number[] = [4, 5, 8, 13, 14, 39, 51, 53, 54, 55, 59, 64, 65, 67, 70, 71, 85, 86, 87, 112, 128, 170, 267, 999, 1003, 1203, 1219, 1220, 1222, 1231, 1232, 1238, 1265, 1311, 1323, 1326, 1330, 1618, 1622, 2250];

/** A status MIF that matched the package decides over the exit code. */
export function classifyRun(exitCode: number, matchingMif?: StatusMif, retryExitCodes: readonly number[] = defaultRetryExitCodes): RunOutcome {
  if (matchingMif) {
    return matchingMif.status === 'Success' ? { result: 'success', messageId: 10009, restartPending: false } : { result: 'failed', messageId: 10007, retryLater: false };
  }
  if (exitCode === 0) return { result: 'success', messageId: 10008, restartPending: false };
  if (restartExitCodes.includes(exitCode)) return { result: 'success', messageId: 10022, restartPending: true };
  return { result: 'failed', messageId: 10006, retryLater: retryExitCodes.includes(exitCode) };
}
