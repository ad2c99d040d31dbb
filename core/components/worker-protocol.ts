import type { ComponentState } from '../api';

/** What the runner gives a component's worker thread. */
export interface ComponentWorkerData {
  readonly dataDir: string;
  /** The component to run, by its name in the worker's factories. */
  readonly name: string;
  readonly runnerId: string;
  readonly owner: string;
  readonly leaseMs: number;
  readonly pollMs?: number;
}

export type ToWorker = { readonly type: 'wake' } | { readonly type: 'stop' };
export type FromWorker = { readonly type: 'state'; readonly component: string; readonly state: ComponentState } | { readonly type: 'stopped' };
