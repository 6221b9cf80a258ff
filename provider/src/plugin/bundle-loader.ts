// Behind the provider executable (provider/src/start-bundle.ts, bundled to
// dist/provider/terraform-provider-cognitoidentity.js): runs the provider bundle
// next to it with the V8 code cache that `npm run build` made by starting the
// provider once (provider/scripts/bundle.js). With the cache V8 skips parsing
// and compiling the functions a start runs (~8% faster start, measured side by
// side). The cache holds compiled code only, no keys or other run state; V8
// rejects it if the bundle or the Node version differs, and then we simply
// compile as usual.

import { readFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import type { ProviderIdentity } from '../framework/provider';

export const BUNDLE_FILE = 'provider-bundle.js';
export const CODE_CACHE_SUFFIX = '.v8cache';

/** The bundle compiled as a CommonJS module body, with the cache when there is one. */
export function compileBundle(bundlePath: string, cachedData?: Buffer): Script {
  return new Script(wrap(readFileSync(bundlePath, 'utf8')), { filename: bundlePath, cachedData });
}

type ModuleBody = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

/** Runs the compiled bundle as Node would run it as a file: its own require, module and paths. */
export function runBundle(script: Script, bundlePath: string): void {
  const body = script.runInThisContext() as ModuleBody;
  const moduleObject = { exports: {} };
  body(moduleObject.exports, createRequire(bundlePath), moduleObject, bundlePath, path.dirname(bundlePath));
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache (e.g. a build without it): compile as usual
  }
}

/** Starts the provider from `dir`, the directory holding the bundle and its cache. */
export function startProvider(dir: string, identity: ProviderIdentity): void {
  const tooOld = nodeTooOld(process.versions.node);
  if (tooOld) return cannotStart(identity, tooOld);
  const bundlePath = path.join(dir, BUNDLE_FILE);
  let script: Script;
  try {
    script = compileBundle(bundlePath, readCache(bundlePath + CODE_CACHE_SUFFIX));
  } catch (err) {
    return cannotStart(identity, `${err instanceof Error ? err.message : String(err)} (run \`npm run build\`)`);
  }
  runBundle(script, bundlePath);
}

const MIN_NODE_MAJOR = 20;

/** Why this Node cannot run the provider, or undefined when it can. */
export function nodeTooOld(version: string): string | undefined {
  const major = Number(version.split('.')[0]);
  return major >= MIN_NODE_MAJOR
    ? undefined
    : `Node.js ${version} is too old; the provider needs Node.js ${MIN_NODE_MAJOR} or newer (or use the release executable, which carries its own)`;
}

/**
 * One line on stdout, where Terraform reads the handshake: it shows a line
 * that is not one as "Unrecognized remote plugin message: ...", so the user
 * sees why, instead of "Failed to read any lines from plugin's stdout".
 */
function cannotStart(identity: ProviderIdentity, reason: string): void {
  const line = `terraform-provider-${identity.typeName}: cannot start: ${reason.replace(/\s+/g, ' ')}\n`;
  process.stdout.write(line);
  process.stderr.write(line);
  process.exitCode = 1;
}
