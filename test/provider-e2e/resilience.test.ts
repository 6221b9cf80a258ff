// Faults and interrupts: the provider converges without merging twice and
// stops on Ctrl-C with state that matches Cognito.

import { lookupUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { signalGroup, waitForOutput } from '../support/process';
import { expectExit } from '../support/terraform';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterEach(() => {
  env.emulator.setFaults({});
});

afterAll(async () => {
  await env?.stop();
});

test.each(['internal-error', 'drop'] as const)('a %s after the merge committed: the retried apply converges with one merge', async (kind) => {
  const { ws, pool, configure } = await newCase(env, `fault-${kind}`, 2);
  const [src, dst] = pool.users;
  // One attempt per call, so the fault reaches Terraform and the user retries the apply.
  configure(mergeResource('m', mergeOf(pool, src, dst)), { max_retries: 1 });
  const merges = env.emulator.stats().merges;
  env.emulator.setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind, phase: 'after', count: 1 }] });

  const first = await ws.apply();
  expect(first.code).toBe(1);
  expectNoCrash(first);
  expect(env.emulator.stats().merges - merges).toBe(1);

  expectExit(await ws.apply(), 0, 'retried terraform apply');
  expect(env.emulator.stats().merges - merges).toBe(1);
  expect((await lookupUser(env.client, pool.poolId, src.userId)).identityId).toBe(dst.identityId);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after convergence');
  ws.cleanup();
});

test('with default retries, a dropped connection after the merge is absorbed within one apply', async () => {
  const { ws, pool, configure } = await newCase(env, 'fault-drop-retry', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  const merges = env.emulator.stats().merges;
  env.emulator.setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind: 'drop', phase: 'after', count: 1 }] });
  expectExit(await ws.apply(), 0, 'terraform apply with one dropped response');
  expect(env.emulator.stats().merges - merges).toBe(1);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after apply');
  ws.cleanup();
});

test('Ctrl-C during a slow apply stops it, and state matches the emulator', async () => {
  const { ws, pool, configure } = await newCase(env, 'interrupt', 6);
  const [dst, ...sources] = pool.users;
  configure(`
resource "cognitoidentity_merged_identity" "m" {
  for_each                    = toset(${JSON.stringify(sources.map((s) => s.userId))})
  identity_pool_id            = ${hclString(pool.poolId)}
  developer_provider_name     = ${hclString(pool.providerName)}
  source_user_identifier      = each.key
  destination_user_identifier = ${hclString(dst.userId)}
}
`);
  const merges = env.emulator.stats().merges;
  env.emulator.setFaults({ latencyMs: { MergeDeveloperIdentities: 8000 } });

  const running = ws.start(['apply', '-no-color', '-input=false', '-auto-approve']);
  await waitForOutput(running, /Creating\.\.\./);
  // Like Ctrl-C at a terminal: the whole process group (terraform and the provider) gets SIGINT.
  signalGroup(running.child, 'SIGINT');
  const r = await running.done;
  // It exited by itself (not killed by the harness guard), and reported the interrupt as a failure.
  expect(r.signal).toBeNull();
  expect(r.code).not.toBe(0);
  expect(r.stderr).not.toMatch(/killed after/);
  expect(r.stdout + r.stderr).toMatch(/Interrupt received|interrupted|cancel/i);
  // The provider ignored SIGINT and let Terraform stop it: no dead-plugin errors.
  expectNoCrash(r);

  env.emulator.setFaults({});
  // Every merge Terraform recorded is real in Cognito.
  const inState = (await ws.resources()).filter((res) => res.type === 'cognitoidentity_merged_identity');
  for (const res of inState) {
    const now = await lookupUser(env.client, pool.poolId, String(res.values.source_user_identifier));
    expect(now.identityId).toBe(dst.identityId);
  }

  // A later apply finishes the rest without merging anything twice.
  expectExit(await ws.apply(), 0, 'terraform apply after the interrupt');
  expect(env.emulator.stats().merges - merges).toBe(sources.length);
  expect((await ws.resources()).length).toBe(sources.length);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after the interrupted apply was finished');
  ws.cleanup();
});
