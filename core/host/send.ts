import type { ServerResponse } from 'node:http';
import type { ApiResult, ErrorCode } from '../api';
import { httpStatusFor } from './error-status';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendResult(res: ServerResponse, result: ApiResult<unknown>): void {
  sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result);
}

/** An error the host itself raises before the core is involved. */
export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  options: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {},
): void {
  const result: ApiResult<never> = { ok: false, error: { code, message } };
  sendJson(res, options.status ?? httpStatusFor(code), result, options.headers);
}
