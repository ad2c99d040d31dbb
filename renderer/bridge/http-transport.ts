import {
  isEventChannel,
  requestChannels,
  type ApiResult,
  type CourierBridge,
  type CourierClient,
  type EventChannel,
  type EventOf,
  type RequestChannel,
} from '../../core/api';

/**
 * The browser transport (`npm run serve`): POST /api/<channel> with the session token, and
 * server-sent events on /api/events. The token arrives once in the page URL and is then kept
 * for the tab only, so a reload works but the token never lands in history or bookmarks twice.
 */
const tokenKey = 'courier.token';

/** How long after the server refused the event stream the console asks again. */
const reopenDelayMs = 3_000;

export function readToken(location: Location, storage: Storage): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(tokenKey, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(tokenKey) ?? '';
}

async function post(channel: RequestChannel, payload: unknown, token: string): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(payload ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Courier site server cannot be reached. Is `npm run serve` still running?' } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The site server answered ${response.status} without a readable reply.` } };
  }
}

export function createHttpBridge(token: string): CourierBridge {
  const requests = Object.fromEntries(
    requestChannels.map((channel) => [channel, (payload: unknown) => post(channel, payload, token)]),
  ) as unknown as CourierClient;

  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const resyncListeners = new Set<() => void>();
  let source: EventSource | null = null;
  // The id of the last event heard: EventSource sends it itself when it reconnects, and a new
  // stream opened after the old one gave up passes it on, so the server replays what was missed.
  let lastEventId = '';

  function ensureSource(): void {
    if (source) return;
    const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
    const opened = new EventSource(`/api/events?token=${encodeURIComponent(token)}${resume}`);
    source = opened;
    opened.onmessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      const parsed = JSON.parse(message.data) as { channel?: unknown; payload?: unknown };
      if (!isEventChannel(parsed.channel)) return;
      for (const listener of listeners.get(parsed.channel) ?? []) listener(parsed.payload as never);
    };
    opened.addEventListener('resync', () => {
      for (const listener of resyncListeners) listener();
    });
    opened.onerror = () => {
      // A dropped connection is retried by EventSource itself; one the server refused (it was
      // restarting, a proxy answered) is closed for good, so open another a little later.
      if (opened.readyState !== EventSource.CLOSED) return;
      source = null;
      setTimeout(ensureSource, reopenDelayMs);
    };
  }

  return {
    requests,
    subscribe<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void {
      ensureSource();
      const set = listeners.get(channel) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(channel, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    onResync(listener: () => void): () => void {
      ensureSource();
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
  };
}
