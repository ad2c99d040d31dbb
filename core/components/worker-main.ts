import { hostname } from 'node:os';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { startComponentHost } from './component-host';
import type { ComponentWorkerData, FromWorker, ToWorker } from './worker-protocol';

// The body of a component's worker thread: one component on the thread's own connection, told
// by the runner when to wake and when to stop. Bundled as component-worker.cjs for the desktop
// app (so no top-level await); run through worker-bootstrap.mjs from the sources.
if (!parentPort) throw new Error('worker-main runs in a worker thread started by the component runner.');
const port = parentPort;
const data = workerData as ComponentWorkerData;
const send = (message: FromWorker): void => port.postMessage(message);

startComponentHost({
  ...data,
  where: `worker thread ${threadId} of process ${process.pid} on ${hostname()}`,
  onState: (component, state) => send({ type: 'state', component, state }),
}).then(
  (host) => {
    port.on('message', (message: ToWorker) => {
      if (message.type === 'wake') host.wake();
      else if (message.type === 'stop') {
        void host.stop().finally(() => {
          send({ type: 'stopped' });
          port.close();
        });
      }
    });
  },
  (error: unknown) => {
    // Thrown outside the promise, so the runner's worker sees it as the thread's error.
    setImmediate(() => {
      throw error;
    });
  },
);
