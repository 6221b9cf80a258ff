// Runs the commands a README shows, as written: the ```sh blocks of its
// "Try it against the local emulator" section, in a shell whose environment is
// a new user's (a fresh HOME, no AWS or Terraform settings), so the docs
// cannot drift from what works. The first block starts the emulator (a
// terminal of its own); the second is the user's session.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeResult, runProcess, signalGroup, startProcess, waitForOutput, type ProcessResult } from './process';

export const TRY_IT_HEADING = '## Try it against the local emulator';

/** The fenced blocks of one language (```sh, ```ts, ...) in a section of a Markdown file, in order. */
export function fencedBlocks(markdownFile: string, heading: string, language: string): string[] {
  const text = fs.readFileSync(markdownFile, 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${markdownFile} has no "${heading}" section`);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp(`^\`\`\`${language}\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');
}

/** The ```sh blocks of a section (by default the "Try it" one) of a Markdown file, in order. */
export function shellBlocks(markdownFile: string, heading: string = TRY_IT_HEADING): string[] {
  return fencedBlocks(markdownFile, heading, 'sh');
}

/**
 * A new user's shell: PATH and a fresh HOME, nothing of the caller's AWS or
 * Terraform settings. The Node binaries the release build downloads stay in
 * the caller's cache, so each run does not fetch them again.
 */
export function newUserEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'LANG', 'LC_ALL', 'TMPDIR', 'SSL_CERT_FILE']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return {
    ...env,
    HOME: home,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
    CHECKPOINT_DISABLE: '1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** The names in `dir` that `runFiles` stands for: a name as it is, a pattern for every name it matches. */
function runFilesIn(dir: string, runFiles: readonly (string | RegExp)[]): string[] {
  const names = fs.readdirSync(dir);
  return runFiles.flatMap((f) => (typeof f === 'string' ? [f] : names.filter((n) => f.test(n))));
}

export interface ReadmeRun {
  /** The session's stdout, without colour escapes. */
  out: string;
  result: ProcessResult;
}

/**
 * Runs a README's "Try it" blocks (or those of `section`, a heading) in its own directory. `whileServing` runs
 * after the session, with the emulator still up (to check through the API).
 * `runFiles` (what the session writes next to the example: names, or patterns of names) are removed before and after.
 */
export async function runReadme(
  readme: string,
  options: { env?: NodeJS.ProcessEnv; runFiles: (string | RegExp)[]; whileServing?: (run: ReadmeRun) => Promise<void>; section?: string },
): Promise<ReadmeRun> {
  const heading = options.section ?? TRY_IT_HEADING;
  const [emulatorBlock, commands, extra] = shellBlocks(readme, heading);
  if (emulatorBlock === undefined || commands === undefined || extra !== undefined) {
    throw new Error(`${readme}: the "${heading}" section needs exactly two sh blocks (the emulator, then the session)`);
  }
  const dir = path.dirname(readme);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-home-'));
  const remove = () => runFilesIn(dir, options.runFiles).forEach((f) => fs.rmSync(path.join(dir, f), { recursive: true, force: true }));
  remove();
  const env = newUserEnv(home, options.env);
  const emulator = startProcess('bash', ['-euc', emulatorBlock], { cwd: dir, env, detached: true });
  try {
    await waitForOutput(emulator, /http:\/\/127\.0\.0\.1:\d+/);
    const result = await runProcess('bash', ['-euo', 'pipefail', '-c', commands], { cwd: dir, env, guardMs: 160_000 });
    if (result.code !== 0) throw new Error(describeResult(`the commands of ${readme}`, result));
    // As a terminal shows it, in colour: compare the text without the escapes.
    const run = { result, out: result.stdout.replace(/\x1b\[[0-9;]*m/g, '') };
    await options.whileServing?.(run);
    return run;
  } finally {
    if (emulator.child.exitCode === null && emulator.child.signalCode === null) signalGroup(emulator.child, 'SIGTERM');
    await emulator.done.catch(() => undefined);
    remove();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
