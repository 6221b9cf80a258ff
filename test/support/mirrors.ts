// Provider mirrors for Terraform: ours (built from this repo) and the
// hashicorp/aws mirror already on the machine. Terraform never reaches a
// registry in tests; both come from filesystem mirrors.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROVIDER_INSTALL, requireBuiltProvider } from './paths';

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

export interface InstalledProvider {
  sourceAddress: string;
  version: string;
  executable: string;
}

interface InstallModule {
  installProvider(opts: { mirrorDir: string }): InstalledProvider;
}

let ourMirror: string | undefined;

/**
 * A mirror holding this repo's provider, created once per test process and
 * removed when the process exits. Uses the project's installer when it is
 * built; otherwise places an equivalent launcher itself.
 */
export function ourProviderMirror(): string {
  if (ourMirror) return ourMirror;
  requireBuiltProvider();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognitoidentity-mirror-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  if (fs.existsSync(PROVIDER_INSTALL)) {
    const installer = require(PROVIDER_INSTALL) as InstallModule;
    const installed = installer.installProvider({ mirrorDir: dir });
    if (installed.sourceAddress !== OUR_SOURCE || installed.version !== OUR_VERSION) {
      throw new Error(`installProvider placed ${installed.sourceAddress} ${installed.version}; tests expect ${OUR_SOURCE} ${OUR_VERSION}`);
    }
  } else {
    placeLauncher(dir);
  }
  return (ourMirror = dir);
}

/** Stand-in for installProvider: the unpacked mirror layout with a shell launcher. */
function placeLauncher(mirrorDir: string): void {
  const main = requireBuiltProvider();
  writeLauncher(mirrorDir, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(main)} "$@"\n`);
}

function writeLauncher(mirrorDir: string, script: string): void {
  const platformDir = path.join(mirrorDir, OUR_SOURCE, OUR_VERSION, 'linux_amd64');
  fs.mkdirSync(platformDir, { recursive: true });
  fs.writeFileSync(path.join(platformDir, `terraform-provider-cognitoidentity_v${OUR_VERSION}`), script, { mode: 0o755 });
}

/**
 * A mirror (inside `dir`) whose launcher also copies everything the provider
 * writes to stdout into `captureFile`, for tests of what the provider prints.
 */
export function stdoutCapturingMirror(dir: string, captureFile: string): string {
  const mirrorDir = path.join(dir, 'capturing-mirror');
  const main = requireBuiltProvider();
  writeLauncher(
    mirrorDir,
    `#!/bin/bash\nexec > >(tee -a ${shellQuote(captureFile)})\nexec ${shellQuote(process.execPath)} ${shellQuote(main)} "$@"\n`,
  );
  return mirrorDir;
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
