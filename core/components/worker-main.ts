import { hostname } from 'node:os';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { startComponentHost, type ComponentFactories } from './component-host';
import type { ComponentWorkerData, FromWorker, ToWorker } from './worker-protocol';

/**
 * The body of a component's worker thread: one component, built from `factories` by the name
 * the runner gave, on the thread's own connection, told by the runner when to wake and when to
 * stop. No top-level await: the desktop app bundles it as CommonJS.
 */
export function runComponentWorker(factories: ComponentFactories): void {
  if (!parentPort) throw new Error('A component worker runs in a worker thread started by the component runner.');
  const port = parentPort;
  const data = workerData as ComponentWorkerData;
  const send = (message: FromWorker): void => port.postMessage(message);

  startComponentHost({
    ...data,
    factories,
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
      // Thrown outside the promise, so the runner sees it as the thread's error.
      setImmediate(() => {
        throw error;
      });
    },
  );
}
