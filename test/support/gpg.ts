// A throwaway GPG home with one signing key, for release tests. The agent gpg
// starts is stopped in `remove`, so no process outlives the test.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestGpg {
  home: string;
  keyId: string;
  publicKey: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

function gpg(home: string, args: string[]): string {
  const r = spawnSync('gpg', ['--batch', '--homedir', home, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`gpg ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

export function createTestGpg(): TestGpg {
  // Short path: the agent's socket lives in the home, and socket paths are limited to ~100 bytes.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gpg-'));
  fs.chmodSync(home, 0o700);
  gpg(home, ['--passphrase', '', '--quick-generate-key', 'Release Test <release-test@example.invalid>', 'rsa2048', 'sign', '2d']);
  const keyLine = gpg(home, ['--with-colons', '--list-secret-keys'])
    .split('\n')
    .find((l) => l.startsWith('sec:'));
  const keyId = keyLine?.split(':')[4];
  if (!keyId) throw new Error('gpg made no key');
  const publicKey = gpg(home, ['--armor', '--export', keyId]);
  return {
    home,
    keyId,
    publicKey,
    env: { GNUPGHOME: home },
    remove: () => {
      spawnSync('gpgconf', ['--homedir', home, '--kill', 'all'], { timeout: 10_000 });
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
