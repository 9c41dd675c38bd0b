import type { Socket } from 'node:net';
import { eventStream, httpGet, idleSockets } from '@briefing/testkit';
import { describe, expect, it } from 'vitest';
import { requestTarget } from '../src/preview/preview-guard.js';
import { startPreview } from '../src/preview/preview-server.js';

describe('requestTarget', () => {
  it('reads the paths and queries the preview serves', () => {
    expect(requestTarget('/')).toEqual({ path: '/', query: new URLSearchParams() });
    const live = requestTarget('/slides.html?live&sync=preview-0a1b&v=AbC-_9');
    expect(live?.path).toBe('/slides.html');
    expect(live?.query.has('live')).toBe(true);
    expect(live?.query.get('sync')).toBe('preview-0a1b');
    expect(requestTarget('/pdfjs/5.6.205/pdf.worker.mjs')?.path).toBe('/pdfjs/5.6.205/pdf.worker.mjs');
    expect(requestTarget('/briefing.pdf?v=x%2Fy')?.query.get('v')).toBe('x/y');
  });

  it('keeps a path that starts with // a path, never a host', () => {
    expect(requestTarget('///')?.path).toBe('///');
    expect(requestTarget('//256.256.256.256')?.path).toBe('//256.256.256.256');
    expect(requestTarget('//localhost/slides.html')?.path).toBe('//localhost/slides.html');
  });

  it('turns down what is not an origin-form target of well-formed characters', () => {
    for (const raw of [
      undefined,
      '',
      '*',
      'slides.html',
      'http://127.0.0.1/slides.html',
      '//[',
      '//%zz',
      '/%zz',
      '/%4',
      '/a b',
      '/a#b',
      '/ü',
      '/a\\b',
      '/?a=[',
    ]) {
      expect(requestTarget(raw), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it('never throws, whatever two characters follow / or //, and whatever it accepts is a path', () => {
    const chars = Array.from({ length: 0x7f }, (_, i) => String.fromCharCode(i)).concat(['ü', '\u2028', '\ud800']);
    const notPaths: string[] = [];
    for (const start of ['/', '//', '/?']) {
      for (const a of chars) {
        for (const b of chars) {
          const target = requestTarget(start + a + b);
          if (target && !target.path.startsWith('/')) notPaths.push(start + a + b);
        }
      }
    }
    expect(notPaths).toEqual([]);
  });
});

describe('the connection cap', () => {
  it('closes the longest-idle connections beyond the cap, so the page answers and its event stream stays open', async () => {
    const preview = await startPreview(0, { title: 'capped' }, { maxConnections: 8 });
    const port = Number(new URL(preview.url).port);
    const { req: stream, seen: events } = eventStream(`${preview.url}events`);
    const sockets: Socket[] = [];
    try {
      while (!events.text.includes('event: state')) await new Promise((r) => setTimeout(r, 10));
      sockets.push(...(await idleSockets(port, 300)));
      // The server closed all but the newest few: the event stream and 7 idle ones at most.
      const open = () => sockets.filter((s) => !s.destroyed && !s.readableEnded).length;
      for (let i = 0; i < 200 && open() > 7; i++) await new Promise((r) => setTimeout(r, 10));
      expect(open()).toBeLessThanOrEqual(7);

      const page = await httpGet(preview.url, 5000);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<section class="pane" id="deck"');
      preview.show({ state: { ...preview.content.state, version: 7 } });
      for (let i = 0; i < 200 && !events.text.includes('"version":7'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(events.text).toContain('"version":7');
      expect(events.closed).toBe(false);
    } finally {
      for (const socket of sockets) socket.destroy();
      stream.destroy();
      await preview.close();
    }
  });

  it('turns a new connection away when every place is taken by an answer in progress', async () => {
    const preview = await startPreview(0, { title: 'capped' }, { maxConnections: 2 });
    const streams = [0, 1].map(() => {
      return eventStream(`${preview.url}events`);
    });
    try {
      for (let i = 0; i < 200 && !streams.every((s) => s.seen.text); i++) await new Promise((r) => setTimeout(r, 10));
      await expect(httpGet(preview.url, 5000)).rejects.toThrow();
      expect(streams.map((s) => s.seen.closed)).toEqual([false, false]);
      streams[0]?.req.destroy();
      // A place is free again.
      for (let i = 0; i < 20; i++) {
        const page = await httpGet(preview.url, 5000).catch(() => undefined);
        if (page) {
          expect(page.status).toBe(200);
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the page did not answer once a place was free');
    } finally {
      for (const s of streams) s.req.destroy();
      await preview.close();
    }
  });
});
