import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface WaitingConnections {
  /** Destroys every connection that is not answering a request now, and each one opened from now on. */
  drop(): void;
}

/**
 * Node's `server.close()` lets idle keep-alive connections go, but counts as busy a connection on
 * which no request has arrived yet: a browser's preconnected socket (Chromium opens one or two
 * ahead of need), or a client stalled in its headers. Such a connection holds the close until the
 * client gives it up, a minute or more, past any shutdown deadline. No request of theirs was
 * accepted, so they are cut; the connections answering a request finish it (with
 * `Connection: close`, see the closing guard).
 */
export function trackWaitingConnections(server: Server): WaitingConnections {
  const open = new Set<Socket>();
  // Requests being answered on each connection (more than one when the client pipelines).
  const answering = new Map<Socket, number>();
  let dropping = false;

  server.on('connection', (socket: Socket) => {
    if (dropping) {
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      answering.delete(socket);
    });
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    answering.set(socket, (answering.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (answering.get(socket) ?? 1) - 1;
      if (left > 0) answering.set(socket, left);
      else answering.delete(socket);
    });
  });

  return {
    drop() {
      dropping = true;
      for (const socket of open) {
        if (!answering.has(socket)) socket.destroy();
      }
    },
  };
}
