import { captureIo } from '@briefing/testkit';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand } from '../src/edge/command.js';
import { CliError, EXIT } from '../src/edge/errors.js';

const seen: unknown[] = [];
const demo = defineCommand({
  name: 'demo',
  summary: 'a command for the tests',
  help: 'Usage: briefing demo [options] <file>\n',
  options: { format: { type: 'string', short: 'f' }, json: { type: 'boolean' } },
  positionals: 1,
  async run(values, positionals, _io) {
    expectTypeOf(values.format).toEqualTypeOf<string | undefined>();
    expectTypeOf(values.json).toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error a string option is no boolean
    const asBoolean: boolean | undefined = values.format;
    // @ts-expect-error a boolean option is no string
    const asString: string | undefined = values.json;
    // @ts-expect-error only the declared options have values
    void values.quiet;
    seen.push({ values, positionals, asBoolean, asString });
    return EXIT.ok;
  },
});

describe('defineCommand', () => {
  it('hands run the option values typed by their specs, and the positionals', async () => {
    seen.length = 0;
    const { io } = captureIo();
    expect(await demo.run(['-f', 'pdf', '--json', 'report.json'], io)).toBe(0);
    expect(seen[0]).toMatchObject({ values: { format: 'pdf', json: true }, positionals: ['report.json'] });
    expect(Object.keys((seen[0] as { values: object }).values)).not.toContain('help');
  });

  it('prints the help for -h or --help and runs nothing', async () => {
    seen.length = 0;
    for (const flag of ['-h', '--help']) {
      const { io, out } = captureIo();
      expect(await demo.run([flag], io)).toBe(0);
      expect(out.stdout).toBe(demo.help);
    }
    expect(seen).toEqual([]);
  });

  it('refuses an unknown flag, a missing value and a positional too many with exit 2, naming the command', async () => {
    const { io } = captureIo();
    for (const argv of [['--bogus'], ['--format'], ['a.json', 'b.json'], ['--json=yes']]) {
      const error = await demo.run(argv, io).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, argv.join(' ')).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(EXIT.usage);
      expect((error as CliError).message).toMatch(/^briefing demo: .* \(see briefing demo --help\)$/);
    }
  });

  it('passes the default deps, or the ones a test gives', async () => {
    const withDeps = defineCommand({
      name: 'deps',
      summary: '',
      help: '',
      options: {},
      deps: { answer: 1 },
      async run(_values, _positionals, io, deps) {
        io.stdout(String(deps.answer));
        return EXIT.ok;
      },
    });
    const a = captureIo();
    await withDeps.run([], a.io);
    const b = captureIo();
    await withDeps.run([], b.io, { answer: 2 });
    expect([a.out.stdout, b.out.stdout]).toEqual(['1', '2']);
  });
});
