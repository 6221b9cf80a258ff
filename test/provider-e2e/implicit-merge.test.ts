// An app merges identities implicitly (a sign-in with logins of two
// identities, emulator/README.md) after Terraform applied a merge: the merged
// users still share one identity, now another one. Refresh follows the users,
// so the next plan neither re-creates nor replaces the merge, and state takes
// the new identity id. Checked through LookupDeveloperIdentity.

import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { createDeveloperPool, registerDeveloperUser } from '../../examples/demo/seed';
import { createDeveloperUser, lookupUser, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit } from '../support/terraform';
import { first } from '../support/lists';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

const GOOGLE = 'accounts.google.com';

test('a merge whose users an app later merged implicitly into an older identity stays merged: empty plan, state follows', async () => {
  const { ws, configure } = await newCase(env, 'implicit-merge', 0);
  const created = await createDeveloperPool(env.client, 'implicit', 'login.implicit.test', { SupportedLoginProviders: { [GOOGLE]: 'app-client' } });
  const poolId = created.poolId;
  // The person first signed in with Google only: the oldest identity.
  const google = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [GOOGLE]: 'g-dana' } }))).IdentityId ?? '';
  const pool: TestPool = { ...created, users: [] };
  const dst = await createDeveloperUser(env.client, poolId, pool.providerName, 'dana');
  const src = await createDeveloperUser(env.client, poolId, pool.providerName, 'dana-tablet');
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.apply(), 0, 'apply');

  // The app signs dana in with both logins: the identities merge implicitly, the older (Google's) owns them.
  expect(await registerDeveloperUser(env.client, pool, 'dana', { [GOOGLE]: 'g-dana' })).toBe(google);
  expect(await lookupUser(env.client, poolId, 'dana-tablet')).toEqual({ identityId: google, userIds: ['dana', 'dana-tablet'] });

  const plan = expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the implicit merge');
  expect(plan.stdout).not.toMatch(/will be created|must be replaced/);
  expectExit(await ws.apply('-refresh-only'), 0, 'apply -refresh-only');
  const res = first(await ws.resources(), 'the resources in state');
  expect(res.values.identity_id).toBe(google);
  expect(env.emulator.stats().calls.MergeDeveloperIdentities).toBe(1);
  ws.cleanup();
});
