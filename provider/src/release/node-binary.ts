// Fetches a platform's official Node binary from the npm registry (through
// `npm pack`, so the user's registry, proxy and cache settings apply), checks
// it against the integrity pinned in targets.ts and keeps it in a cache.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROGRAM_NAME } from '../provider-address';
import { NODE_VERSION, type ReleaseTarget } from './targets';

/** A download of ~45 MB; npm gives up sooner on its own when the registry is unreachable. */
const FETCH_TIMEOUT_MS = 300_000;

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, PROGRAM_NAME);
}

function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: FETCH_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}): ${result.stderr.trim().slice(-1500)}`);
}

function fetchTarball(target: ReleaseTarget, dir: string): string {
  const spec = `${target.nodePackage}@${NODE_VERSION}`;
  const tarball = path.join(dir, `${target.nodePackage}-${NODE_VERSION}.tgz`);
  if (!fs.existsSync(tarball)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    run(npm, ['pack', spec, '--pack-destination', dir, '--silent'], `fetching ${spec} from the npm registry (npm pack)`);
  }
  const got = integrityOf(tarball);
  if (got !== target.integrity) {
    fs.rmSync(tarball, { force: true });
    throw new Error(
      `${spec} from the npm registry has integrity ${got}, but ${target.integrity} is pinned (provider/src/release/targets.ts); refusing to build on it`,
    );
  }
  return tarball;
}

/** The path of `target`'s Node binary, downloading and unpacking it the first time. */
export function nodeBinary(target: ReleaseTarget, cacheDir: string = defaultCacheDir()): string {
  const dir = path.join(cacheDir, `node-${NODE_VERSION}`, target.nodePackage);
  const binary = path.join(dir, target.binaryInTarball);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, { recursive: true });
  const tarball = fetchTarball(target, dir);
  // Unpack next to the final place, then rename: a parallel build never sees half a binary.
  const staging = fs.mkdtempSync(path.join(dir, 'unpack-'));
  try {
    run('tar', ['-xzf', tarball, '-C', staging, target.binaryInTarball], `unpacking ${tarball}`);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.renameSync(path.join(staging, target.binaryInTarball), binary);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}
