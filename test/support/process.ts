// Runs a child process and collects its output. Every run has a safety
// timeout so a stuck process fails the test with a message instead of
// hanging the suite; the timeout is a guard, never a pass criterion.

import { spawn, type ChildProcess } from 'node:child_process';

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
  else child.stdin?.end();

  const guardMs = options.guardMs ?? 170_000;
  let guardFired = false;
  const guard = setTimeout(() => {
    guardFired = true;
    child.kill('SIGKILL');
  }, guardMs);

  const done = new Promise<ProcessResult>((resolve, reject) => {
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(new Error(`could not run ${command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      let stderr = Buffer.concat(err).toString('utf8');
      if (guardFired) stderr += `\n[test harness] ${command} ${args.join(' ')} was killed after ${guardMs} ms without exiting`;
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr, cwd: options.cwd });
    });
  });
  return { child, done };
}

/** Sends `signal` to the process group of a child started with `detached: true` (like Ctrl-C at a terminal). */
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
