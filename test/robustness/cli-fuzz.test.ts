// Fuzzing the CLI in-process: random argv (real and made-up commands and flags, random
// values, missing files, random JSON and reports one field away from valid) must always end
// in exit 0, 1 or 2 with a reason on stderr, never in a stack trace or "unexpected error".
// No browser: browser formats are never asked for, and `watch` (which serves until
// stopped) is left out. Seeded like every property here: FC_SEED replays a failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report, reportToJson } from '@briefing/content';
import { captureIo, seed, seeded } from '@briefing/testkit';
import { main } from 'briefing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'briefing-fuzz-'));
mkdirSync(join(dir, 'a-folder'));
writeFileSync(join(dir, 'a-file'), 'not a folder');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const packaged = JSON.parse(reportToJson(report)) as Record<string, unknown>;

/** Every path in the packaged report's JSON (objects, arrays and leaves alike). */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}
const PATHS = pathsOf(packaged);
/** The metadata's fields: few, but each read by every renderer (language, dates, titles). */
const META_PATHS = PATHS.filter((p) => p[0] === 'meta');

/** Values that pass a naive check of their field but have crashed renderers: tags Intl refuses, edge dates. */
const FIELD_VALUES: Record<string, readonly unknown[]> = {
  lang: ['en-GB-GB', 'sgn-BE-FR', 'de-1996-1996', 'EN', 'x-private', 'ar-EG'],
  date: ['0000-01-01', '9999-12-31', '1969-12-31', '2024-02-29', '2024-02-30'],
  published: ['0000-01-01', '9999-12-31', '2024-02-29'],
  asOf: ['0000-01-01', '9999-12-31'],
  url: ['https://', 'mailto:', 'https://example.org/\u0007', 'https://[::1]/', 'http://a'],
  value: [1e308, -0, 5e-324, 2 ** 53 + 1, 1e21],
  share: [100, 0, 99.999999, 5e-324],
};
/** One path per kind of field above (the first of each), so each kind is tried as often as the rest. */
const FIELD_PATHS = Object.keys(FIELD_VALUES).flatMap((key) => {
  const path = PATHS.find((p) => p.at(-1) === key);
  return path ? [path] : [];
});

/** Strings that have broken parsers, schemas, renderers or terminals before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '-',
  '--',
  '=',
  ',',
  ',,',
  '\u0000',
  'bell\u0007',
  'esc\u001b[31mred',
  'c1\u0085',
  'rlo\u202eevil',
  'half\ud800',
  '\ufeff',
  'x'.repeat(5000),
  'en-GB-GB',
  'javascript:alert(1)',
  '2024-02-30',
  '__proto__',
  'constructor',
  'toString',
  '😀',
  'مرحبا',
] as const;

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  anyString,
  fc.constantFrom(0, -1, -0, 1e308, 2 ** 53 + 1, 0.1, true, false, null, [], {}, [''], { type: 'paragraph' }),
);

/** The packaged report with one field set to a random value, deleted, or an array item repeated. */
const nearlyValid = fc
  .record({
    path: fc.oneof(fc.constantFrom(...PATHS), fc.constantFrom(...META_PATHS), fc.constantFrom(...FIELD_PATHS)),
    op: fc.constantFrom('set', 'set', 'set', 'delete', 'repeat'),
    value: anyJson,
    pick: fc.nat(),
    fieldValue: fc.boolean(),
  })
  .map(({ path, op, value: random, pick, fieldValue }) => {
    const copy = structuredClone(packaged);
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path.at(-1)!;
    const special = Object.hasOwn(FIELD_VALUES, key) ? FIELD_VALUES[key as string] : undefined;
    const value = special && (fieldValue || FIELD_PATHS.includes(path)) ? special[pick % special.length] : random;
    if (op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (op === 'repeat' && Array.isArray(parent)) {
      parent.splice(key as number, 0, structuredClone(parent[key as number]));
    } else {
      parent[key] = value;
    }
    return JSON.stringify(copy, null, 1);
  });

/** What a JSON file passed to a command holds. */
const fileText = fc.oneof(
  { weight: 10, arbitrary: nearlyValid },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(packaged)) },
  { weight: 2, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '\ufeff{}',
      'null',
      '[]',
      '"text"',
      '1e999',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '{"meta": 1, "meta": 2}',
      '\u0000',
      'not json at all \u001b[2J',
    ),
  },
);

