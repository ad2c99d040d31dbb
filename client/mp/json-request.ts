import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface JsonRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The whole exchange, connect to last byte. */
  readonly timeoutMs?: number;
  /** A management point that answers more than this is not one (or is broken): the answer is refused. */
  readonly maxResponseBytes?: number;
  /** PEM of a private CA to trust for https. */
  readonly ca?: string;
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The management point could not be reached or did not answer in time: try again later. */
export class UnreachableError extends Error {}

/** The answer was not what a management point sends (not JSON, too big). */
export class BadAnswerError extends Error {}

const defaultTimeoutMs = 30_000;

/**
 * A server's text as the agent may show and log it: control characters (an escape sequence, a
 * forged line break in a log) and bidirectional overrides become spaces, and it is cut to `max`.
 */
export function shownText(text: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
const defaultMaxResponseBytes = 16 * 1024 * 1024;

function readBody(response: IncomingMessage, limit: number, url: URL): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      response.destroy();
      reject(new BadAnswerError(`${url.origin} sent an answer of ${declared} bytes, more than the ${limit} a management point's answer may be.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        response.destroy();
        reject(new BadAnswerError(`${url.origin} sent more than the ${limit} bytes a management point's answer may be.`));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (error) => reject(new UnreachableError(`${url.origin}: the answer broke off (${error.message}).`)));
  });
}

/** One JSON exchange with the management point, bounded in time and size. */
export function requestJson(options: JsonRequest): Promise<JsonResponse> {
  const { url } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const limit = options.maxResponseBytes ?? defaultMaxResponseBytes;
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body), 'utf8');
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(payload.length);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: options.method, headers, ...(options.ca !== undefined ? { ca: options.ca } : {}) }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        // A management point never redirects: following one would send the client's secret (and
        // its inventory) wherever the answer points.
        response.destroy();
        const to = response.headers.location;
        reject(new BadAnswerError(`${url.origin} answered with a redirect (HTTP ${status})${to === undefined ? '' : ` to ${shownText(to, 200)}`}, which the client does not follow; set the management point's URL to the server that answers.`));
        return;
      }
      readBody(response, limit, url).then((buffer) => {
        let body: unknown = null;
        if (buffer.length > 0) {
          try {
            body = JSON.parse(buffer.toString('utf8'));
          } catch {
            reject(new BadAnswerError(`${url.origin} answered ${response.statusCode ?? '?'} with something that is not JSON; is ${url.origin} a Courier management point?`));
            return;
          }
        }
        resolve({ status: response.statusCode ?? 0, body });
      }, reject);
    });
    const timer = setTimeout(() => req.destroy(new UnreachableError(`${url.origin} did not answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => reject(error instanceof UnreachableError ? error : new UnreachableError(`${url.origin} could not be reached: ${error.message}.`)));
    req.end(payload);
  });
}
