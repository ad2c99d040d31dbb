import { AsyncLocalStorage } from 'node:async_hooks';

/** What the core learns about one request while its handler runs, wherever the work happens. */
export interface RequestScope {
  /** A transaction of this request committed: an error after it cannot say that nothing changed. */
  committed: boolean;
  /** Said to the admin with the answer: the change was saved, but something after it is still to come. */
  readonly notices: string[];
}

const scope = new AsyncLocalStorage<RequestScope>();

export function withRequestScope<T>(run: (request: RequestScope) => Promise<T>): Promise<T> {
  const request: RequestScope = { committed: false, notices: [] };
  return scope.run(request, () => run(request));
}

/** The request being handled, or undefined outside one (a site component's own work). */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}
