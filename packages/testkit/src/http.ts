// Talking to a local server (the preview) as a browser or a careless client would.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

/** A GET on a connection of its own, as a page opened now would make it; fails after `ms` without an answer. */
export const httpGet = (url: string, ms = 10_000) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { agent: false, timeout: ms }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.end();
  });

/**
 * A JSON answer to a GET on a connection of its own (httpGet), for polls such as the
 * preview's /status. A poll through `fetch` reuses a kept-alive connection, and one failed on
 * CI with "fetch failed" caused by "read ECONNRESET" while the watch made its first build:
 * a server that stays busy past its keep-alive timeout (5 s) closes the connection when it
 * gets a core again, with the next poll unread on it. A browser retries such a request itself.
 */
export async function getJson<T>(url: string, ms?: number): Promise<T> {
  const { status, body } = await httpGet(url, ms);
  if (status !== 200) throw new Error(`GET ${url}: HTTP ${status}: ${body.slice(0, 200)}`);
  return JSON.parse(body) as T;
}

/** `count` connections to 127.0.0.1:`port` that send nothing, each resolved once open, refused or closed. */
export const idleSockets = (port: number, count: number) =>
  Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          for (const event of ['connect', 'close', 'error']) socket.once(event, () => resolve(socket));
        }),
    ),
  );

/** A server-sent event stream held open on a connection of its own: what it received so far, and whether it closed. */
export function eventStream(url: string) {
  const seen = { text: '', closed: false };
  const req = request(url, { agent: false }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (d) => {
      seen.text += d;
    });
    res.on('close', () => {
      seen.closed = true;
    });
  });
  req.end();
  return { req, seen };
}
