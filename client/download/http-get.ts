import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { AttemptError, DownloadError } from './download-error';

/** A content URL the agent can fetch: http or https, nothing else (no file:, no credentials in it). */
export function contentUrl(text: string, field = 'url'): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError('BAD_URL', `${field} ${JSON.stringify(text)} is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DownloadError('BAD_URL', `${field} ${JSON.stringify(text)} is not an http or https URL.`);
  if (url.username !== '' || url.password !== '') throw new DownloadError('BAD_URL', `${field} ${JSON.stringify(text)} carries credentials, which a content URL never does.`);
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  url.search = '';
  url.hash = '';
  return url;
}

/** The URL of a file of the package: each path segment percent-encoded under the content URL. */
export function fileUrl(base: URL, path: string): URL {
  return new URL(path.split('/').map(encodeURIComponent).join('/'), base);
}

/**
 * GET without decoding: the bytes counted and hashed are the file's, so no Accept-Encoding is
 * sent and an encoded answer is refused. A connection that sends nothing for `idleTimeoutMs`
 * (a stalled server) fails like a dropped one.
 */
export function get(url: URL, headers: Record<string, string>, signal: AbortSignal, idleTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsGet : httpGet)(url, { headers: { ...headers, 'Accept-Encoding': 'identity' }, signal, timeout: idleTimeoutMs });
    let answer: IncomingMessage | undefined;
    request.on('timeout', () => {
      const error = Object.assign(new Error(`nothing came for ${idleTimeoutMs} ms`), { code: 'ETIMEDOUT' });
      // The body's reader sees why, not only that the connection went.
      answer?.destroy(error);
      request.destroy(error);
    });
    request.on('error', reject);
    request.on('response', (response) => {
      answer = response;
      const encoding = response.headers['content-encoding'];
      if (encoding !== undefined && encoding !== 'identity') {
        response.destroy();
        reject(new AttemptError(`the server sent the file encoded (${encoding})`, false));
        return;
      }
      watchTrickle(request, response, idleTimeoutMs);
      resolve(response);
    });
  });
}

/** Fewer bytes than this in a whole idle window is slower than any real link (17 bytes/s at the 60 s default). */
const trickleFloorBytes = 1024;

/**
 * A server that sends a byte now and then is never idle, so the idle timeout alone would let it
 * hold a download (and the agent's next step) for ever. Two windows of `idleTimeoutMs` running in
 * which some bytes but fewer than the floor came are a stall too; a window with none is left to
 * the idle timeout, which says so. Counted on the socket, so the body's reader keeps its backpressure.
 */
function watchTrickle(request: ClientRequest, response: IncomingMessage, idleTimeoutMs: number): void {
  const socket = response.socket;
  let seen = socket.bytesRead;
  let slowBefore = false;
  const timer = setInterval(() => {
    const came = socket.bytesRead - seen;
    seen = socket.bytesRead;
    const slow = came > 0 && came < trickleFloorBytes;
    // Two slow windows running: a server that sent a little and then stopped (one slow window,
    // then none) is the idle timeout's, whichever packet its last bytes came in.
    if (slow && slowBefore && !response.complete) {
      const error = Object.assign(new Error(`only ${came} bytes came in ${idleTimeoutMs} ms, twice running, slower than any distribution point sends`), { code: 'ETIMEDOUT' });
      response.destroy(error);
      request.destroy(error);
    }
    slowBefore = slow;
  }, idleTimeoutMs);
  timer.unref();
  response.once('close', () => clearInterval(timer));
}

/** Reads a whole small body (the manifest), refusing one longer than `maxBytes` as it comes. */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    response.destroy();
    throw new AttemptError(`it is ${declared} bytes, more than the ${maxBytes} a manifest may be`, false);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      response.destroy();
      throw new AttemptError(`it is more than the ${maxBytes} bytes a manifest may be`, false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** What an error says, for a list of why each source failed. */
export function reasonOf(error: unknown): string {
  if (error instanceof AttemptError || error instanceof DownloadError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
}
