import { type FSWatcher, type Stats, statSync, watch as watchFs } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { CliError, EXIT } from '../edge/errors.js';

export interface FolderWatchOptions {
  /** Whether a change to the file of this name, in the folder, is one to act on. */
  relevant: (name: string) => boolean;
  /** Something the watched file may have changed: saved, or found again in a new folder. */
  onChange: () => void;
  /** Something the author should know: the folder went away or cannot be watched (trouble), or is watched again. */
  onNotice: (text: string, trouble: boolean) => void;
  /** How the folder is named on the terminal. */
  shown: string;
  /** How often the folder is checked for having been replaced (ms). */
  pollMs?: number;
  /** `fs.watch`; tests hand in one that fails. */
  watch?: typeof watchFs;
}

/** How often the folder is looked at again: a replaced folder is followed within this time. */
const POLL_MS = 400;

/**
 * Watch the folder holding `file` (editors save by writing in place or by renaming a temp file
 * over the original, so the folder, not the file, is watched) and call `onChange` for the
 * changes `relevant` names. The watch follows the folder itself (its inode): when the folder
 * is renamed away and made again, or replaced by an editor or git, the old one is let go and
 * the new one watched; `onChange` is then called, since the file may have changed meanwhile.
 * The folder is looked at again on each event of its own and every `pollMs`. What happens
 * to it (gone, back, cannot be watched) is told through `onNotice`, each state once.
 * Throws a CliError when the folder cannot be watched at the start (it does not exist, say).
 */
export function watchFolderOf(file: string, options: FolderWatchOptions): { close(): void } {
  const dir = dirname(file);
  const { relevant, onChange, onNotice, shown } = options;
  const watch = options.watch ?? watchFs;
  let armed: { watcher: FSWatcher; dev: number; ino: number } | undefined;
  let closed = false;
  let checking = false;
  /** What the author was last told, if the watch is not as it was at the start; said once each. */
  let told: string | undefined;
  const tell = (text: string) => {
    if (text !== told) onNotice(text, true);
    told = text;
  };
  const gone = `${shown} is gone (moved or deleted): watching for it to come back`;

  const disarm = () => {
    armed?.watcher.close();
    armed = undefined;
  };
  const arm = (at: Stats) => {
    const watcher = watch(dir, (_event, name) => {
      const changed = name?.toString();
      // The folder's own name: the folder itself may have been moved or deleted.
      if (changed === basename(dir)) void check();
      if (changed === undefined || relevant(changed)) onChange();
    });
    // A folder deleted under its watch can end the watch with an error: look again at once.
    watcher.on('error', () => {
      if (armed?.watcher === watcher) disarm();
      void check();
    });
    armed = { watcher, dev: at.dev, ino: at.ino };
  };

  /** Whether the folder at `dir` is still the one watched; if not, watch the one there now. */
  const check = async () => {
    if (closed || checking) return;
    checking = true;
    try {
      const now = await stat(dir).catch(() => undefined);
      if (closed || (armed && now && now.dev === armed.dev && now.ino === armed.ino)) return;
      // Another folder than the one watched, or one where there was none.
      const replaced = armed !== undefined || told === gone;
      disarm();
      if (!now?.isDirectory()) {
        tell(gone);
        return;
      }
      try {
        arm(now);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        tell(`cannot watch ${shown} (${code}): saves are not seen; trying again`);
        return;
      }
      onNotice(`watching ${shown} again${replaced ? ': the folder was replaced' : ''}`, false);
      told = undefined;
      // Saved while no watch was on it? Only when it is there: its creation is seen otherwise.
      if (
        await stat(file).then(
          () => true,
          () => false,
        )
      )
        onChange();
    } finally {
      checking = false;
    }
  };

  try {
    arm(statSync(dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (code ?? 'unknown error');
    throw new CliError(`cannot watch ${shown}: ${why}`, EXIT.usage);
  }
  const timer = setInterval(() => void check(), options.pollMs ?? POLL_MS);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      disarm();
    },
  };
}
