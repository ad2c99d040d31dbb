import type { PackageDpStatusDto } from '../../../core/api';

/**
 * The Attempts cell: "attempt 3 of 100" while the row is retrying (M is the Software
 * Distribution component's Number of Retries), the count alone otherwise.
 */
export function attemptsText(row: Pick<PackageDpStatusDto, 'state' | 'attempts'>, retries: number | null): string {
  const retrying = row.state === 'installRetrying' || (row.state === 'removalPending' && row.attempts > 0);
  if (!retrying) return row.attempts === 0 ? '' : String(row.attempts);
  return retries === null ? `attempt ${row.attempts}` : `attempt ${row.attempts} of ${retries}`;
}

/** A row whose next attempt Retry Now can bring forward, or that gave up and can start again. */
export function canRetryNow(row: Pick<PackageDpStatusDto, 'state' | 'nextAttemptAt'>): boolean {
  if (row.state === 'installFailed' || row.state === 'removalFailed') return true;
  return (row.state === 'installRetrying' || row.state === 'removalPending') && row.nextAttemptAt !== null;
}

/** A row that is retrying: Cancel stops it. */
export function canCancelRetries(row: Pick<PackageDpStatusDto, 'state' | 'attempts'>): boolean {
  return row.state === 'installRetrying' || (row.state === 'removalPending' && row.attempts > 0);
}
