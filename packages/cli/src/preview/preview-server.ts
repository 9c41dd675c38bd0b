import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { CliError, EXIT } from '../edge/errors.js';
import { FORMATS, mediaTypeOf } from '../edge/formats.js';
import { clientScripts } from './client-bundle.js';
import { FIRST_STATE, isPreviewHost, liveDeckScript, type PreviewState, previewPage } from './page.js';
import { limitConnections, MAX_CONNECTIONS, requestTarget } from './preview-guard.js';

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

/** A short digest of an output's bytes: the page reloads a pane when its file's digest changes. */
export function digestOf(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('base64url').slice(0, 16);
}

const require = createRequire(import.meta.url);
const PDFJS_VERSION = (require('pdfjs-dist/package.json') as { version: string }).version;
/** pdf.js for the page's PDF pane, from the pdfjs-dist package, by the path the page asks for. */
const PDFJS_FILES: Record<string, string> = {
  [`/pdfjs/${PDFJS_VERSION}/pdf.mjs`]: 'pdfjs-dist/build/pdf.min.mjs',
  [`/pdfjs/${PDFJS_VERSION}/pdf.worker.mjs`]: 'pdfjs-dist/build/pdf.worker.min.mjs',
};

/** `briefing 0.1.0`, for the status line. */
const TOOL = `briefing ${(require('../../package.json') as { version: string }).version}`;

/**
 * The live preview on 127.0.0.1: the page (`/`), its event stream (`/events`), the state as
 * JSON (`/status`), pdf.js for its PDF pane (`/pdfjs/<version>/…`) and the last good outputs
 * by file name, each with its format's media type; the deck with `?live` carries the script
 * that reloads it in a window of its own (liveDeckScript). Only requests whose Host header
 * names this server itself are answered (403 otherwise), so a page on another origin rebound
 * to 127.0.0.1 cannot read the outputs. A request target it cannot read is answered 400, and
 * at most `maxConnections` connections stay open (preview-guard.ts): no request, and no number
 * of idle connections, can stop the server or starve the rebuilds of file handles.
 */
export async function startPreview(
  port: number,
  initial: Partial<PreviewContent> & { title: string },
  options: { maxConnections?: number } = {},
): Promise<PreviewServer> {
  let content: PreviewContent = { state: FIRST_STATE, outputs: new Map(), ...initial };
  const scripts = await clientScripts();
  let boundPort = port;
  // One key per server: the deck pane and every presenter window opened from it stay on one slide.
  const syncKey = `preview-${randomBytes(6).toString('hex')}`;
  const clients = new Set<ServerResponse>();
  const event = () => `event: state\ndata: ${JSON.stringify(content.state)}\n\n`;
  const pdfjs: Record<string, Promise<Buffer>> = {};

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (!isPreviewHost(req.headers.host, boundPort)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `forbidden: the preview answers only http://127.0.0.1:${boundPort}/ and http://localhost:${boundPort}/\n`,
      );
      return;
    }
    const target = requestTarget(req.url);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('bad request: not a path the preview reads\n');
      return;
    }
    const { path, query } = target;
    const { state } = content;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        previewPage(
          {
            title: content.title,
            tool: TOOL,
            syncKey,
            pdfjs: { module: `/pdfjs/${PDFJS_VERSION}/pdf.mjs`, worker: `/pdfjs/${PDFJS_VERSION}/pdf.worker.mjs` },
          },
          state,
          scripts,
        ),
      );
    } else if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
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
    } else if (Object.hasOwn(PDFJS_FILES, path)) {
      const file = PDFJS_FILES[path] as string;
      pdfjs[file] ??= readFile(require.resolve(file));
      pdfjs[file].then(
        (data) => {
          // Versioned paths: the browser keeps them for good.
          res.writeHead(200, {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'public, max-age=31536000, immutable',
          });
          res.end(data);
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`cannot read pdf.js: ${error.message}\n`);
        },
      );
    } else {
      const file = basename(path);
      const data = content.outputs.get(file);
      if (data === undefined || `/${file}` !== path) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end(state.version > 0 ? 'not found\n' : 'no successful build yet\n');
        return;
      }
      res.writeHead(200, {
        'content-type': mediaTypeOf(file) ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      // The deck as a window of its own follows rebuilds; the file itself stays as built.
      const live = file === FORMATS.html.file && query.has('live') && typeof data === 'string';
      res.end(
        live
          ? data.replace(
              /<\/body>(?![\s\S]*<\/body>)/,
              `${liveDeckScript(state.files[file] ?? digestOf(data), state.slides, scripts)}</body>`,
            )
          : data,
      );
    }
  };

  const server = createServer(
    {
      // A connection must send its request promptly (checked every second), so one that sends
      // nothing, or a byte at a time, does not hold a place under the cap for long.
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      try {
        answer(req, res);
      } catch (error) {
        // Whatever a request does, the preview keeps serving: this one alone fails.
        if (res.headersSent) res.destroy();
        else {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`the preview failed to answer: ${(error as Error).message}\n`);
        }
      }
    },
  );
  limitConnections(server, options.maxConnections ?? MAX_CONNECTIONS);

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