let files = 0;
/** A path (relative to the temp folder the CLI runs in) for an argument that names a file. */
const fileArg = fc.oneof(
  { weight: 4, arbitrary: fileText.map((text) => writeFile(text)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('missing.json', 'no/such/dir/r.json', 'a-folder', 'a-file', 'gone\u001b[31m.json', ''),
  },
);
function writeFile(text: string): string {
  const name = `input-${++files}.json`;
  writeFileSync(join(dir, name), text);
  return name;
}

/** Output places, all inside the temp folder (the CLI's cwd): never an absolute path or `..`. */
const outArg = fc.constantFrom(
  'out',
  'deep/er/out',
  'a-file/out',
  'a-file',
  'a-folder',
  '.',
  '',
  'o\u0007ut',
  'nul\u0000',
);
const formatArg = fc.oneof(
  fc.constantFrom('pdf', 'md', 'pdf,md', 'md,md', 'briefing.pdf', 'slides.md', 'PDF', 'html', ',', ''),
  anyString,
);

/** Random tokens are positionals or values, never flags or paths that leave the temp folder. */
const token = anyString.map((s) => {
  const safe = s.replace(/[/\\]/g, '_');
  return safe.startsWith('-') || safe === '.' || safe === '..' ? `x${safe}` : safe;
});

const input = fc.oneof(
  fc.tuple(fc.constantFrom('--input', '-i'), fileArg),
  fileArg.map((f) => [`--input=${f}`]),
);
const out = fc.tuple(fc.constantFrom('--out', '-o'), outArg);
const format = fc.tuple(fc.constantFrom('--format', '-f'), formatArg);
const paper = fc.tuple(fc.constant('--paper'), fc.oneof(fc.constantFrom('a4', 'letter', 'A4'), token));
const flag = (...names: string[]) => fc.constantFrom(...names).map((f) => [f]);

/** Anything at all: other commands' flags, made-up flags, stray tokens and files. */
const junk: fc.Arbitrary<string[]> = fc.oneof(
  input,
  out,
  format,
  paper,
  fc.tuple(fc.constantFrom('--port', '-p'), fc.constantFrom('0', '-1', '65536', 'x')),
  flag('--json', '--quiet', '-q', '--schema', '--help', '-h', '--colour', '-x', '--', '--format=', '-qj'),
  fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 })
    .map((s) => [`--${s}`]),
  token.map((t) => [t]),
  fileArg.map((f) => [f]),
);

/** Mostly the command's own flags, so runs get past argument parsing into loading and rendering. */
const OWN: Record<string, fc.Arbitrary<string[]>> = {
  build: fc.oneof(input, input, out, format, paper, flag('--json', '--quiet', '-q')),
  validate: fileArg.map((f) => [f]),
  export: fc.oneof(
    input,
    input,
    fc.tuple(fc.constantFrom('--out', '-o'), outArg),
    flag('--json', '--json', '--schema'),
  ),
  check: fc.oneof(input, flag('--json')),
};

const commandLine = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom('build', 'validate', 'export') },
    { weight: 1, arbitrary: fc.constantFrom('check', 'help', '--help', '-h', 'BUILD', '') },
    { weight: 1, arbitrary: token },
  )
  .chain((name) => {
    const own = (Object.hasOwn(OWN, name) ? OWN[name] : undefined) ?? junk;
    const mixed = fc.array(fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: junk }), { maxLength: 4 });
    // validate takes one file: most runs give it exactly that, so they reach the schema.
    const units = name === 'validate' ? fc.oneof({ weight: 3, arbitrary: own.map((u) => [u]) }, mixed) : mixed;
    return fc.tuple(fc.constant(name), units);
  });

/** A whole command line; browser formats are filtered out and `watch` is never run. */
const argvArbitrary = fc
  .tuple(commandLine, fc.constantFrom('md', 'pdf', 'pdf,md'))
  .map(([[name, units], safeFormat]) => {
    const rest = units.flat().filter((t) => !/pptx|slides[-.]pdf/i.test(t));
    if (name === 'watch' || (name === 'help' && rest[0] === 'watch')) return ['help'];
    // The last --format wins, so build never reaches for a browser whatever came before.
    if (name === 'build') return [name, ...rest, '--format', safeFormat];
    // check renders and reads back both outputs (seconds a run): give it a report it refuses.
    if (name === 'check') return [name, ...rest, '--input', writeFile('{"meta": {}}')];
    return [name, ...rest];
  });

describe(`the CLI under random command lines (fast-check seed ${seed})`, () => {
  it('always exits 0, 1 or 2, says why on stderr, and never shows a stack trace or "unexpected error"', async () => {
    await fc.assert(
      fc.asyncProperty(argvArbitrary, async (argv) => {
        const { io, out } = captureIo({ cwd: dir, env: { CHROME_PATH: join(dir, 'no-chrome'), PATH: '' } });
        const code = await main(argv, io);
        const printed = `${out.stdout}\n${out.stderr}`;
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) expect(out.stderr.trim()).not.toBe('');
        expect(printed).not.toContain('unexpected error');
        expect(printed).not.toMatch(/^ {4}at /m);
      }),
      { ...seeded(150), endOnFailure: true },
    );
  });
});
