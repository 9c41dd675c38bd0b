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
