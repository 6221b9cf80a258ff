// A new user's cdktf app outside the repository: the packed npm package (what
// `npm publish` would ship) installed next to the cdktf library the app
// chooses, compiled with tsc, as `npm install` and `tsc` would leave it.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { runProcess, type ProcessResult } from './process';

const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** `npm pack` of the repository into `dir`; returns the tarball's path. */
export function packRepository(dir: string): string {
  // --ignore-scripts: prepack would rebuild dist/ under the other test files running now; npm test built it.
  const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  const name = out.trim().split('\n').pop() ?? '';
  if (!name.endsWith('.tgz')) throw new Error(`npm pack printed no tarball name: ${out}`);
  return path.join(dir, name);
}

export interface AppSpec {
  /** package.json dependencies besides the packed package. */
  dependencies: Record<string, string>;
  /** The app's main.ts. */
  main: string;
}

/** Writes package.json, tsconfig.json and main.ts into `dir`. */
export function writeApp(dir: string, tarball: string, spec: AppSpec): void {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = { name: 'packed-app', private: true, dependencies: { 'terraform-provider-cognitoidentity': `file:${tarball}`, ...spec.dependencies } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, types: ['node'], outDir: '.' }, files: ['main.ts'] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  fs.writeFileSync(path.join(dir, 'main.ts'), spec.main);
}

/** `npm install` as a user runs it (no install scripts: none of these packages needs one), then `tsc`. */
export async function installAndCompile(dir: string): Promise<ProcessResult> {
  const install = await runProcess('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    guardMs: 150_000,
  });
  if (install.code !== 0) return install;
  return runProcess(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir });
}

/**
 * `tsc` of one more file of an installed app (`dir`), emitting nothing: with the app's module
 * options (CommonJS), or with `moduleOptions` such as node16 or bundler resolution.
 */
export function compileFile(dir: string, file: string, moduleOptions: readonly string[] = ['--module', 'commonjs']): Promise<ProcessResult> {
  const options = ['--noEmit', '--strict', '--target', 'ES2022', '--types', 'node', ...moduleOptions];
  return runProcess(process.execPath, [TSC, ...options, file], { cwd: dir });
}
