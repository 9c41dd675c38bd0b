// Telling a running build from what a dead one left. A process number alone proves little:
// in a container every run starts with the same few numbers, so the number in a lock left
// by a killed build is soon another process's, often one that never ends (PID 1), or this
// very process's. A lock therefore records the process's number and its start time (from
// /proc/<pid>/stat, in clock ticks after boot), which together name one process instance;
// a lock without a start time (written by hand, or by an earlier version) is judged by the
// command the process runs.

import { readdirSync, readFileSync } from 'node:fs';

/** Whether a process of that number exists (one we may not signal exists too). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The fields of /proc/<pid>/stat from field 3 on (fields[0] is field 3, the state); undefined
 * when /proc cannot say (not Linux, or gone).
 */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** When the process started, in clock ticks after boot; undefined when /proc cannot say (not Linux, or gone). */
export function startOf(pid: number): string | undefined {
  // Field 22, starttime.
  const start = statFields(pid)?.[19];
  return start && /^\d+$/.test(start) ? start : undefined;
}

/**
 * Whether a process of group `group` still runs: one that is not a zombie (dead, only not
 * yet reaped by its parent). False where /proc cannot say.
 */
export function groupRunning(group: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return false;
  }
  return names.some((name) => {
    if (!/^\d+$/.test(name)) return false;
    const fields = statFields(name);
    // Field 3, the state; field 5, the process group.
    return fields !== undefined && Number(fields[2]) === group && fields[0] !== 'Z' && fields[0] !== 'X';
  });
}

/** A process instance: its number and, where the system tells, its start time. */
export interface Instance {
  pid: number;
  start?: string | undefined;
}

/** This process, as a lock or a stage records it: `<pid> <start>`. */
export function stampOf(pid = process.pid): string {
  const start = startOf(pid);
  return start === undefined ? `${pid}` : `${pid} ${start}`;
}

/** The instance a stamp names; undefined when the text is not a stamp. */
export function parseStamp(text: string): Instance | undefined {
  const match = /^(\d{1,10})(?: (\d{1,20}))?\n?$/.exec(text);
  if (!match) return undefined;
  const pid = Number(match[1]);
  return pid > 0 ? { pid, start: match[2] } : undefined;
}

/**
 * Whether a command line is the `briefing` command: Node running its bin (bin/briefing.js,
 * an npm `.bin/briefing` link, or the CLI's bin.js / bin.ts, built or from source).
 */
export function isBriefingCommand(args: readonly string[]): boolean {
  const [program, ...rest] = args;
  if (!program || !/(?:^|\/)node(?:js)?(?:\d+(?:\.\d+)*)?$/.test(program)) return false;
  return rest.some((arg) => /(?:^|\/)briefing(?:\.js)?$|\/(?:cli|briefing)\/(?:src|dist)\/bin\.[jt]s$/.test(arg));
}

function commandOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/**
 * Whether the instance is still running, or why not, as words that follow "process N, which":
 * gone; there but started at another time (its number reused); or, for a stamp without a
 * start time, there but not running `briefing`. Where /proc says nothing, a process that
 * exists counts as running.
 */
export function stillRunning(instance: Instance): { running: true } | { running: false; why: string } {
  if (!alive(instance.pid)) return { running: false, why: 'is no longer running' };
  const start = startOf(instance.pid);
  if (start === undefined) return { running: true };
  if (instance.start !== undefined) {
    return start === instance.start
      ? { running: true }
      : { running: false, why: 'ended; its number now belongs to another process' };
  }
  const command = commandOf(instance.pid);
  if (command === undefined || isBriefingCommand(command)) return { running: true };
  return { running: false, why: `is not a briefing command (${command[0] ?? 'unknown'})` };
}
