// Finds the filesystem mirror that holds hashicorp/aws, which the demo's
// identity pool needs. Nothing is downloaded: the demo runs offline.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const AWS_PROVIDER_VERSION = '5.100.0';
const KNOWN_MIRRORS = ['/opt/tf-plugins', '/usr/local/share/terraform/plugins', '/usr/share/terraform/plugins'];

export function findAwsProviderMirror(): string {
  const suffix = path.join('registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION);
  const known = KNOWN_MIRRORS.find((dir) => fs.existsSync(path.join(dir, suffix)));
  if (known) return known;
  let found = '';
  try {
    found = execFileSync(
      'find',
      ['/', '-xdev', '-path', `*registry.terraform.io/hashicorp/aws/${AWS_PROVIDER_VERSION}/*`, '-name', 'terraform-provider-aws*', '-print', '-quit'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch (err) {
    // find exits non-zero on unreadable directories but may still have printed a match.
    found = (err as { stdout?: string }).stdout ?? '';
  }
  const first = found.trim().split('\n')[0] ?? '';
  const at = first.indexOf(`${path.sep}registry.terraform.io${path.sep}`);
  if (at < 0) {
    throw new Error(
      `no filesystem mirror of hashicorp/aws ${AWS_PROVIDER_VERSION} found (searched ${KNOWN_MIRRORS.join(', ')} and /). ` +
        `Place terraform-provider-aws in <mirror>/registry.terraform.io/hashicorp/aws/${AWS_PROVIDER_VERSION}/<os_arch>/.`,
    );
  }
  return first.slice(0, at);
}
