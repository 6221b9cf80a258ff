// Runs the commands a README shows, as written: its ```sh blocks, in a shell
// whose environment is a new user's (a fresh HOME, no AWS or Terraform
// settings), so the docs cannot drift from what works.

import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';

/** The ```sh blocks of a Markdown file, in order. */
export function shellBlocks(markdownFile: string): string[] {
  const text = readFileSync(markdownFile, 'utf8');
  return [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/**
 * A new user's shell: PATH and a fresh HOME, nothing of the caller's AWS or
 * Terraform settings. The Node binaries the release build downloads stay in
 * the caller's cache, so each run does not fetch them again.
 */
export function newUserEnv(home: string): NodeJS.ProcessEnv {
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
  };
}
