import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { assertReport } from '@briefing/content';
import { type DeckOptions, renderDeck } from './render.js';

const require = createRequire(import.meta.url);

/**
 * How marp-cli is run with this package's engine: the marp-cli entry, the engine module
 * (the default export of ./engine, registered theme and chart plugin included) and the Node
 * flags to load it. From source (`.ts`, tests and the benchmark) tsx loads the engine.
 */
export function marpCliInvocation(): { node: string; execArgv: string[]; cli: string; engine: string } {
  const fromSource = import.meta.url.endsWith('.ts');
  const engine = fileURLToPath(new URL(fromSource ? './engine.ts' : './engine.js', import.meta.url));
  const cli = require.resolve('@marp-team/marp-cli/marp-cli.js');
  return {
    node: process.execPath,
    execArgv: fromSource ? ['--conditions=@briefing/source', '--import', require.resolve('tsx/esm')] : [],
    cli,
    engine,
  };
}

/** marp-cli arguments shared by every conversion: our engine, no config file lookup, HTML off. */
export function marpCliArgs(engine: string): string[] {
  return ['--no-config-file', '--engine', engine, '--no-html'];
}

/**
 * Run marp-cli once with this package's engine on Markdown from stdin and return what it
 * writes to stdout. `args` chooses the output (nothing: bespoke HTML; `--pdf`, `--pptx` with
 * a browser); `env` is added to the child's environment.
 */
export function runMarpCli(
  markdown: string,
  args: string[],
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const { node, execArgv, cli, engine } = marpCliInvocation();
  return new Promise((resolve, reject) => {
    const child = spawn(node, [...execArgv, cli, ...marpCliArgs(engine), ...args, '--stdin', '-o', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
      // Aborting kills the child (and rejects with an AbortError).
      ...(signal ? { signal, killSignal: 'SIGKILL' as const } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const data = Buffer.concat(out);
      if (code === 0 && data.length > 0) resolve(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else
        reject(
          new Error(`marp-cli ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`),
        );
    });
    child.stdin.end(markdown, 'utf8');
  });
}

/**
 * Render a report into the self-contained HTML deck marp-cli's bespoke template gives:
 * presenter view (press P), speaker notes, slide overview and navigation.
 *
 * marp-cli's API reads Markdown only from files, so the deck goes through marp-cli's own
 * command with stdin and stdout instead: no file is written and no browser is started.
 */
export async function renderDeckHtml(
  input: unknown,
  options: DeckOptions & { signal?: AbortSignal | undefined } = {},
): Promise<string> {
  const report = assertReport(input);
  const { signal, ...deckOptions } = options;
  const markdown = renderDeck(report, deckOptions);
  const html = Buffer.from(await runMarpCli(markdown, [], { LANG: 'C.UTF-8' }, signal)).toString('utf8');
  if (!html.startsWith('<!DOCTYPE html>')) throw new Error('marp-cli did not produce an HTML document');
  return html;
}
