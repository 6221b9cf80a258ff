// "What a merge moves" (docs/resources/merged_identity.md), the apply and
// refresh half, through the real Terraform: apply re-checks what plan showed
// immediately before merging, and refresh follows the users. Every check of
// what moved goes through LookupDeveloperIdentity.

import { lookupUser, mergeOutOfBand, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { importId, mergeOf, mergeResource } from '../support/provider-hcl';
import { hclString } from '../support/hcl';
import { expectExit, flat, TerraformWorkspace } from '../support/terraform';
import { first } from '../support/lists';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});
afterEach(() => env.emulator.setFaults({}));

async function identityOf(pool: TestPool, user: string): Promise<string> {
  return (await lookupUser(env.client, pool.poolId, user)).identityId;
}

test('saved plan, then another user joins the source identity: apply refuses to move it', async () => {
  const { ws, pool, configure } = await newCase(env, 'saved-plan-source', 3);
  const [dst, src, late] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan');
  await mergeOutOfBand(env.client, pool, late.userId, src.userId);
  const merges = env.emulator.stats().merges;

  const refused = expectExit(await ws.apply('p.tfplan'), 1, 'apply of the stale plan');
  expect(flat(refused.stderr)).toContain(`also moves developer user(s) "${late.userId}"`);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, late.userId)).toBe(src.identityId);
  expect(await identityOf(pool, dst.userId)).toBe(dst.identityId);
  ws.cleanup();
});

test('saved plan with consent, then the source identity changes: Terraform refuses the changed plan, nothing merged', async () => {
  const { ws, pool, configure } = await newCase(env, 'saved-plan-consent', 3);
  const [dst, src, late] = pool.users;
  configure(mergeResource('m', { ...mergeOf(pool, src, dst), allow_moving_unnamed_logins: true }));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan');
  await mergeOutOfBand(env.client, pool, late.userId, src.userId);
  const merges = env.emulator.stats().merges;

  const refused = expectExit(await ws.apply('p.tfplan'), 1, 'apply of the stale plan');
  // Terraform's own final-plan check, on the attribute that lists who moves (see rule 4 in the docs).
  expect(flat(refused.stderr)).toMatch(/inconsistent final plan.*\.moving_users/);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, late.userId)).toBe(src.identityId);
  ws.cleanup();
});

test('saved plan, then the destination is merged elsewhere: apply names the identity change and merges nothing', async () => {
  const { ws, pool, configure } = await newCase(env, 'saved-plan-destination', 3);
  const [dst, src, other] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan');
  await mergeOutOfBand(env.client, pool, dst.userId, other.userId);
  const merges = env.emulator.stats().merges;

  const refused = expectExit(await ws.apply('p.tfplan'), 1, 'apply of the stale plan');
  const text = flat(refused.stderr);
  expect(text).toContain('.identity_id');
  expect(text).toContain(dst.identityId);
  expect(text).toContain(other.identityId);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, src.userId)).toBe(src.identityId);
  ws.cleanup();
});

test('a user joins the source identity between the final plan and the merge: apply stops, naming it', async () => {
  const { ws, pool, configure } = await newCase(env, 'last-moment', 3);
  const [dst, src, late] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan');
  // Slow DescribeIdentity down so the change lands after the final plan read the source's users.
  env.emulator.setFaults({ latencyMs: { DescribeIdentity: 2000 } });
  env.emulator.resetStats();
  const running = ws.start(['apply', '-no-color', '-input=false', '-auto-approve', 'p.tfplan']);
  while ((env.emulator.stats().calls.DescribeIdentity ?? 0) < 1) await new Promise((r) => setTimeout(r, 20));
  await mergeOutOfBand(env.client, pool, late.userId, src.userId);
  const merges = env.emulator.stats().merges;

  const r = await running.done;
  expect(r.code).toBe(1);
  const text = flat(r.stderr);
  expect(text).toContain('Identities changed since plan');
  expect(text).toContain(`the source's identity gained "${late.userId}"`);
  expect(text).toContain('Nothing was merged');
  expectNoCrash(r);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, src.userId)).toBe(src.identityId);
  ws.cleanup();
});

