import type { IncomingMessage } from 'node:http';
import { mpMaxBodyBytes } from '../../api';
import { MpError } from '../../services/management-point/mp-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a client's JSON body, bounded by its Content-Length and by what actually arrives (a
 * client may lie about the first, or send none and stream). The console's reader in core/host
 * answers in its own envelope, and a component may not import the console's host, hence this one.
 */
export async function readMpJson(req: IncomingMessage, limit = mpMaxBodyBytes): Promise<unknown> {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new MpError('UNSUPPORTED_MEDIA_TYPE', `The body must be JSON, sent with Content-Type: application/json (not "${req.headers['content-type'] ?? ''}").`);
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    throw new MpError('PAYLOAD_TOO_LARGE', `The body is ${declared} bytes; a management point reads at most ${limit}.`);
  }
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop reading, without destroying the request yet: the answer is sent first, then the
      // connection is closed after it (Connection: close), so a client streaming without end
      // cannot keep it.
      req.off('data', onData);
      req.pause();
      reject(new MpError('PAYLOAD_TOO_LARGE', `The body is more than ${limit} bytes; a management point reads at most ${limit}.`));
    };
    req.on('data', onData);
    req.once('end', () => resolve());
    req.once('error', (error) => reject(error));
    req.once('aborted', () => reject(new Error('The client went away while it sent its body.')));
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
}
