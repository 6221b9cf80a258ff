// The local demo (`npm start`): the example cdktf stack applied by the real
// Terraform against the local Cognito Identity emulator. Nothing needs AWS or
// the network, and nothing is left running or on disk afterwards.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LookupDeveloperIdentityCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { installProvider } from '../../provider/src/install';
import { SOURCE_ADDRESS } from '../../provider/src/provider-address';
import { DEFAULT_SETTINGS } from '../cdktf/settings';
import { EXAMPLE_STACK_NAME } from '../cdktf/stack';
import { findAwsProviderMirror } from './aws-provider-mirror';
import { startLocalEmulator, type LocalEmulator } from './local-emulator';
import { registerDeveloperUser } from './seed';
import { createStepRunner, StepFailure, type StepRunner } from './steps';
import { filesystemMirror, terraformEnv, writeCliConfig } from './terraform-sandbox';
import { terraformRunner, type TerraformRunner } from './terraform-runner';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const out = (line: string): void => void process.stdout.write(`${line}\n`);

interface SynthesizedStack {
  dir: string;
  poolAddress: string;
  mergeAddresses: string[];
}

/** Resource addresses of one type in the synthesized cdk.tf.json. */
function addressesOf(stackDir: string, type: string): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as {
    resource?: Record<string, Record<string, unknown>>;
  };
  return Object.keys(json.resource?.[type] ?? {}).map((name) => `${type}.${name}`);
}

/**
 * Node's process warnings (such as the AWS SDK's notice about future Node
 * versions) on one indented line, instead of a multi-line block that breaks
 * up the steps' output.
 */
function compactProcessWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w: Error) => out(`    (node warning) ${w.message.replace(/\s+/g, ' ').trim()}`));
}

const settings = DEFAULT_SETTINGS;

/** What the steps after the synth share. */
interface Demo {
  steps: StepRunner;
  tf: TerraformRunner;
  stack: SynthesizedStack;
  cognito: CognitoIdentityClient;
}

async function startEmulatorStep(): Promise<LocalEmulator> {
  const running = await startLocalEmulator();
  out(`    emulator listening on ${running.emulator.endpoint}`);
  return running;
}

/** Installs this provider into a mirror under `work`; returns the Terraform CLI config naming it and the hashicorp/aws mirror. */
function installProviders(work: string): string {
  const mirror = path.join(work, 'mirror');
  const installed = installProvider({ mirrorDir: mirror });
  const awsMirror = findAwsProviderMirror();
  out(`    ${installed.sourceAddress} ${installed.version} -> ${installed.executable}`);
  out(`    hashicorp/aws from ${awsMirror}`);
  return writeCliConfig(path.join(work, 'terraform.rc'), [
    filesystemMirror(mirror, SOURCE_ADDRESS),
    filesystemMirror(awsMirror, 'registry.terraform.io/hashicorp/aws'),
  ]);
}

function synthesize(work: string, env: NodeJS.ProcessEnv): SynthesizedStack {
  const app = path.join(REPO_ROOT, 'dist', 'examples', 'cdktf', 'main.js');
  const synth = spawnSync(process.execPath, [app], { cwd: work, env: { ...env, CDKTF_OUTDIR: path.join(work, 'cdktf.out') }, encoding: 'utf8' });
  if (synth.status !== 0) throw new Error(`the cdktf app exited with ${synth.status}: ${synth.stderr.trim()}`);
  const dir = path.join(work, 'cdktf.out', 'stacks', EXAMPLE_STACK_NAME);
  if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) throw new Error(`no ${dir}/cdk.tf.json after synth`);
  out(`    ${path.relative(work, dir)}/cdk.tf.json: merge ${settings.sourceUserIdentifiers.join(', ')} into ${settings.destinationUserIdentifier}`);
  const pools = addressesOf(dir, 'aws_cognito_identity_pool');
  const [poolAddress] = pools;
  if (pools.length !== 1 || poolAddress === undefined) throw new Error(`expected one aws_cognito_identity_pool in the stack, found ${pools.length}`);
  return { dir, poolAddress, mergeAddresses: addressesOf(dir, 'cognitoidentity_merged_identity') };
}

/** Steps 2-4: the providers installed, the stack synthesized and `terraform init` run in it. */
async function prepareStack(steps: StepRunner, work: string, local: LocalEmulator): Promise<Demo> {
  const cliConfig = await steps.step('Install the provider into a temporary filesystem mirror', async () => installProviders(work));
  // The same clean environment the tests give Terraform (nothing of the caller's AWS_*, TF_* or
  // COGNITO_* settings), plus the emulator's endpoint for the cdktf app.
  const env = terraformEnv(cliConfig, { COGNITO_ENDPOINT: local.emulator.endpoint });
  const stack = await steps.step('Synthesize the example cdktf stack (examples/cdktf)', async () => synthesize(work, env));
  const tf = terraformRunner(stack.dir, env, out);
  await steps.step('terraform init (providers from the filesystem mirrors, lock file written)', async () => {
    await tf.run(['init', '-input=false', '-no-color'], { quiet: true });
    out('    providers installed; .terraform.lock.hcl written');
  });
  return { steps, tf, stack, cognito: local.client };
}

