// Starts ledger-worker.ts in a worker thread, as core/components/worker-bootstrap.mjs starts
// Courier's own component worker: the thread registers tsx for itself first.
import { register } from 'tsx/esm/api';

register();
await import('./ledger-worker.ts');
