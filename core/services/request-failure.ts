import { CourierError, type ApiResult } from '../api';
import type { SiteLog } from '../site/site-log';

// better-sqlite3 reports constraint failures with codes like SQLITE_CONSTRAINT_UNIQUE.
function isConstraintError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

const savedBefore = 'What the request changed before the error is saved; refresh to see the site as it now is.';

/**
 * The answer to a request that threw. "Nothing was changed" is said only when it is true: no
 * unit of work of this request committed (a throw inside one rolls it back).
 */
export function toFailure(error: unknown, channel: string, log: SiteLog, committed: boolean): ApiResult<never> {
  const outcome = committed ? savedBefore : 'Nothing was changed.';
  if (error instanceof CourierError) {
    const dto = error.toDto();
    return { ok: false, error: committed ? { ...dto, message: `${dto.message} ${savedBefore}` } : dto };
  }
  if (isConstraintError(error)) {
    return { ok: false, error: { code: 'CONFLICT', message: `The change conflicts with data already at the site (${error.message}). ${outcome}` } };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.write('smsprov.log', 'SMS_PROVIDER', `Internal error in ${channel}: ${detail}`);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Courier hit an internal error handling ${channel}; details are in SMS\\Logs\\smsprov.log. ${outcome}` },
  };
}

