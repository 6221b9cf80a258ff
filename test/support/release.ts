// Runs the project's release and install commands as a user runs them (the
// built CLIs, in their own processes), for the release tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROGRAM_NAME, PROVIDER_VERSION } from '../../provider/src/provider-address';
import { REPO_ROOT } from './paths';
import { describeResult, runProcess, type ProcessResult } from './process';

const RELEASE_SCRIPT = path.join(REPO_ROOT, 'dist', 'provider', 'src', 'release', 'release.js');
const CLI = path.join(REPO_ROOT, 'provider', 'bin', 'cli.js');
/** Building two ~100 MB executables and zipping them takes ~25 s here; the guard only stops a hang. */
const GUARD_MS = 300_000;

async function node(args: string[], env: NodeJS.ProcessEnv, cwd: string = REPO_ROOT): Promise<ProcessResult> {
  if (!fs.existsSync(RELEASE_SCRIPT)) throw new Error(`${RELEASE_SCRIPT} does not exist: run \`npm run build\``);
  return runProcess(process.execPath, args, { cwd, env: { ...process.env, ...env }, guardMs: GUARD_MS });
}

/** `npm run release -- --out DIR --gpg-key KEY` (the script that npm script runs after its build). */
export async function runRelease(outDir: string, gpgKey: string, env: NodeJS.ProcessEnv): Promise<void> {
  const r = await node([RELEASE_SCRIPT, '--out', outDir, '--gpg-key', gpgKey, '--version', PROVIDER_VERSION], env);
  if (r.code !== 0) throw new Error(describeResult('release', r));
}

/** `npx terraform-provider-cognitoidentity install --mirror DIR --source ADDR`, run from `cwd`. */
export function runInstall(mirrorDir: string, source: string, cwd: string): Promise<ProcessResult> {
  return node([CLI, 'install', '--mirror', mirrorDir, '--source', source], {}, cwd);
}

export function releaseFile(dir: string, suffix: string): string {
  return path.join(dir, `${PROGRAM_NAME}_${PROVIDER_VERSION}_${suffix}`);
}
