// Finding and killing processes in a test's own process tree, for the
// crash tests: the provider is found as a descendant of the test's terraform,
// never by name across the machine (other tests run providers too).

import * as fs from 'node:fs';
import { PROVIDER_MAIN } from './paths';

/** Parent pid from /proc/<pid>/stat, or undefined once the process is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may hold spaces or parentheses; fields after the last ')' are fixed.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Every live process below `root` (children, grandchildren, ...). */
export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(Number(entry));
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const [pid, ppid] of parents) if (frontier.includes(ppid)) next.push(pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** The pids of our provider (node running the built main.js) started by the terraform process `terraformPid`. */
export function providerPids(terraformPid: number): number[] {
  return descendants(terraformPid).filter((pid) => commandLine(pid).includes(PROVIDER_MAIN));
}

/** Whether `pid` is (still) one of our providers; a pid that exited may since name another process. */
export function isProvider(pid: number): boolean {
  return commandLine(pid).includes(PROVIDER_MAIN);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `check` is true, polling; the caller's jest timeout bounds the wait. */
export async function until(check: () => boolean, what: string, pollMs = 25, limitMs = 150_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`gave up waiting for ${what} after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
