// Where the plans of one Terraform run are kept for its later provider
// processes (plan-ledger.ts): one file per run, in a directory only this
// user can open, named after the Terraform process that started us.
//
// A run is Terraform's pid together with the time that process started (so a
// reused pid is another run). Both come from /proc; where there is no /proc
// (macOS, Windows) there is no ledger and the final plan reads Cognito again,
// as before. Files of runs whose Terraform is gone are removed by the next
// provider that opens the directory.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface LedgerStore {
  /** Every line written so far by any process of this run. */
  load(): string[];
  append(line: string): void;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses; the fields after its last ')' are fixed.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** A directory under the temp dir that belongs to this user and nobody else can read, or undefined. */
function privateDirectory(base: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = path.join(base, `cognitoidentity-plans-${uid}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  // Another user could have made it first (a shared /tmp): only our own, private, real directory will do.
  const st = fs.lstatSync(dir);
  return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0 ? dir : undefined;
}

/** Removes the files of runs whose Terraform process has ended. */
function sweep(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const match = /^(\d+)-(\d+)\.jsonl$/.exec(name);
    if (match === null) continue;
    if (startTimeOf(Number(match[1])) === match[2]) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The ledger file of the Terraform run this process belongs to, or undefined
 * when that cannot be known safely (no /proc, no private directory, any I/O error).
 */
export function openRunLedger(base: string = os.tmpdir(), parentPid: number = process.ppid): LedgerStore | undefined {
  const started = startTimeOf(parentPid);
  if (started === undefined || parentPid <= 1) return undefined;
  try {
    const dir = privateDirectory(base);
    if (dir === undefined) return undefined;
    sweep(dir);
    return fileStore(path.join(dir, `${parentPid}-${started}.jsonl`));
  } catch {
    return undefined;
  }
}

function fileStore(file: string): LedgerStore {
  return {
    load() {
      try {
        return fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line !== '');
      } catch {
        return [];
      }
    },
    append(line) {
      // One write per line in append mode: lines of concurrent writers do not interleave.
      fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
    },
  };
}