async function createPool({ tf, stack }: Demo): Promise<string> {
  await tf.run(['apply', '-input=false', '-no-color', '-auto-approve', `-target=${stack.poolAddress}`], { quiet: true });
  const show = await tf.run(['state', 'show', '-no-color', stack.poolAddress], { quiet: true });
  const id = /^\s*id\s*=\s*"([^"]+)"/m.exec(show.stdout)?.[1];
  if (!id) throw new Error('the pool id is not in the state');
  out(`    identity pool ${id} (developer provider ${settings.developerProviderName})`);
  return id;
}

async function registerUsers(cognito: CognitoIdentityClient, poolId: string): Promise<void> {
  const pool = { poolId, providerName: settings.developerProviderName };
  for (const user of [settings.destinationUserIdentifier, ...settings.sourceUserIdentifiers]) {
    out(`    ${user.padEnd(16)} -> identity ${await registerDeveloperUser(cognito, pool, user)}`);
  }
}

async function readBack(cognito: CognitoIdentityClient, poolId: string): Promise<void> {
  const r = await cognito.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: settings.destinationUserIdentifier }));
  const linked = r.DeveloperUserIdentifierList ?? [];
  out(`    identity ${r.IdentityId} now holds: ${linked.join(', ')}`);
  const missing = settings.sourceUserIdentifiers.filter((u) => !linked.includes(u));
  if (missing.length > 0) throw new Error(`not merged: ${missing.join(', ')}`);
}

async function planIsEmpty(tf: TerraformRunner): Promise<void> {
  const plan = await tf.run(['plan', '-input=false', '-no-color', '-detailed-exitcode'], { allowExitCodes: [0, 2] });
  if (plan.code === 2) throw new Error('the second plan is not empty (see the plan above)');
  out('    plan is empty (exit code 0)');
}

async function destroyMerges({ tf, stack, cognito }: Demo, poolId: string): Promise<void> {
  const targets = stack.mergeAddresses.map((a) => `-target=${a}`);
  const destroy = await tf.run(['destroy', '-input=false', '-no-color', '-auto-approve', ...targets]);
  if (!/Warning: .*(irreversible|not undone|stays)/i.test(destroy.stdout + destroy.stderr)) {
    throw new Error('destroy printed no irreversibility warning');
  }
  const r = await cognito.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: settings.sourceUserIdentifiers[0] }));
  out(`    after destroy, ${settings.sourceUserIdentifiers[0]} still resolves to ${r.IdentityId}: the merge stays in Cognito`);
}

/** Steps 5-11: the pool and users created, the merges applied, read back, planned again and destroyed. */
async function mergeAndDestroy(demo: Demo): Promise<void> {
  const { steps, tf, stack, cognito } = demo;
  const poolId = await steps.step(`Create the identity pool with hashicorp/aws (${stack.poolAddress})`, () => createPool(demo));
  await steps.step('Register the developer users, as the application backend would (GetOpenIdTokenForDeveloperIdentity)', () => registerUsers(cognito, poolId));
  await steps.step('terraform apply: plan shows what will merge, then the merges run', async () => {
    await tf.run(['apply', '-input=false', '-no-color', '-auto-approve']);
  });
  await steps.step('Read the merged identity back through LookupDeveloperIdentity', () => readBack(cognito, poolId));
  await steps.step('Second terraform plan: expect no changes', () => planIsEmpty(tf));
  await steps.step('Destroy the merges: irreversible, so Terraform only forgets them (warning shown)', () => destroyMerges(demo, poolId));
  await steps.step('Destroy the rest of the stack (the identity pool)', async () => {
    await tf.run(['destroy', '-input=false', '-no-color', '-auto-approve'], { quiet: true });
    out('    stack destroyed');
  });
}

async function main(): Promise<void> {
  compactProcessWarnings();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cognitoidentity-demo-'));
  let local: LocalEmulator | undefined;
  const steps = createStepRunner(11, out);
  try {
    local = await steps.step('Start the local Cognito Identity emulator (SigV4 signatures verified)', startEmulatorStep);
    await mergeAndDestroy(await prepareStack(steps, work, local));
    out('\nDemo finished: merged, read back, second plan empty, destroy only forgot the merge.');
  } finally {
    await local?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  const message = err instanceof StepFailure || err instanceof Error ? err.message : String(err);
  process.stderr.write(`\ndemo failed: ${message}\n`);
  process.exitCode = 1;
});
