import { builtInComponents } from './built-in';
import { runComponentWorker } from './worker-main';

// The worker thread of every component Courier ships: bundled as dist/electron/component-worker.cjs,
// started through worker-bootstrap.mjs from the sources.
runComponentWorker(builtInComponents);
