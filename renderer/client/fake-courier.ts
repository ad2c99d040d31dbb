import { requestChannels, type CourierBridge, type CourierClient, type EventChannel, type EventOf, type RequestChannel } from '../../core/api';

/**
 * A stand-in for the site server in renderer tests: the channels a test answers, and a loud
 * failure for every other. A call to a channel the test did not answer rejects with "unexpected
 * call to packages:list" and is recorded; test-setup.ts fails the test for it afterwards, even when
 * the component swallowed the rejection.
 */
export interface FakeCourier {
  readonly bridge: CourierBridge;
  readonly client: CourierClient;
  /** Delivers an event to every subscriber, as the core does after a change. */
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  /** Tells the console its event stream missed events that cannot be given again. */
  resync(): void;
  /** How many listeners a channel has now (a view subscribes while it is shown). */
  listenerCount(channel: EventChannel): number;
  /** The channels called without an answer, in call order. */
  readonly unexpectedCalls: readonly RequestChannel[];
}

const living = new Set<FakeCourier>();

export function fakeCourier(answers: Partial<CourierClient> = {}): FakeCourier {
  const unexpectedCalls: RequestChannel[] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const resyncListeners = new Set<() => void>();

  function unanswered(channel: RequestChannel) {
    return () => {
      unexpectedCalls.push(channel);
      return Promise.reject(new Error(`unexpected call to ${channel}`));
    };
  }

  const client = Object.fromEntries(requestChannels.map((channel) => [channel, answers[channel] ?? unanswered(channel)])) as unknown as CourierClient;

  const fake: FakeCourier = {
    client,
    unexpectedCalls,
    bridge: {
      requests: client,
      subscribe<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener as (payload: never) => void);
        listeners.set(channel, set);
        return () => set.delete(listener as (payload: never) => void);
      },
      onResync(listener: () => void): () => void {
        resyncListeners.add(listener);
        return () => resyncListeners.delete(listener);
      },
    },
    resync() {
      for (const listener of [...resyncListeners]) listener();
    },
    emit(channel, payload) {
      for (const listener of [...(listeners.get(channel) ?? [])]) (listener as (value: typeof payload) => void)(payload);
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
  living.add(fake);
  return fake;
}

/** Called after each test (test-setup.ts): throws if a fake was asked something it was not told to answer. */
export function checkFakeCouriers(): void {
  const calls = [...living].flatMap((fake) => fake.unexpectedCalls);
  living.clear();
  if (calls.length > 0) throw new Error(`The test's fake site server got calls it has no answer for: ${[...new Set(calls)].join(', ')}.`);
}
