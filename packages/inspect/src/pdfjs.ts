/// <reference path="./pdfjs-worker.d.ts" />
// pdf.js, loaded so that it leaves the process's built-ins as it found them.
//
// pdfjs-dist's legacy build (the one that runs on Node 20) carries core-js polyfills. Those for
// what Node 20 lacks (Promise.withResolvers, Map.prototype.getOrInsert, Uint8Array.toHex…) pdf.js
// needs, and they stay. But core-js also replaces built-ins Node has, over edge cases (V8's
// push onto an array whose length is read-only; JSON.rawJSON, a proposal): Array.prototype.push,
// JSON.parse, JSON.stringify and Function.prototype.toString become JavaScript functions, for
// the whole process, from the moment pdf.js loads. That stringify reads its own output again
// character by character (15 times slower on the report), and every push in every library goes
// through a function call. A program that imports @briefing/inspect should not find its JSON
// and arrays slower for it, so every built-in that loading pdf.js replaced is put back; what it
// added is kept. pdf.js relies on none of those edge cases. (The quick tests, which read
// hundreds of PDFs, take about 5% less time for it.) test/pdfjs.test.ts checks this in a fresh process.
//
// Its fake worker (pdf.js in Node parses in the same thread) is a second module that installs
// the polyfills again when pdf.js first opens a file; it is loaded here too, before the put-back,
// and pdf.js finds it in the module cache.

/** The built-in objects core-js may patch: the global constructors and namespaces, and their prototypes. */
function builtIns(): { label: string; target: object }[] {
  const found: { label: string; target: object }[] = [];
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    // Upper-case globals only: constructors and namespaces (JSON, Math, Reflect…), not Node's
    // lazily defined web APIs' getters, which replace themselves with a value when first read.
    if (!/^[A-Z]/u.test(name)) continue;
    const value = Object.getOwnPropertyDescriptor(globalThis, name)?.value;
    if ((typeof value !== 'function' && typeof value !== 'object') || value === null) continue;
    found.push({ label: name, target: value });
    // Function.prototype is itself a function.
    const proto = (value as { prototype?: unknown }).prototype;
    if ((typeof proto === 'object' && proto !== null) || typeof proto === 'function')
      found.push({ label: `${name}.prototype`, target: proto });
  }
  return found;
}

/**
 * The own properties of every built-in as they are now; the function it returns puts back any
 * that has been replaced since (a property added since stays).
 */
export function keepBuiltIns(): () => string[] {
  const before = builtIns().map(({ label, target }) => {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) {
      const d = Object.getOwnPropertyDescriptor(target, key);
      if (d) props.set(key, d);
    }
    return { label, target, props };
  });
  return () => {
    const restored: string[] = [];
    for (const { label, target, props } of before) {
      for (const [key, was] of props) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (!now || (now.value === was.value && now.get === was.get && now.set === was.set)) continue;
        // NaN-valued properties (Number.NaN) compare unequal to themselves and are never replaced.
        if (typeof was.value === 'number' && Number.isNaN(was.value) && Number.isNaN(now.value)) continue;
        if (!now.configurable) continue;
        Object.defineProperty(target, key, was);
        restored.push(`${label}.${String(key)}`);
      }
    }
    return restored;
  };
}

const putBack = keepBuiltIns();
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
/**
 * What loading pdf.js replaced and was put back (with pdfjs-dist 5.6: Function.prototype.toString,
 * Array.prototype.push, JSON.parse, JSON.stringify).
 */
export const putBackBuiltIns: readonly string[] = putBack();

export const { getDocument, OPS } = pdfjs;
