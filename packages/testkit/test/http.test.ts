// getJson: a poll on a connection of its own, as a page opened now would make it, never on a
// kept-alive one that the server may be closing (see http.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../src/http.js';

let server: Server;
let url = '';
/** The connections the server was asked on. */
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    if (req.url === '/broken') res.writeHead(500).end('went wrong');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":3}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('getJson', () => {
  it('asks each time on a connection of its own', async () => {
    sockets.clear();
    for (let i = 0; i < 3; i++) expect(await getJson(`${url}status`)).toEqual({ version: 3 });
    expect(sockets.size).toBe(3);
  });

  it('fails on an answer that is not 200, with its status and body', async () => {
    await expect(getJson(`${url}broken`)).rejects.toThrow(/HTTP 500: went wrong/u);
  });
});