test('two Terraform runs on overlapping users: the second run refuses what the first changed', async () => {
  const { ws: first, pool, configure: configureFirst } = await newCase(env, 'race-first', 3);
  const [d1, d2, s] = pool.users;
  const second = TerraformWorkspace.create('race-second');
  second.write('main.tf', first.readFile('main.tf'));
  expectExit(await second.init(), 0, 'init of the second run');
  configureFirst(mergeResource('m', mergeOf(pool, s, d1)));
  second.write('main.tf', first.readFile('main.tf').replace(hclString(d1.userId), hclString(d2.userId)));
  expectExit(await first.plan('-out=p.tfplan'), 0, 'plan of the first run');
  expectExit(await second.plan('-out=p.tfplan'), 0, 'plan of the second run');

  expectExit(await first.apply('p.tfplan'), 0, 'apply of the first run');
  const refused = expectExit(await second.apply('p.tfplan'), 1, 'apply of the second run');
  expect(flat(refused.stderr)).toContain(`also moves developer user(s) "${d1.userId}"`);
  expect(await identityOf(pool, s.userId)).toBe(d1.identityId);
  expect(await identityOf(pool, d2.userId)).toBe(d2.identityId);
  first.cleanup();
  second.cleanup();
});

test('after the merged identity is itself merged elsewhere, refresh follows the users: no phantom create', async () => {
  const { ws, pool, configure } = await newCase(env, 'refresh-follows', 3);
  const [dst, src, hub] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.apply(), 0, 'apply');
  await mergeOutOfBand(env.client, pool, dst.userId, hub.userId);

  const plan = expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the out-of-band merge');
  expect(plan.stdout).not.toContain('will be created');
  expectExit(await ws.apply('-refresh-only'), 0, 'apply -refresh-only');
  const res = first(await ws.resources(), 'the resources in state');
  expect(res.values.identity_id).toBe(hub.identityId);
  expect([...(res.values.developer_user_identifiers as string[])].sort()).toEqual([dst.userId, src.userId, hub.userId].sort());
  ws.cleanup();
});

test('import of a merge whose identity holds other users: imported as it is, and the next plan is empty', async () => {
  const { ws, pool, configure } = await newCase(env, 'import-crowded', 3);
  const [dst, src, rider] = pool.users;
  await mergeOutOfBand(env.client, pool, rider.userId, src.userId);
  await mergeOutOfBand(env.client, pool, src.userId, dst.userId);
  const merges = env.emulator.stats().merges;
  const m = mergeOf(pool, src, dst);
  configure(mergeResource('m', m));
  expectExit(await ws.import('cognitoidentity_merged_identity.m', importId(m)), 0, 'import');
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after import');
  const res = first(await ws.resources(), 'the resources in state');
  expect([...(res.values.developer_user_identifiers as string[])].sort()).toEqual([dst.userId, src.userId, rider.userId].sort());
  expect(res.values.moving_users).toEqual([]);
  expect(env.emulator.stats().merges).toBe(merges);
  ws.cleanup();
});

test('fan-in of 19 sources, the most the default count allows, applies at default parallelism', async () => {
  const { ws, pool, configure } = await newCase(env, 'fan-in-19', 20);
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
  expectExit(await ws.apply(), 0, 'apply of 19 merges');
  expect(env.emulator.stats().merges - merges).toBe(19);
  const hub = await lookupUser(env.client, pool.poolId, dst.userId);
  expect(hub.identityId).toBe(dst.identityId);
  expect([...hub.userIds].sort()).toEqual(pool.users.map((u) => u.userId).sort());
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the fan-in');
  ws.cleanup();
});
