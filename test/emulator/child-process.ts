/** Runs the built CLI as a child process and reads its endpoint line. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = join(__dirname, '..', '..');
export const CLI_SHIM = join(REPO, 'emulator', 'bin', 'cognito-identity-emulator.js');
const BUILT_CLI = join(REPO, 'dist', 'emulator', 'src', 'cli.js');

export interface EmulatorChild {
  child: ChildProcessWithoutNullStreams;
  endpoint: string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Fails (never skips) when the build is missing. */
export function requireBuild(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" before these tests.`);
}

export function runCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | string>;
} {
  requireBuild();
  const child = spawn(process.execPath, [CLI_SHIM, ...args], { cwd: REPO });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Starts the CLI and waits for the first stdout line (the endpoint). */
export async function startChild(args: string[]): Promise<EmulatorChild> {
  const run = runCli(args);
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: run.child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    run.exited.then((code) => reject(new Error(`emulator exited (${code}) before printing its endpoint: ${run.stderr()}`)));
  });
  return { child: run.child, endpoint: firstLine, stderr: run.stderr, exited: run.exited };
}
