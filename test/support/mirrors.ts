// Provider mirrors for Terraform: ours (built from this repo) and the
// hashicorp/aws mirror already on the machine. Terraform never reaches a
// registry in tests; both come from filesystem mirrors.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AWS_PROVIDER_VERSION, findAwsProviderMirror as findAwsMirrorOnMachine } from '../../examples/demo/aws-provider-mirror';
import { installProvider } from '../../provider/src/install';
import { requireBuiltProvider } from './paths';

export { AWS_PROVIDER_VERSION };

let awsMirror: string | undefined;

/**
 * The filesystem mirror that holds registry.terraform.io/hashicorp/aws, found
 * the way the demo finds it (known places, then one search of /), once per process.
 * Throws, so the test fails, saying where it looked when there is none.
 */
export function findAwsProviderMirror(): string {
  return (awsMirror ??= findAwsMirrorOnMachine());
}

let ourMirror: string | undefined;

/**
 * A mirror holding this repo's provider (placed by the project's installer),
 * created once per test process and removed when the process exits.
 */
export function ourProviderMirror(): string {
  if (ourMirror) return ourMirror;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognitoidentity-mirror-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  installProvider({ mirrorDir: dir, entryPoint: requireBuiltProvider() });
  return (ourMirror = dir);
}

/**
 * A mirror (inside `dir`) whose launcher also copies what the provider writes
 * to stdout and/or stderr into files, for tests of what the provider prints.
 */
export function capturingMirror(dir: string, capture: { stdout?: string; stderr?: string }): string {
  const mirrorDir = path.join(dir, 'capturing-mirror');
  const main = requireBuiltProvider();
  const { executable } = installProvider({ mirrorDir, entryPoint: main });
  // Same launcher, with the shell's streams first routed through tee; node still replaces the shell.
  const redirects = [
    capture.stdout ? `exec > >(tee -a ${shellQuote(capture.stdout)})` : '',
    capture.stderr ? `exec 2> >(tee -a ${shellQuote(capture.stderr)} >&2)` : '',
  ].filter((l) => l !== '');
  fs.writeFileSync(executable, ['#!/bin/bash', ...redirects, `exec ${shellQuote(process.execPath)} ${shellQuote(main)} "$@"`, ''].join('\n'), { mode: 0o755 });
  return mirrorDir;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
