import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import { isRequestChannel } from '../api';
import type { EventJournal } from './event-journal';
import { openEventStream } from './event-stream';
import { maxBodyBytes, readJsonBody } from './json-body';
import { sendError, sendResult } from './send';
import { bearerToken, tokenMatches } from './session-token';

export interface ApiContext {
  readonly core: Pick<Core, 'invoke' | 'on'>;
  /** What the event streams send, kept a while for consoles that reconnect. */
  readonly journal: EventJournal;
  readonly token: string;
  /** Registers an open event stream so closing the host can end it. */
  readonly trackStream: (end: () => void) => () => void;
}

function presentedToken(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader !== null) return fromHeader;
  // EventSource cannot set headers, so the event stream alone may carry the token in the URL.
  return allowQuery ? url.searchParams.get('token') : null;
}

/** Everything under /api/: the session token first, then the route. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, context: ApiContext): Promise<void> {
  const name = url.pathname.slice('/api/'.length);
  const isEvents = name === 'events';

  if (!tokenMatches(context.token, presentedToken(req, url, isEvents))) {
    sendError(res, 'UNAUTHORIZED', 'A valid session token is required. Open the console from the address `courier serve` (or `npm run serve`) printed.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
    return;
  }

  if (isEvents) {
    if (req.method !== 'GET') {
      sendError(res, 'VALIDATION_FAILED', 'The event stream is read with GET.', { status: 405, headers: { Allow: 'GET' } });
      return;
    }
    let untrack = (): void => undefined;
    // EventSource sends the header on its own reconnects; a transport that opens a new stream
    // after the old one gave up passes the id in the URL, as it does the token.
    const header = req.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' && header !== '' ? header : null) ?? (url.searchParams.get('lastEventId') || null);
    const end = openEventStream(res, context.journal, () => untrack(), lastEventId);
    untrack = context.trackStream(end);
    return;
  }

  let channel: string;
  try {
    channel = decodeURIComponent(name);
  } catch {
    channel = name;
  }
  if (!isRequestChannel(channel)) {
    sendError(res, 'UNKNOWN_CHANNEL', `There is no request channel named "${channel}".`);
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 'VALIDATION_FAILED', `Requests to ${channel} are sent with POST.`, { status: 405, headers: { Allow: 'POST' } });
    return;
  }

  const body = await readJsonBody(req);
  switch (body.kind) {
    case 'unsupported-type':
      sendError(res, 'VALIDATION_FAILED', 'The request body must be JSON (Content-Type: application/json).', { status: 415 });
      return;
    case 'too-large':
      sendError(res, 'VALIDATION_FAILED', `The request body is larger than the ${maxBodyBytes / 1024 / 1024} MiB limit.`, {
        status: 413,
        headers: { Connection: 'close' },
      });
      return;
    case 'malformed':
      sendError(res, 'VALIDATION_FAILED', 'The request body is not valid JSON.');
      return;
    case 'ok':
      break;
  }

  try {
    sendResult(res, await context.core.invoke(channel, body.value));
  } catch {
    // invoke promises never to throw; if it does anyway, the client still gets an envelope.
    sendError(res, 'INTERNAL', 'The site server failed to handle the request. See its log for details.');
  }
}
