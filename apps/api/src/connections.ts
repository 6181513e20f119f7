import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Connections {
  /**
   * Stops accepting connections and lets the requests under way finish: connections
   * with no request under way (kept alive, or with headers never completed) are closed
   * at once, event streams (SSE) are ended, and each other connection is closed as its
   * last request ends. Resolves when no request is left.
   */
  drain(): Promise<void>;
  /** Closes every connection now, whatever it is doing. */
  closeAll(): void;
}

// GraphQL subscriptions over SSE ask for the stream; they never end by themselves.
const wantsEventStream = (req: IncomingMessage) =>
  (req.headers.accept ?? '').includes('text/event-stream');

/**
 * Keeps count of the server's sockets and their requests, which server.close() alone
 * does not: it waits for every connection to end, so one client that never finishes
 * its headers (or keeps a live-update stream open) would hold a stop forever.
 */
export function trackConnections(server: Server): Connections {
  const sockets = new Map<Socket, Set<ServerResponse>>();
  let draining = false;
  let drained: (() => void) | undefined;
  const streams = new WeakSet<ServerResponse>();

  const busy = () => [...sockets.values()].some((responses) => responses.size > 0);
  const settle = () => {
    if (drained && !busy()) drained();
  };

  server.on('connection', (socket: Socket) => {
    if (draining) {
      socket.destroy();
      return;
    }
    sockets.set(socket, new Set());
    socket.once('close', () => {
      sockets.delete(socket);
      settle();
    });
  });

  server.on('request', (req, res: ServerResponse) => {
    const socket = req.socket;
    const responses = sockets.get(socket);
    if (!responses) return;
    responses.add(res);
    if (wantsEventStream(req)) streams.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      responses.delete(res);
      if (draining && responses.size === 0) socket.destroy();
      settle();
    });
  });

  return {
    drain() {
      draining = true;
      server.close();
      for (const [socket, responses] of sockets) {
        if (responses.size === 0) socket.destroy();
        else for (const res of responses) if (streams.has(res)) res.destroy();
      }
      return busy() ? new Promise<void>((resolve) => (drained = resolve)) : Promise.resolve();
    },
    closeAll() {
      draining = true;
      server.close();
      for (const socket of sockets.keys()) socket.destroy();
      server.closeAllConnections();
    },
  };
}
