// Provider mirrors for Terraform: ours (built from this repo) and the
// hashicorp/aws mirror already on the machine. Terraform never reaches a
// registry in tests; both come from filesystem mirrors.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installProvider } from '../../provider/src/install';
import { requireBuiltProvider } from './paths';

export const OUR_SOURCE = 'terraform.local/cognito/cognitoidentity';
export const OUR_VERSION = '0.1.0';
export const AWS_PROVIDER_VERSION = '5.100.0';

const AWS_MIRROR_CANDIDATES = ['/opt/tf-plugins'];

let awsMirror: string | undefined;

/**
 * The filesystem mirror that holds registry.terraform.io/hashicorp/aws.
 * Looks in the known place first, then searches the filesystem once.
 */
export function findAwsProviderMirror(): string {
  if (awsMirror) return awsMirror;
  const suffix = path.join('registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION);
  for (const dir of AWS_MIRROR_CANDIDATES) {
    if (fs.existsSync(path.join(dir, suffix))) return (awsMirror = dir);
  }
  let found = '';
  try {
    found = execFileSync(
      'find',
      ['/', '-xdev', '-path', `*registry.terraform.io/hashicorp/aws/${AWS_PROVIDER_VERSION}/*`, '-name', 'terraform-provider-aws*', '-print', '-quit'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
  } catch (e) {
    // find exits non-zero on unreadable directories but may still have printed a match.
    found = ((e as { stdout?: string }).stdout ?? '').trim().split('\n')[0] ?? '';
  }
  const marker = `${path.sep}registry.terraform.io${path.sep}`;
  const at = found.indexOf(marker);
  if (!found || at < 0) {
    throw new Error(
      `No filesystem mirror of hashicorp/aws ${AWS_PROVIDER_VERSION} found (looked in ${AWS_MIRROR_CANDIDATES.join(', ')} and searched / for ` +
        `registry.terraform.io/hashicorp/aws/${AWS_PROVIDER_VERSION}/*/terraform-provider-aws*). Place it in /opt/tf-plugins.`,
    );
  }
  return (awsMirror = found.slice(0, at));
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
  const installed = installProvider({ mirrorDir: dir, entryPoint: requireBuiltProvider() });
  if (installed.sourceAddress !== OUR_SOURCE || installed.version !== OUR_VERSION) {
    throw new Error(`installProvider placed ${installed.sourceAddress} ${installed.version}; tests expect ${OUR_SOURCE} ${OUR_VERSION}`);
  }
  return (ourMirror = dir);
}

/**
 * A mirror (inside `dir`) whose launcher also copies everything the provider
 * writes to stdout into `captureFile`, for tests of what the provider prints.
 */
export function stdoutCapturingMirror(dir: string, captureFile: string): string {
  const mirrorDir = path.join(dir, 'capturing-mirror');
  const main = requireBuiltProvider();
  const { executable } = installProvider({ mirrorDir, entryPoint: main });
  // Same launcher, with the shell's stdout first routed through tee; node still replaces the shell.
  fs.writeFileSync(
    executable,
    `#!/bin/bash\nexec > >(tee -a ${shellQuote(captureFile)})\nexec ${shellQuote(process.execPath)} ${shellQuote(main)} "$@"\n`,
    { mode: 0o755 },
  );
  return mirrorDir;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
