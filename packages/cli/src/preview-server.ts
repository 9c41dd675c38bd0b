import { createServer, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { CliError, EXIT } from './errors.js';
import { mediaTypeOf } from './formats.js';
import { isPreviewHost, type PreviewState, previewPage } from './preview.js';

/** What the preview shows; watch replaces parts of it as builds land or fail. */
export interface PreviewContent {
  state: PreviewState;
  /** The report's short title, for the page. */
  title: string;
  /** The last good outputs by file name. */
  outputs: ReadonlyMap<string, Uint8Array | string>;
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Show new content and tell every open page (server-sent events) about the new state. */
  show(update: Partial<PreviewContent>): void;
  readonly content: PreviewContent;
  close(): Promise<void>;
}

/**
 * The live preview on 127.0.0.1: the page (`/`), its event stream (`/events`), the state as
 * JSON (`/status`) and the last good outputs by file name, each with its format's media
 * type. Only requests whose Host header names this server itself are answered (403
 * otherwise), so a page on another origin rebound to 127.0.0.1 cannot read the outputs.
 */
export async function startPreview(port: number, initial: PreviewContent): Promise<PreviewServer> {
  let content = initial;
  let boundPort = port;
  const clients = new Set<ServerResponse>();
  const event = () => `event: state\ndata: ${JSON.stringify(content.state)}\n\n`;

  const server = createServer((req, res) => {
    if (!isPreviewHost(req.headers.host, boundPort)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `forbidden: the preview answers only http://127.0.0.1:${boundPort}/ and http://localhost:${boundPort}/\n`,
      );
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const { state } = content;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(previewPage(content.title, state));
    } else if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      clients.add(res);
      res.write(event());
      req.on('close', () => clients.delete(res));
    } else if (path === '/status') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(state));
    } else {
      const file = basename(path);
      const data = content.outputs.get(file);
      if (data === undefined || `/${file}` !== path) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end(state.ok || state.version > 0 ? 'not found\n' : 'no successful build yet\n');
        return;
      }
      res.writeHead(200, {
        'content-type': mediaTypeOf(file) ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(data);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'EADDRINUSE' ? `briefing watch: port ${port} is in use (try --port 0)` : error.message,
          EXIT.usage,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (typeof address === 'object' && address) boundPort = address.port;

  return {
    url: `http://127.0.0.1:${boundPort}/`,
    get content() {
      return content;
    },
    show(update) {
      content = { ...content, ...update };
      for (const client of clients) client.write(event());
    },
    async close() {
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
