// The path a cdktf user takes: the real cdktf CLI (cdktf-cli, a devDependency)
// runs the example app the root cdktf.json names, and drives the real
// Terraform through `cdktf deploy`, `cdktf diff` and `cdktf destroy`, with the
// provider from a filesystem mirror, against the emulator.
//
// The pool and its developer users exist before the stack (COGNITO_IDENTITY_POOL_ID),
// as they would in a running application; the stack then needs no AWS provider.
// `--skip-provider-lock` here: the test mirror's terraform.local has no registry
// to lock against. test/release/registry.test.ts deploys the release from a
// registry without it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_STACK_NAME } from '../../examples/cdktf/stack';
import { CDKTF_BIN, cdktfProject, scratchHome } from '../support/cdktf';
import { createPoolWithUsers, lookupUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { REPO_ROOT } from '../support/paths';
import { expectExit, TerraformWorkspace } from '../support/terraform';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});

afterAll(async () => {
  await t?.stop();
});

test('cdktf synth from the repository root runs the app the root cdktf.json names', async () => {
  // The workspace only lends its isolated environment and a place for the output; synth runs no terraform.
  const ws = TerraformWorkspace.create('cdktf-synth', { ourProvider: false, env: (workDir) => ({ HOME: scratchHome(workDir), FORCE_COLOR: '0' }) });
  const out = path.join(ws.dir, 'cdktf.out');
  const r = expectExit(await ws.exec(process.execPath, [CDKTF_BIN, 'synth', '--output', out, '--no-color'], REPO_ROOT), 0, 'cdktf synth');
  expect(r.stdout).toContain(`Generated Terraform code for the stacks: ${EXAMPLE_STACK_NAME}`);
  const stack = JSON.parse(fs.readFileSync(path.join(out, 'stacks', EXAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, unknown> };
  expect(Object.keys(stack.resource).sort()).toEqual(['aws_cognito_identity_pool', 'cognitoidentity_merged_identity']);
  ws.cleanup();
});

test('cdktf deploy merges, cdktf diff finds no changes, cdktf destroy only forgets the merges', async () => {
  const pool = await createPoolWithUsers(t.client, 3);
  const p = cdktfProject('cdktf-cli', t.emulator.endpoint, pool, 'user-1,user-2');
  const stackDir = path.join(p.dir, 'cdktf.out', 'stacks', EXAMPLE_STACK_NAME);

  const deploy = expectExit(await p.run('deploy', EXAMPLE_STACK_NAME, '--auto-approve', '--skip-provider-lock'), 0, 'cdktf deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
  const destination = pool.users[0].identityId;
  for (const user of ['user-1', 'user-2']) expect((await lookupUser(t.client, pool.poolId, user)).identityId).toBe(destination);
  expect((await lookupUser(t.client, pool.poolId, 'user-0')).userIds.sort()).toEqual(['user-0', 'user-1', 'user-2']);
  // terraform init installed our provider from the mirror and locked it.
  expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toContain('provider "terraform.local/cognito/cognitoidentity"');
  expect(fs.existsSync(path.join(p.dir, `terraform.${EXAMPLE_STACK_NAME}.tfstate`))).toBe(true);

  const diff = expectExit(await p.run('diff', EXAMPLE_STACK_NAME, '--skip-provider-lock'), 0, 'cdktf diff');
  expect(diff.stdout).toContain('No changes. Your infrastructure matches the configuration.');

  const destroy = expectExit(await p.run('destroy', EXAMPLE_STACK_NAME, '--auto-approve', '--skip-provider-lock'), 0, 'cdktf destroy');
  expect(destroy.stdout).toContain('Warning: The merge stays in Cognito');
  expect(destroy.stdout).toContain('Destroy complete! Resources: 2 destroyed.');
  expect((await lookupUser(t.client, pool.poolId, 'user-2')).identityId).toBe(destination);
  p.ws.cleanup();
});

test('cdktf deploy with a user that does not exist fails at plan, names the attribute, and merges nothing', async () => {
  const pool = await createPoolWithUsers(t.client, 2);
  const p = cdktfProject('cdktf-cli-unknown', t.emulator.endpoint, pool, 'user-1,user-nobody');
  const deploy = await p.run('deploy', EXAMPLE_STACK_NAME, '--auto-approve', '--skip-provider-lock');
  expect(deploy.code).not.toBe(0);
  const output = deploy.stdout + deploy.stderr;
  expect(output).toContain('Error: Unknown source developer user');
  expect(output).toContain('"source_user_identifier": "user-nobody"');
  expect(output).toContain('There is no developer user "user-nobody"');
  expect(output).not.toMatch(/^\s+at .+\.js:\d+/m); // no stack trace
  expect(output).not.toContain('Apply complete');
  expect((await lookupUser(t.client, pool.poolId, 'user-1')).identityId).toBe(pool.users[1].identityId);
  p.ws.cleanup();
});
