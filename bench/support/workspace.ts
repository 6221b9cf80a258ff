// Temporary places the benchmarks work in: one root directory per run
// (removed at the end), a filesystem mirror with our provider installed by
// the product's installer, and Terraform working directories that get their
// providers only from that mirror and run in the sandbox the demo and the
// tests share (examples/demo/terraform-sandbox.ts: clean environment, dummy
// emulator credentials).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installProvider } from '../../provider/src/install';
import { SOURCE_ADDRESS } from '../../provider/src/provider-address';
import { filesystemMirror, terraformEnv, writeCliConfig } from '../../examples/demo/terraform-sandbox';
import { terraformRunner, type TerraformResult, type TerraformRunner } from '../../examples/demo/terraform-runner';
import { timed } from './timing';

/** Roots not yet removed, so an interrupted run can still clean up (see removeAllBenchRoots). */
const liveRoots = new Set<BenchRoot>();

/** A temp directory for one benchmark run; `remove()` deletes everything in it. */
export class BenchRoot {
  readonly dir: string;

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
    liveRoots.add(this);
  }

  subdir(name: string): string {
    const dir = path.join(this.dir, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    liveRoots.delete(this);
  }
}

export function removeAllBenchRoots(): void {
  for (const root of [...liveRoots]) root.remove();
}

/** Installs the built provider into `<root>/mirror`; returns the mirror dir and the launcher path. */
export function installOurProvider(root: BenchRoot): { mirrorDir: string; launcher: string } {
  const mirrorDir = root.subdir('mirror');
  const { executable } = installProvider({ mirrorDir });
  return { mirrorDir, launcher: executable };
}

export interface TimedResult extends TerraformResult {
  ms: number;
}

/** One Terraform working directory holding a main.tf. */
export class TerraformDir {
  private readonly runner: TerraformRunner;

  constructor(
    readonly dir: string,
    env: NodeJS.ProcessEnv,
  ) {
    // The demo's runner: quiet, and a failure carries the tail of Terraform's output.
    this.runner = terraformRunner(dir, env, () => undefined);
  }

  static create(root: BenchRoot, name: string, mirrorDir: string, mainTf: string): TerraformDir {
    // Our provider from `mirrorDir`, nothing from the network.
    return TerraformDir.withMirrors(root, name, [filesystemMirror(mirrorDir, SOURCE_ADDRESS)], mainTf);
  }

  /** A working dir whose providers come only from `mirrors` (filesystemMirror blocks); temp files stay under the root. */
  static withMirrors(root: BenchRoot, name: string, mirrors: readonly string[], mainTf: string): TerraformDir {
    const dir = root.subdir(name);
    const cliConfig = writeCliConfig(path.join(dir, '.terraformrc'), mirrors);
    fs.writeFileSync(path.join(dir, 'main.tf'), mainTf);
    return new TerraformDir(dir, terraformEnv(cliConfig, { TMPDIR: root.subdir('tmp') }));
  }

  async run(args: string[], allowExitCodes: number[] = [0]): Promise<TimedResult> {
    const { result, ms } = await timed(() => this.runner.run(args, { quiet: true, allowExitCodes }));
    return { ...result, ms };
  }

  init(): Promise<TimedResult> {
    return this.run(['init', '-input=false', '-no-color']);
  }

  plan(...extra: string[]): Promise<TimedResult> {
    return this.run(['plan', '-input=false', '-no-color', ...extra]);
  }

  /** `plan -detailed-exitcode`: exit 0 means no changes, 2 means changes. */
  async planHasChanges(): Promise<boolean> {
    const r = await this.run(['plan', '-input=false', '-no-color', '-detailed-exitcode'], [0, 2]);
    return r.code === 2;
  }

  apply(...extra: string[]): Promise<TimedResult> {
    return this.run(['apply', '-input=false', '-no-color', '-auto-approve', ...extra]);
  }

  /** Addresses in state. */
  async stateList(): Promise<string[]> {
    const r = await this.run(['state', 'list']);
    return r.stdout.split('\n').filter((l) => l.trim() !== '');
  }
}
