// Runs a child process and collects its output. Every run has a safety
// timeout so a stuck process fails the test with a message instead of
// hanging the suite; the timeout is a guard, never a pass criterion.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProcessResult {
  /** Exit code, or null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Where it ran, so a failure message points at the kept working dir. */
  cwd?: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process (SIGKILL) after this long; the result then says so in stderr. Default 170 s. */
  guardMs?: number;
  input?: string;
  /** Leave stdin open for the test to write to (an answer to a prompt); otherwise it is closed at once. */
  keepStdinOpen?: boolean;
  /** The run directory a detached group is recorded in; default: this jest run's (temp-root.js). */
  runDir?: string;
  /** Start in a new process group, so a signal can reach the whole group as a terminal's Ctrl-C does. */
  detached?: boolean;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Resolves when the process has exited and its pipes are drained. */
  done: Promise<ProcessResult>;
}

/** Starts a process; use when the test must act on it while it runs (e.g. send SIGINT). */
export function startProcess(command: string, args: readonly string[], options: RunOptions = {}): RunningProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  if (options.input !== undefined) child.stdin?.end(options.input);
  else if (options.keepStdinOpen !== true) child.stdin?.end();

  const group = options.detached === true ? recordGroup(child, options.runDir ?? process.env.COGNITOIDENTITY_TEST_TMP) : undefined;
  const guardMs = options.guardMs ?? 170_000;
  let guardFired = false;
  const guard = setTimeout(() => {
    guardFired = true;
    if (group !== undefined) killGroup(child);
    else child.kill('SIGKILL');
  }, guardMs);

  const done = new Promise<ProcessResult>((resolve, reject) => {
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(new Error(`could not run ${command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      // The group's leader is gone; what it started in the background is killed with the group at teardown.
      if (group !== undefined && !groupAlive(child)) fs.rmSync(group, { force: true });
      let stderr = Buffer.concat(err).toString('utf8');
      if (guardFired) stderr += `\n[test harness] ${command} ${args.join(' ')} was killed after ${guardMs} ms without exiting`;
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr, cwd: options.cwd });
    });
  });
  return { child, done };
}

/** Sends `signal` to the process group of a child started with `detached: true` (like Ctrl-C at a terminal). */
/**
 * Records a detached child's process group under the run directory, so the
 * jest teardown kills it even if this worker dies first (temp-root.js).
 */
function recordGroup(child: ChildProcess, runDir: string | undefined): string | undefined {
  if (runDir === undefined || child.pid === undefined) return undefined;
  const dir = path.join(runDir, 'process-groups');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, String(child.pid));
  fs.writeFileSync(file, '');
  return file;
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    if (child.pid === undefined) return false;
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) throw new Error('process has no pid (it did not start)');
  process.kill(-child.pid, signal);
}

/** Resolves once the collected stdout matches `pattern`; rejects if the process exits first. */
export function waitForOutput(running: RunningProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (b: Buffer): void => {
      seen += b.toString('utf8');
      if (pattern.test(seen)) {
        running.child.stdout?.off('data', onData);
        resolve();
      }
    };
    running.child.stdout?.on('data', onData);
    void running.done.then((r) => reject(new Error(`process exited before printing ${pattern}:\n${describeResult('process', r)}`)));
  });
}

export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return startProcess(command, args, options).done;
}

/** A compact description of a result, for assertion messages. */
export function describeResult(label: string, r: ProcessResult): string {
  return `${label}: exit ${r.code ?? r.signal}${r.cwd ? ` (in ${r.cwd})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}
