import { mkdirSync, renameSync, rmSync, watch as watchFs, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDir, waitFor } from '@briefing/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolderOf } from '../src/preview/folder-watch.js';

/** A watch on `folder/report.json` that records what it reports. */
function watchReport(folder: string, watch?: typeof watchFs) {
  const seen = { changes: 0, notices: [] as string[] };
  const file = join(folder, 'report.json');
  const watcher = watchFolderOf(file, {
    shown: 'the folder',
    relevant: (name) => name === 'report.json',
    onChange: () => {
      seen.changes++;
    },
    onNotice: (text, trouble) => {
      seen.notices.push(`${trouble ? 'trouble' : 'note'}: ${text}`);
    },
    pollMs: 20,
    ...(watch ? { watch } : {}),
  });
  closers.push(() => watcher.close());
  return { file, seen };
}

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

const until = (what: string, probe: () => boolean) => waitFor(what, probe, { ms: 3000, every: 10 });

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('watchFolderOf', () => {
  it('sees saves to the file, and not to other files', async () => {
    const folder = join(freshDir(), 'report');
    mkdirSync(folder);
    const { file, seen } = watchReport(folder);
    writeFileSync(join(folder, 'other.json'), '{}');
    await settle();
    expect(seen.changes).toBe(0);
    writeFileSync(file, '{}');
    await until('the save', () => seen.changes > 0);
  });

  it('follows the folder when it is renamed away and made again, and lets the old one go', async () => {
    const folder = join(freshDir(), 'report');
    mkdirSync(folder);
    const { file, seen } = watchReport(folder);
    writeFileSync(file, '{}');
    await until('the first save', () => seen.changes > 0);
    renameSync(folder, `${folder}.old`);
    mkdirSync(folder);
    writeFileSync(file, '{"copied":true}');
    // Watched again, and told a change, since the file may have been saved while unwatched.
    await until('the watch on the new folder', () =>
      seen.notices.includes('note: watching the folder again: the folder was replaced'),
    );
    await settle();
    const after = seen.changes;
    writeFileSync(join(`${folder}.old`, 'report.json'), '{"old":true}');
    await settle();
    expect(seen.changes).toBe(after);
    writeFileSync(file, '{"new":true}');
    await until('a save in the new folder', () => seen.changes > after);
  });

  it('says when the folder is gone, and watches it again when it comes back', async () => {
    const folder = join(freshDir(), 'report');
    mkdirSync(folder);
    const { file, seen } = watchReport(folder);
    rmSync(folder, { recursive: true });
    await until('the folder to be missed', () =>
      seen.notices.includes('trouble: the folder is gone (moved or deleted): watching for it to come back'),
    );
    await settle();
    // Said once, not on every look.
    expect(seen.notices).toHaveLength(1);
    const before = seen.changes;
    mkdirSync(folder);
    await until('the folder to be watched again', () =>
      seen.notices.includes('note: watching the folder again: the folder was replaced'),
    );
    // No report in it yet: nothing to rebuild until it is saved there.
    expect(seen.changes).toBe(before);
    writeFileSync(file, '{}');
    await until('the save in the new folder', () => seen.changes > before);
  });

  it('says so on the terminal when the new folder cannot be watched, and keeps trying', async () => {
    const folder = join(freshDir(), 'report');
    mkdirSync(folder);
    let refuse = false;
    const watch = ((...args: Parameters<typeof watchFs>) => {
      if (refuse) throw Object.assign(new Error('no more watches'), { code: 'ENOSPC' });
      return watchFs(...args);
    }) as typeof watchFs;
    const { file, seen } = watchReport(folder, watch);
    refuse = true;
    renameSync(folder, `${folder}.old`);
    mkdirSync(folder);
    await until('the trouble reported', () =>
      seen.notices.includes('trouble: cannot watch the folder (ENOSPC): saves are not seen; trying again'),
    );
    await settle();
    expect(seen.notices.filter((n) => n.startsWith('trouble: cannot watch'))).toHaveLength(1);
    refuse = false;
    await until('the folder to be watched again', () => seen.notices.some((n) => n.startsWith('note: watching')));
    const before = seen.changes;
    writeFileSync(file, '{}');
    await until('the save', () => seen.changes > before);
  });
});
