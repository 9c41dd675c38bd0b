import { describe, expect, it } from 'vitest';
import { requestTarget } from '../src/preview-guard.js';

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
