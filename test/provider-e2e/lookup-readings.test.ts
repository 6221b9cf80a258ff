// A lookup by user may list every user of the identity (what AWS's field
// documentation suggests, and the emulator's default) or only the user asked
// about; AWS does not say which. Plan takes what the lookup lists, and apply
// reads the source's identity by id before merging, so under the second
// reading too nothing moves that plan did not show. Checked through
// LookupDeveloperIdentity by identity id, which lists every user under both.

import { LookupDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { mergeOutOfBand, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit, flat } from '../support/terraform';
import { first } from '../support/lists';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator({ lookupByUserLists: 'given' });
});
afterAll(async () => {
  await env?.stop();
});

async function usersOf(poolId: string, identityId: string): Promise<string[]> {
  const out = await env.client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: identityId, MaxResults: 60 }));
  return [...(out.DeveloperUserIdentifierList ?? [])].sort();
}

test('when a lookup by user lists only that user, apply still finds the rider plan could not see, and merges nothing', async () => {
  const { ws, pool, configure } = await newCase(env, 'given-rider', 3);
  const [dst, src, rider] = pool.users;
  await mergeOutOfBand(env.client, pool, rider.userId, src.userId);
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  const merges = env.emulator.stats().merges;

  const refused = expectExit(await ws.apply(), 1, 'apply');
  const text = flat(refused.stderr);
  expect(text).toContain('Identities changed since plan');
  expect(text).toContain(`gained "${rider.userId}"`);
  expect(text).toContain('Nothing was merged');
  expectNoCrash(refused);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await usersOf(pool.poolId, src.identityId)).toEqual([rider.userId, src.userId].sort());
  expect(await usersOf(pool.poolId, dst.identityId)).toEqual([dst.userId]);
  ws.cleanup();
});

test('under that reading a plain merge still applies, reads every user back by identity, and the next plan is empty', async () => {
  const { ws, pool, configure } = await newCase(env, 'given-plain', 3);
  const [dst, src, other] = pool.users;
  await mergeOutOfBand(env.client, pool, other.userId, dst.userId);
  configure(mergeResource('m', mergeOf(pool, src, dst)));

  expectExit(await ws.apply(), 0, 'apply');
  expect(await usersOf(pool.poolId, dst.identityId)).toEqual([dst.userId, other.userId, src.userId].sort());
  const res = first(await ws.resources(), 'the resources in state');
  expect(res.values.moving_users).toEqual([src.userId]);
  expect([...(res.values.developer_user_identifiers as string[])].sort()).toEqual([dst.userId, other.userId, src.userId].sort());
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after apply');
  ws.cleanup();
});

test('under that reading, consent makes plan read the source identity by id: plan shows the rider and apply moves it', async () => {
  const { ws, pool, configure } = await newCase(env, 'given-consent', 3);
  const [dst, src, rider] = pool.users;
  await mergeOutOfBand(env.client, pool, rider.userId, src.userId);
  configure(mergeResource('m', { ...mergeOf(pool, src, dst), allow_moving_unnamed_logins: true }));

  const plan = expectExit(await ws.plan(), 0, 'plan');
  expect(flat(plan.stdout)).toContain(`+ moving_users = [ + "${src.userId}", + "${rider.userId}", ]`);
  expectExit(await ws.apply(), 0, 'apply');
  expect(await usersOf(pool.poolId, dst.identityId)).toEqual([dst.userId, rider.userId, src.userId].sort());
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after apply');
  ws.cleanup();
});
