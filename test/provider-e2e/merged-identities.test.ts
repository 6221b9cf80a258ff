// cognitoidentity_merged_identities through the real Terraform: the merges a
// pool already has, found by ListIdentities and LookupDeveloperIdentity, and
// the answers for a pool without merges, under rate limits, a missing pool, a wrong provider
// name and a bad min_developer_users.

import { quotaPreset } from '../../emulator/src/faults';
import { createDeveloperUser, mergeOutOfBand, startTestEmulator, type DeveloperUser, type TestEmulator, type TestPool } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit, flat, type TerraformWorkspace } from '../support/terraform';
import { nth } from '../support/lists';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

type Group = { identity_id: string; developer_user_identifiers: string[] };

function dataSource(pool: Pick<TestPool, 'poolId' | 'providerName'>, extra = ''): string {
  return `data "cognitoidentity_merged_identities" "pool" {
  identity_pool_id        = ${hclString(pool.poolId)}
  developer_provider_name = ${hclString(pool.providerName)}
${extra}}

output "identities" { value = data.cognitoidentity_merged_identities.pool.identities }
`;
}

async function identities(ws: TerraformWorkspace): Promise<Group[]> {
  expectExit(await ws.apply(), 0, 'terraform apply (data source)');
  const out = expectExit(await ws.run(['output', '-no-color', '-json', 'identities']), 0, 'terraform output');
  return JSON.parse(out.stdout) as Group[];
}

test('lists each merged identity once with its sorted users; unmerged and merged-away identities are left out', async () => {
  const { ws, pool, configure } = await newCase(env, 'merged-list', 6);
  const [u0, u1, u2, u3, u4] = pool.users;
  await mergeOutOfBand(env.client, pool, u1.userId, u0.userId);
  await mergeOutOfBand(env.client, pool, u2.userId, u0.userId);
  await mergeOutOfBand(env.client, pool, u3.userId, u4.userId);
  configure(dataSource(pool));
  const groups = await identities(ws);
  expect(groups).toEqual(
    [
      { identity_id: u0.identityId, developer_user_identifiers: [u0.userId, u1.userId, u2.userId].sort() },
      { identity_id: u4.identityId, developer_user_identifiers: [u3.userId, u4.userId].sort() },
    ].sort((a, b) => (a.identity_id < b.identity_id ? -1 : 1)),
  );
  ws.cleanup();
});

test('min_developer_users chooses the group size; 1 lists every enabled identity with a developer user', async () => {
  const { ws, pool, configure } = await newCase(env, 'merged-min', 4);
  const [u0, u1, u2, u3] = pool.users;
  await mergeOutOfBand(env.client, pool, u1.userId, u0.userId);
  await mergeOutOfBand(env.client, pool, u2.userId, u0.userId);
  configure(dataSource(pool, '  min_developer_users     = 3\n'));
  expect((await identities(ws)).map((g) => g.identity_id)).toEqual([u0.identityId]);
  configure(dataSource(pool, '  min_developer_users     = 1\n'));
  const all = await identities(ws);
  // The merged-away identities of u1 and u2 are disabled, so ListIdentities hides them.
  expect(all.map((g) => g.identity_id).sort()).toEqual([u0.identityId, u3.identityId].sort());
  ws.cleanup();
});

test('a pool without merges gives an empty list', async () => {
  const { ws, pool, configure } = await newCase(env, 'merged-none', 3);
  configure(dataSource(pool));
  expect(await identities(ws)).toEqual([]);
  ws.cleanup();
});

test("under Cognito's quotas (5 lookups per second), every merged identity is still found, each read once", async () => {
  const GROUPS = 25;
  const { ws, pool, configure } = await newCase(env, 'merged-throttled', 0);
  const expected: Group[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const [a, b] = [
      await createDeveloperUser(env.client, pool.poolId, pool.providerName, `q-${g}-a`),
      await createDeveloperUser(env.client, pool.poolId, pool.providerName, `q-${g}-b`),
    ];
    await mergeOutOfBand(env.client, pool, b.userId, a.userId);
    expected.push({ identity_id: a.identityId, developer_user_identifiers: [a.userId, b.userId].sort() });
  }
  configure(dataSource(pool));
  env.emulator.setFaults(quotaPreset());
  env.emulator.resetStats();
  try {
    expect(await identities(ws)).toEqual(expected.sort((x, y) => (x.identity_id < y.identity_id ? -1 : 1)));
    const stats = env.emulator.stats();
    // The limits were in force (some answers throttled), and each identity was read once all the same.
    expect(stats.throttled['LookupDeveloperIdentity'] ?? 0).toBeGreaterThan(0);
    expect(stats.succeeded['LookupDeveloperIdentity']).toBe(GROUPS);
    expect(stats.merges).toBe(0);
  } finally {
    env.emulator.setFaults({});
  }
  ws.cleanup();
});

test('a pool of 130 identities is read across pages', async () => {
  const { ws, pool, configure } = await newCase(env, 'merged-pages', 0);
  const users: DeveloperUser[] = [];
  for (let i = 0; i < 130; i++) users.push(await createDeveloperUser(env.client, pool.poolId, pool.providerName, `page-user-${i}`));
  const first = nth(users, 0, 'the seeded users');
  const last = nth(users, 129, 'the seeded users');
  await mergeOutOfBand(env.client, pool, first.userId, last.userId);
  configure(dataSource(pool));
  expect(await identities(ws)).toEqual([{ identity_id: last.identityId, developer_user_identifiers: [first.userId, last.userId].sort() }]);
  // The summary a platform team sees with TF_LOG=info: how much was read and what was found.
  // (130 identities were made; the merged-away one is disabled and hidden.)
  const withLogs = expectExit(await ws.run(['plan', '-no-color', '-input=false'], { TF_LOG_PROVIDER: 'INFO' }), 0, 'plan with provider logs');
  const summary = withLogs.stderr.split('\n').find((line) => line.includes('read the merged identities of the pool:')) ?? '';
  // hclog writes the fields in no fixed order.
  expect(summary).toMatch(/ identities=129( |$)/);
  expect(summary).toMatch(/ with_merges=1( |$)/);
  ws.cleanup();
});

test.each([
  ['a missing pool', { poolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }, 'Identity pool not found', 'identity_pool_id'],
  ['a wrong developer provider name', { providerName: 'login.other' }, 'Wrong developer provider name', 'developer_provider_name'],
])('%s is an error that names the attribute', async (_what, override, summary, attribute) => {
  const { ws, pool, configure } = await newCase(env, 'merged-bad-pool', 1);
  configure(dataSource({ ...pool, ...override }));
  const r = await ws.plan();
  expect(r.code).toBe(1);
  const text = flat(r.stdout + r.stderr);
  expect(text).toContain(summary);
  expect(text).toContain(`with data.cognitoidentity_merged_identities.pool, on main.tf line`);
  expect(text).toContain(`${attribute} =`);
  expectNoCrash(r);
  ws.cleanup();
});

test.each([['0'], ['2.5'], ['10001']])('min_developer_users = %s is refused at validate', async (value) => {
  const { ws, pool, configure } = await newCase(env, 'merged-bad-min', 0);
  configure(dataSource(pool, `  min_developer_users     = ${value}\n`));
  const r = await ws.run(['validate', '-no-color']);
  expect(r.code).toBe(1);
  expect(flat(r.stdout + r.stderr)).toContain('`min_developer_users` must be a whole number from 1 to 10000');
  expectNoCrash(r);
  ws.cleanup();
});
