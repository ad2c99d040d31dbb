import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Callbacks for a connection's end, one 'close' listener per socket however many requests it pipelines. */
const onConnectionEnd = new WeakMap<Socket, Set<() => void>>();

export function whenConnectionEnds(socket: Socket, callback: () => void): () => void {
  let callbacks = onConnectionEnd.get(socket);
  if (!callbacks) {
    const set = new Set<() => void>();
    callbacks = set;
    onConnectionEnd.set(socket, set);
    socket.once('close', () => {
      for (const call of set) call();
      set.clear();
    });
  }
  callbacks.add(callback);
  return () => callbacks.delete(callback);
}

/**
 * A pipelined request's answer waits in a queue until the answers before it are sent, and Node
 * does not close a queued answer when the client goes. So a file is opened only once the answer
 * owns the connection; false when the connection ended first.
 */
export function ownsConnection(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (res.socket) return Promise.resolve(true);
  if (req.socket.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onSocket = () => {
      forget();
      resolve(true);
    };
    const forget = whenConnectionEnds(req.socket, () => {
      res.off('socket', onSocket);
      resolve(false);
    });
    res.once('socket', onSocket);
  });
}
