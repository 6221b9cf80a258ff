// A Terraform working directory per test, driving the real `terraform`
// binary in the sandbox the demo and the benchmarks share
// (examples/demo/terraform-sandbox.ts): providers come only from filesystem
// mirrors (ours and hashicorp/aws), credentials are the emulator's dummies,
// and nothing is read from the user's own config or environment.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { filesystemMirror, terraformEnv, writeCliConfig } from '../../examples/demo/terraform-sandbox';
import { findAwsProviderMirror, ourProviderMirror } from './mirrors';
import { describeResult, runProcess, startProcess, type ProcessResult, type RunOptions, type RunningProcess } from './process';

export interface WorkspaceOptions {
  /** Include our provider's mirror (needs the built provider). Default true. */
  ourProvider?: boolean;
  /** Use this mirror for our provider instead of the shared one. Called with the new working dir. */
  ourMirror?: (workDir: string) => string;
  /** Include the hashicorp/aws mirror. Default false. */
  awsProvider?: boolean;
  /** The CLI config's provider_installation blocks, replacing the mirrors above (for registry tests). */
  installation?: string;
  /** Extra environment for every command (or a function of the new working dir that returns it). */
  env?: NodeJS.ProcessEnv | ((workDir: string) => NodeJS.ProcessEnv);
}

/** One resource instance from `terraform show -json`. */
export interface StateResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  values: Record<string, unknown>;
}

interface ShowModule {
  resources?: StateResource[];
  child_modules?: ShowModule[];
}

export class TerraformWorkspace {
  readonly dir: string;
  /** Each command is killed after this long (a hang guard, not a pass criterion). */
  guardMs = 170_000;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(dir: string, env: NodeJS.ProcessEnv) {
    this.dir = dir;
    this.env = env;
  }

  static create(name: string, options: WorkspaceOptions = {}): TerraformWorkspace {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-${name.replace(/[^\w-]/g, '_').slice(0, 40)}-`));
    const mirrors: string[] = [];
    if ((options.ourProvider ?? true) && options.installation === undefined) {
      const mirror = options.ourMirror ? options.ourMirror(dir) : ourProviderMirror();
      mirrors.push(filesystemMirror(mirror, 'terraform.local/*/*'));
    }
    if (options.awsProvider) {
      mirrors.push(filesystemMirror(findAwsProviderMirror(), 'registry.terraform.io/hashicorp/aws'));
    }
    const cliConfig = writeCliConfig(path.join(dir, '.terraformrc'), options.installation === undefined ? mirrors : [options.installation]);
    const extraEnv = typeof options.env === 'function' ? options.env(dir) : options.env;
    return new TerraformWorkspace(dir, terraformEnv(cliConfig, extraEnv));
  }

  /** Writes (or replaces) a file in the working dir, e.g. main.tf. */
  write(file: string, content: string): void {
    fs.writeFileSync(path.join(this.dir, file), content);
  }

  readFile(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.dir, file), { force: true });
  }

  // Every Terraform run gets its own recorded process group, so its providers die with it when the guard
  // fires, and the jest teardown kills what is left even after a killed worker (test/support/process.ts).
  run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
    return runProcess('terraform', args, { cwd: this.dir, env: { ...this.env, ...extraEnv }, guardMs: this.guardMs, detached: true });
  }

  /** Runs another program that drives terraform itself (e.g. the cdktf CLI) with this workspace's environment. */
  exec(command: string, args: readonly string[], cwd: string = this.dir): Promise<ProcessResult> {
    return runProcess(command, args, { cwd, env: this.env, guardMs: this.guardMs, detached: true });
  }

  /**
   * Starts terraform in its own process group without waiting, for tests that interrupt it
   * (or, with keepStdinOpen, answer its prompt).
   */
  start(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}, options: Pick<RunOptions, 'keepStdinOpen'> = {}): RunningProcess {
    const env = { ...this.env, ...extraEnv };
    return startProcess('terraform', args, { ...options, cwd: this.dir, env, guardMs: this.guardMs, detached: true });
  }

  init(): Promise<ProcessResult> {
    return this.run(['init', '-no-color', '-input=false']);
  }

  plan(...extra: string[]): Promise<ProcessResult> {
    return this.run(['plan', '-no-color', '-input=false', ...extra]);
  }

  apply(...extra: string[]): Promise<ProcessResult> {
    return this.run(['apply', '-no-color', '-input=false', '-auto-approve', ...extra]);
  }

  destroy(...extra: string[]): Promise<ProcessResult> {
    return this.run(['destroy', '-no-color', '-input=false', '-auto-approve', ...extra]);
  }

  import(address: string, id: string): Promise<ProcessResult> {
    return this.run(['import', '-no-color', '-input=false', address, id]);
  }

  stateList(): Promise<ProcessResult> {
    return this.run(['state', 'list']);
  }

  /** `terraform show -json`, parsed. */
  async showJson(): Promise<ShowJson> {
    const r = await this.run(['show', '-no-color', '-json']);
    if (r.code !== 0) throw new Error(describeResult('terraform show -json', r));
    return JSON.parse(r.stdout) as ShowJson;
  }

  /** The planned values of each resource change in a saved plan (`terraform show -json PLANFILE`), by address. */
  async plannedValues(planFile: string): Promise<Map<string, Record<string, unknown>>> {
    const r = await this.run(['show', '-no-color', '-json', planFile]);
    if (r.code !== 0) throw new Error(describeResult(`terraform show -json ${planFile}`, r));
    const plan = JSON.parse(r.stdout) as { resource_changes?: { address: string; change: { after: Record<string, unknown> | null } }[] };
    return new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change.after ?? {}]));
  }

  /** Every resource instance in state (all modules). */
  async resources(): Promise<StateResource[]> {
    return stateResources(await this.showJson());
  }

  /** The local state file as stored, or null when there is none. */
  readStateFile(): StateFile | null {
    const file = path.join(this.dir, 'terraform.tfstate');
    if (!fs.existsSync(file)) return null;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
  }

  /** Removes the working dir; call when the test passed (failed dirs are kept for inspection). */
  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ShowJson {
  format_version: string;
  values?: { root_module: ShowModule };
}

export interface StateFile {
  version: number;
  serial: number;
  resources: {
    mode: string;
    type: string;
    name: string;
    instances: { index_key?: string | number; attributes: Record<string, unknown>; sensitive_attributes?: unknown[] }[];
  }[];
}

/** Terraform wraps diagnostic text, so words may be split by any whitespace: compare with all of it collapsed. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Throws with the command's full output unless it exited with `code`. */
export function expectExit(r: ProcessResult, code: number, label: string): ProcessResult {
  if (r.code !== code) throw new Error(`expected exit ${code}\n${describeResult(label, r)}`);
  return r;
}

export function stateResources(show: ShowJson): StateResource[] {
  const out: StateResource[] = [];
  const walk = (m: ShowModule | undefined): void => {
    if (!m) return;
    out.push(...(m.resources ?? []));
    for (const c of m.child_modules ?? []) walk(c);
  };
  walk(show.values?.root_module);
  return out;
}
