// A component's worker thread when Courier runs from its TypeScript sources: a new thread starts
// without the tsx loader of the thread that made it, so it registers the loader for itself and
// then runs component-worker.ts. Bundled builds start their compiled component-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./component-worker.ts');
