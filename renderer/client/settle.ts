import type { ApiResult } from '../../core/api';
import { describeFailure } from './describe-failure';

/**
 * A request's answer, never a rejection: a request that threw (a dropped connection, a bug) comes
 * back as a failed result in plain words, so every caller has one shape to show.
 */
export async function settle<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await request();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: describeFailure(error) } };
  }
}
