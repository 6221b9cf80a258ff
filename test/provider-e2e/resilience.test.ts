// Faults, throttling and interrupts: the provider converges without merging
// twice, stays within the emulator's rate limits, and stops on Ctrl-C with
// state that matches Cognito.

import { quotaPreset } from '../../emulator/src/faults';
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

test.each(['internal-error', 'drop'] as const)(
  'a %s after the merge committed: the retried apply converges with one merge',
  async (kind) => {
    const { ws, pool, configure } = await newCase(env, `fault-${kind}`, 2);
    const [src, dst] = pool.users;
    // One attempt per call, so the fault reaches Terraform and the user retries the apply.
    configure(
      mergeResource('m', mergeOf(pool, src, dst)),
      { max_retries: 1 },
    );
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
  },
);

test('with default retries, a dropped connection after the merge is absorbed within one apply', async () => {
  const { ws, pool, configure } = await newCase(env, 'fault-drop-retry', 2);
  const [src, dst] = pool.users;
  configure(
    mergeResource('m', mergeOf(pool, src, dst)),
  );
  const merges = env.emulator.stats().merges;
  env.emulator.setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind: 'drop', phase: 'after', count: 1 }] });
  expectExit(await ws.apply(), 0, 'terraform apply with one dropped response');
  expect(env.emulator.stats().merges - merges).toBe(1);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after apply');
  ws.cleanup();
});

// The emulator counts developer user ids toward the 20 linked logins of a
// merge, so 50 sources cannot all go into one identity: 5 destinations x 10.
const SOURCES = 50;
const DESTINATIONS = 5;

// Rate limits make this slow by design (5 requests/s for merges and lookups), so it gets generous guards.
const FOR_EACH_GUARD_MS = 540_000;

test(`for_each over ${SOURCES} merges at default parallelism under the quota rate limits`, async () => {
  const { ws, pool, configure } = await newCase(env, 'for-each', SOURCES + DESTINATIONS);
  ws.guardMs = FOR_EACH_GUARD_MS;
  const dests = pool.users.slice(0, DESTINATIONS);
  const sources = pool.users.slice(DESTINATIONS);
  const pairs = Object.fromEntries(sources.map((s, i) => [s.userId, dests[i % DESTINATIONS].userId]));
  configure(`
locals {
  merges = {
${Object.entries(pairs)
  .map(([s, d]) => `    ${hclString(s)} = ${hclString(d)}`)
  .join('\n')}
  }
}

resource "cognitoidentity_merged_identity" "m" {
  for_each                    = local.merges
  identity_pool_id            = ${hclString(pool.poolId)}
  developer_provider_name     = ${hclString(pool.providerName)}
  source_user_identifier      = each.key
  destination_user_identifier = each.value
}
`);
  env.emulator.setFaults(quotaPreset());
  env.emulator.resetStats();

  const apply = expectExit(await ws.apply(), 0, 'terraform apply of 50 merges under rate limits');
  expect(apply.stdout).toMatch(new RegExp(`${SOURCES} added, 0 changed, 0 destroyed`));
  const stats = env.emulator.stats();
  expect(stats.merges).toBe(SOURCES);
  // The limits were really in force: some calls were throttled and retried.
  const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
  expect(throttled).toBeGreaterThan(0);

  env.emulator.setFaults({});
  for (const [s, d] of Object.entries(pairs)) {
    const want = dests.find((u) => u.userId === d)!.identityId;
    expect((await lookupUser(env.client, pool.poolId, s)).identityId).toBe(want);
  }
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after 50 merges');
  ws.cleanup();
}, FOR_EACH_GUARD_MS + 60_000);

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
