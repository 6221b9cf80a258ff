// Builds one platform's provider executable as a Node.js single executable
// application: the whole provider bundle (AWS SDK included, see
// provider/scripts/bundle.js) turned into a SEA blob and injected into that
// platform's official Node binary.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeBinary } from './node-binary';
import { hostPlatform, NODE_VERSION, TARGETS, type ReleaseTarget } from './targets';

/** The fuse Node looks for to know it carries a blob (from Node's SEA docs). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const BLOB_TIMEOUT_MS = 120_000;

/**
 * The parts of the provider that a start compiles only when it needs them
 * (provider/scripts/sea-bundle.js): files next to the main script, carried in
 * the executable as SEA assets of the same names.
 */
export const SEA_STAGE2_ASSET = 'provider-sea-stage2.js';
export const SEA_SDK_ASSET = 'provider-sea-sdk.js';

export interface SeaBuild {
  target: ReleaseTarget;
  /** The single-file bundle to run as the main script (dist/provider/provider-sea.js). */
  bundle: string;
  /** A scratch directory of the caller's. */
  workDir: string;
  cacheDir?: string;
}

/**
 * The Node that writes the blob: the pinned binary of the build host, since
 * the blob format belongs to one Node version. Without a code cache the blob
 * is the same whichever platform writes it.
 */
function blobWriter(build: SeaBuild): string {
  const host = hostPlatform();
  const writer = TARGETS.find((t) => t.platform === host);
  if (!writer) throw new Error(`cannot build releases on ${host}: no pinned Node ${NODE_VERSION} for it (provider/src/release/targets.ts)`);
  return nodeBinary(writer, build.cacheDir);
}

function writeBlob(build: SeaBuild): string {
  const blob = path.join(build.workDir, `${build.target.platform}.blob`);
  const config = path.join(build.workDir, `${build.target.platform}.sea.json`);
  // No code cache (useCodeCache): V8 writes it with a random hash seed, so the
  // blob would differ on every build, and an install would not match the
  // release's lock file hashes. Seeding V8 (--hash-seed) changes its flag hash,
  // and the cache is then rejected at start (both measured; docs/releasing.md).
  const assets = Object.fromEntries([SEA_STAGE2_ASSET, SEA_SDK_ASSET].map((name) => [name, path.join(path.dirname(build.bundle), name)]));
  fs.writeFileSync(
    config,
    JSON.stringify({ main: build.bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false, assets }),
  );
  const result = spawnSync(blobWriter(build), ['--experimental-sea-config', config], {
    encoding: 'utf8',
    timeout: BLOB_TIMEOUT_MS,
    // Only what Node needs: no NODE_OPTIONS or the like from the caller may change the blob.
    env: { PATH: process.env.PATH ?? '' },
  });
  if (result.error || result.status !== 0) {
    throw new Error(`node ${NODE_VERSION} could not write the SEA blob: ${result.error?.message ?? result.stderr.trim()}`);
  }
  return blob;
}

/**
 * Node reads NODE_EXTRA_CA_CERTS before any JavaScript runs and builds its
 * whole root store then, on every start. Renamed (same length, so nothing
 * moves), Node ignores it and plugin/extra-ca-certs.ts applies it at the
 * first TLS connection instead. Every occurrence is renamed: the one Node
 * reads, and the same name in Node's help text.
 */
const EXTRA_CA_ENV = Buffer.from('NODE_EXTRA_CA_CERTS');
const EXTRA_CA_ENV_RENAMED = Buffer.from('NODE_EXTRA_CA_LAZY_');

function renameExtraCaVariable(node: Buffer): Buffer {
  const out = Buffer.from(node);
  let count = 0;
  for (let at = out.indexOf(EXTRA_CA_ENV); at >= 0; at = out.indexOf(EXTRA_CA_ENV, at + EXTRA_CA_ENV.length)) {
    EXTRA_CA_ENV_RENAMED.copy(out, at);
    count++;
  }
  // Without a rename Node would load the file itself and the provider would add it again: refuse.
  if (count === 0) throw new Error(`this Node binary does not contain ${EXTRA_CA_ENV.toString()}; cannot make it read the variable lazily`);
  return out;
}

/** Writes the executable for `build.target` to `output` and returns its bytes. */
export async function buildExecutable(build: SeaBuild, output: string): Promise<Buffer> {
  if (!fs.existsSync(build.bundle)) throw new Error(`${build.bundle} does not exist: run \`npm run build\` first`);
  const blob = fs.readFileSync(writeBlob(build));
  fs.writeFileSync(output, renameExtraCaVariable(fs.readFileSync(nodeBinary(build.target, build.cacheDir))));
  fs.chmodSync(output, 0o755);
  // postject is loaded only here: serving the provider never needs it.
  const { inject } = await import('postject');
  await withQuietConsole(() => inject(output, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE }));
  return fs.readFileSync(output);
}

/** postject prints progress and a harmless ELF note warning on the console; keep our output ours. */
async function withQuietConsole<T>(work: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
