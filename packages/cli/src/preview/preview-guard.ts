// What keeps the preview server standing whatever reaches it: a request target read by an
// allow-list that cannot throw, and a cap on open connections that idle ones cannot fill.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** A request target the preview can answer: its path (still percent-encoded) and its query. */
export interface RequestTarget {
  path: string;
  query: URLSearchParams;
}

// RFC 3986: a path segment's characters (pchar) and a query's. Percent signs only as a whole escape.
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const ORIGIN_FORM = new RegExp(`^((?:/${PCHAR}*)+)(?:\\?((?:${PCHAR}|[/?])*))?$`);

/**
 * The request target of a request to the preview, or undefined when it is not one the preview
 * reads (answered 400). Only the origin form (`/path?query`, RFC 9112 3.2.1) of well-formed
 * characters is accepted: a browser sends nothing else to a server it names. The path is not
 * resolved against anything, so `//host/x` is the path `//host/x` (not found), not a URL with
 * a host; `URLSearchParams` reads any query without throwing.
 */
export function requestTarget(raw: string | undefined): RequestTarget | undefined {
  const match = raw === undefined ? null : ORIGIN_FORM.exec(raw);
  if (!match) return undefined;
  return { path: match[1] as string, query: new URLSearchParams(match[2] ?? '') };
}

/** How many connections the preview keeps open at most: the page, its event stream and presenter windows need a few each. */
export const MAX_CONNECTIONS = 64;

/**
 * Keep at most `max` connections open on `server`. A connection is busy while a request on it
 * is being answered (the page's event stream is, for as long as it is open) and idle otherwise
 * (before its first request, or between keep-alive requests). When a new connection would go
 * over the cap, the connection idle the longest is closed to make room; when every other
 * connection is busy, the new one is closed. So idle connections, however many are opened,
 * never hold more than `max` file handles, never stop the page from answering and never close
 * an open event stream.
 */
export function limitConnections(server: Server, max: number): void {
  // Idle connections in the order they fell idle (a Map keeps insertion order), and how many
  // requests each busy one is answering (keep-alive may pipeline more than one).
  const idle = new Map<Socket, true>();
  const busy = new Map<Socket, number>();
  const drop = (socket: Socket) => {
    idle.delete(socket);
    busy.delete(socket);
  };
  server.on('connection', (socket: Socket) => {
    idle.set(socket, true);
    socket.once('close', () => drop(socket));
    while (idle.size + busy.size > max) {
      const oldest = idle.keys().next().value as Socket;
      drop(oldest);
      oldest.destroy();
    }
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    if (socket.destroyed) return;
    idle.delete(socket);
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (busy.get(socket) ?? 0) - 1;
      if (!busy.has(socket)) return;
      if (left > 0) busy.set(socket, left);
      else {
        busy.delete(socket);
        if (!socket.destroyed) idle.set(socket, true);
      }
    });
  });
}
