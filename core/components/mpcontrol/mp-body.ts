import type { IncomingMessage } from 'node:http';
import { mpMaxBodyBytes } from '../../api';
import { MpError } from '../../services/management-point/mp-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes of bodies being read at once, across every connection. Registration needs no
 * credentials, so without a bound a few thousand connections each sending most of a MiB slowly
 * would hold gigabytes; past it a body is refused with 503 and Retry-After, and the client tries
 * again later.
 */
export interface BodyBudget {
  used: number;
  readonly max: number;
}

/** 64 bodies of the largest size: far more than clients polling at their interval send at once. */
export const defaultBodyBudgetBytes = 64 * mpMaxBodyBytes;

/** The client went before its body ended (it left, or a deadline dropped it): there is no one to answer or to log about. */
export class ClientGoneError extends Error {}

function busy(budget: BodyBudget): MpError {
  return new MpError('BUSY', `The management point is reading ${budget.max} bytes of other clients' bodies; try again shortly.`);
}

/**
 * Reads a client's JSON body, bounded by its Content-Length and by what actually arrives (a
 * client may lie about the first, or send none and stream), and within the budget of bodies in
 * flight: a declared length is taken from it before a byte is read, a streamed body as it comes.
 * The console's reader in core/host answers in its own envelope, and a component may not import
 * the console's host, hence this one.
 */
export async function readMpJson(req: IncomingMessage, limit = mpMaxBodyBytes, budget: BodyBudget = { used: 0, max: Number.POSITIVE_INFINITY }): Promise<unknown> {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new MpError('UNSUPPORTED_MEDIA_TYPE', `The body must be JSON, sent with Content-Type: application/json (not "${req.headers['content-type'] ?? ''}").`);
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    throw new MpError('PAYLOAD_TOO_LARGE', `The body is ${declared} bytes; a management point reads at most ${limit}.`);
  }
  let reserved = 0;
  const reserve = (bytes: number): boolean => {
    if (budget.used + bytes > budget.max) return false;
    budget.used += bytes;
    reserved += bytes;
    return true;
  };
  if (!reserve(declared === undefined ? 0 : Number(declared))) throw busy(budget);
  try {
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      let size = 0;
      // Stop reading, without destroying the request yet: the answer is sent first, then the
      // connection is closed after it (Connection: close), so a client streaming without end
      // cannot keep it.
      const stop = (error: MpError) => {
        req.off('data', onData);
        req.pause();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) return stop(new MpError('PAYLOAD_TOO_LARGE', `The body is more than ${limit} bytes; a management point reads at most ${limit}.`));
        if (size > reserved && !reserve(size - reserved)) return stop(busy(budget));
        chunks.push(chunk);
      };
      req.on('data', onData);
      req.once('end', () => resolve());
      req.once('error', (error) => reject(error));
      req.once('aborted', () => reject(new ClientGoneError('The client went away while it sent its body.')));
      // A connection destroyed at a deadline must give its share of the budget back too.
      req.once('close', () => reject(new ClientGoneError('The connection closed before the body ended.')));
    });
    let text: string;
    try {
      text = utf8.decode(Buffer.concat(chunks));
    } catch {
      // Decoding leniently would store U+FFFD in place of what the client sent (a name that is
      // not the computer's); a client that sends other bytes is not speaking the protocol.
      throw new MpError('VALIDATION_FAILED', 'The body is not valid UTF-8; send JSON encoded as UTF-8.');
    }
    if (text.trim() === '') throw new MpError('VALIDATION_FAILED', 'The body is empty; send a JSON object.');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new MpError('VALIDATION_FAILED', `The body is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
    }
  } finally {
    budget.used -= reserved;
  }
}
