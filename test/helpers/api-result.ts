import type { ApiResult } from '../../core/api';

/** The value of an answer the test expects to succeed; a refusal fails the test with its code and words. */
export function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
