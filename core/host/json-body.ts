import type { IncomingMessage } from 'node:http';

export const maxBodyBytes = 1024 * 1024;

export type BodyOutcome =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'unsupported-type'; readonly contentType: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'malformed' };

function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const mediaType = header.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads a request body as JSON. An empty body means `{}` so `curl -X POST …/api/site:info`
 * works; anything else must say it is JSON, which also keeps out cross-site form posts.
 */
export async function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<BodyOutcome> {
  if (!declaresBody(req)) return { kind: 'ok', value: {} };
  if (!isJsonContentType(req.headers['content-type'])) {
    return { kind: 'unsupported-type', contentType: req.headers['content-type'] ?? '' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { kind: 'too-large' };

  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      // Keep draining rather than destroying the socket, so the client still reads our 413.
      overflow = true;
      continue;
    }
    chunks.push(chunk);
  }
  if (overflow) return { kind: 'too-large' };

  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'ok', value: {} };
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}
