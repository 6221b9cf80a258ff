// `npm run release -- --out DIR [--gpg-key KEY_ID] [--version V] [--platforms a,b]`
// writes HashiCorp's provider release layout into DIR (docs/releasing.md):
//   terraform-provider-cognitoidentity_{V}_{os}_{arch}.zip   one SEA executable each
//   terraform-provider-cognitoidentity_{V}_manifest.json     protocol 6.0
//   terraform-provider-cognitoidentity_{V}_SHA256SUMS        sha256sum format, zips and manifest
//   terraform-provider-cognitoidentity_{V}_SHA256SUMS.sig    binary detached GPG signature (with --gpg-key)

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROGRAM_NAME, PROVIDER_VERSION } from '../provider-address';
import { buildPackage, seaBundlePath } from './package-zip';
import { DEFAULT_PLATFORMS, PROTOCOL_VERSIONS } from './targets';

interface ReleaseOptions {
  outDir: string;
  version: string;
  platforms: readonly string[];
  gpgKey?: string;
  cacheDir?: string;
}

const GPG_TIMEOUT_MS = 60_000;

function releaseFileName(version: string, suffix: string): string {
  return `${PROGRAM_NAME}_${version}_${suffix}`;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function sign(sums: string, keyId: string): void {
  // --batch: never prompt (a CI job has no terminal); gpg honours GNUPGHOME itself.
  const result = spawnSync('gpg', ['--batch', '--yes', '--local-user', keyId, '--detach-sign', '--output', `${sums}.sig`, sums], {
    encoding: 'utf8',
    timeout: GPG_TIMEOUT_MS,
  });
  if (result.error) throw new Error(`cannot run gpg to sign ${path.basename(sums)}: ${result.error.message}`);
  if (result.status !== 0) {
    const home = process.env.GNUPGHOME ?? '~/.gnupg';
    throw new Error(`gpg could not sign with key ${keyId} (GNUPGHOME ${home}): ${result.stderr.trim().slice(-800)}`);
  }
}

/** Builds every platform's zip, then the manifest, checksums and signature. Returns the files written. */
async function release(options: ReleaseOptions): Promise<string[]> {
  const { outDir, version } = options;
  fs.mkdirSync(outDir, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-release-'));
  const bundle = seaBundlePath(path.resolve(__dirname, '..', '..'));
  const sums: [string, string][] = [];
  try {
    for (const platform of options.platforms) {
      const built = await buildPackage({ platform, version, bundle, workDir, cacheDir: options.cacheDir });
      fs.writeFileSync(path.join(outDir, built.fileName), built.zip);
      sums.push([built.fileName, sha256(built.zip)]);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const manifestName = releaseFileName(version, 'manifest.json');
  const manifest = Buffer.from(`${JSON.stringify({ version: 1, metadata: { protocol_versions: PROTOCOL_VERSIONS } }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, manifestName), manifest);
  sums.push([manifestName, sha256(manifest)]);

  const sumsFile = path.join(outDir, releaseFileName(version, 'SHA256SUMS'));
  const lines = sums.sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, hash]) => `${hash}  ${name}\n`);
  fs.writeFileSync(sumsFile, lines.join(''));
  const written = [...sums.map(([name]) => name), path.basename(sumsFile)];
  if (options.gpgKey) {
    sign(sumsFile, options.gpgKey);
    written.push(`${path.basename(sumsFile)}.sig`);
  }
  return written;
}

const USAGE = `Usage: npm run release -- --out DIR [--gpg-key KEY_ID] [--version V] [--platforms ${DEFAULT_PLATFORMS.join(',')}]`;

function parseReleaseArgs(args: readonly string[]): ReleaseOptions {
  const values = new Map<string, string>();
  const rest = [...args];
  for (let flag = rest.shift(); flag !== undefined; flag = rest.shift()) {
    const value = rest.shift();
    if (!['--out', '--gpg-key', '--version', '--platforms'].includes(flag)) throw new Error(`unknown option ${flag}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    values.set(flag, value);
  }
  const outDir = values.get('--out');
  if (!outDir) throw new Error(`--out is required\n${USAGE}`);
  const version = values.get('--version') ?? PROVIDER_VERSION;
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`--version ${JSON.stringify(version)} is not a semantic version (like 1.2.3)`);
  const platforms = (values.get('--platforms') ?? DEFAULT_PLATFORMS.join(',')).split(',').filter(Boolean);
  return { outDir: path.resolve(outDir), version, platforms, gpgKey: values.get('--gpg-key') };
}

async function main(): Promise<void> {
  try {
    const options = parseReleaseArgs(process.argv.slice(2));
    const written = await release(options);
    process.stdout.write(`Wrote to ${options.outDir}:\n${written.map((f) => `  ${f}\n`).join('')}`);
    if (!options.gpgKey) process.stdout.write('No --gpg-key: SHA256SUMS is not signed, so no registry will accept this release.\n');
  } catch (err) {
    process.stderr.write(`release: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
