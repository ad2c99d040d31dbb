import type { ErrorCode } from '../api';

/**
 * HTTP status for each error code. The body always carries the full ApiResult, so the status
 * only has to be right enough for proxies, logs and curl users; 500 means "the site's fault".
 */
const statusByCode: Readonly<Partial<Record<ErrorCode, number>>> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CHANNEL: 404,
  CONFLICT: 409,
  SOURCE_NOT_FOUND: 422,
  SOURCE_UNREADABLE: 422,
};

export function httpStatusFor(code: ErrorCode): number {
  return statusByCode[code] ?? 500;
}
