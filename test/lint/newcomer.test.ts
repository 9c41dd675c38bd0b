// What a newcomer meets first: `npm ci` without warnings to act on, and the README's example
// commands leaving nothing for git to pick up.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;

/** Every `--out <path>` of a `briefing` command in the README, and the schema an export writes beside it. */
function readmeOutputs(): string[] {
  const readme = readFileSync(`${repo}README.md`, 'utf8');
  const outputs: string[] = [];
  for (const line of readme.split('\n')) {
    if (!/^\s*npx briefing /.test(line)) continue;
    const out = /(?:--out|-o) (\S+)/.exec(line)?.[1];
    if (out === undefined) continue;
    if (/ export --json/.test(line)) outputs.push(out, 'report.schema.json');
    // A folder: a file inside it stands for what a build writes there.
    else if (/ build /.test(line)) outputs.push(`${out}/briefing.pdf`);
    else outputs.push(out);
  }
  return outputs;
}

describe('a newcomer', () => {
  it("leaves nothing for git to pick up after the README's example commands", () => {
    const outputs = readmeOutputs();
    expect(outputs).toEqual(['my-report.json', 'report.schema.json', 'my-out/briefing.pdf']);
    const check = spawnSync('git', ['check-ignore', '--no-index', '--verbose', '--non-matching', ...outputs], {
      cwd: repo,
      encoding: 'utf8',
    });
    // One line per path; a path no rule ignores starts with "::".
    const notIgnored = check.stdout
      .split('\n')
      .filter((l) => l.startsWith('::'))
      .map((l) => l.slice(2).trim());
    expect(notIgnored).toEqual([]);
  });

  it('gets no "install scripts not yet covered by allowScripts" warning from npm ci: every install script is reviewed', () => {
    // npm lists the installed packages whose install scripts package.json#allowScripts does
    // not cover: what `npm ci` warns about.
    const pending = JSON.parse(
      execFileSync('npm', ['approve-scripts', '--allow-scripts-pending', '--json'], { cwd: repo, encoding: 'utf8' }),
    ) as { allowScripts: { name: string }[] };
    expect(pending.allowScripts.map((p) => p.name)).toEqual([]);
  });
});
