// "What a merge moves" (docs/resources/merged_identity.md), the plan half,
// through the real Terraform: plan shows every user that moves and refuses
// what the configuration does not name. Every check of what moved goes
// through LookupDeveloperIdentity, not through the provider's output.

import { createDeveloperPool } from '../../examples/demo/seed';
import { createDeveloperUser, lookupUser, mergeOutOfBand, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit, flat } from '../support/terraform';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

async function identityOf(pool: TestPool, user: string): Promise<string> {
  return (await lookupUser(env.client, pool.poolId, user)).identityId;
}

test('a user on the source identity blocks the plan, named; with consent the plan lists it and apply moves it', async () => {
  const { ws, pool, configure } = await newCase(env, 'unnamed-user', 3);
  const [dst, src, rider] = pool.users;
  await mergeOutOfBand(env.client, pool, rider.userId, src.userId);
  const merges = env.emulator.stats().merges;

  configure(mergeResource('m', mergeOf(pool, src, dst)));
  const refused = expectExit(await ws.plan(), 1, 'plan of a merge that would move an unnamed user');
  expect(flat(refused.stderr)).toContain('Merge would move logins this resource does not name');
  expect(flat(refused.stderr)).toContain(`also moves developer user(s) "${rider.userId}"`);
  expect(flat(refused.stderr)).toContain('allow_moving_unnamed_logins = true');
  expectNoCrash(refused);

  configure(mergeResource('m', { ...mergeOf(pool, src, dst), allow_moving_unnamed_logins: true }));
  expectExit(await ws.plan('-out=consented.tfplan'), 0, 'plan with consent');
  const planned = (await ws.plannedValues('consented.tfplan')).get('cognitoidentity_merged_identity.m')!;
  expect(planned.moving_users).toEqual([src.userId, rider.userId]);
  expect(planned.moving_public_logins).toBe(0);
  expect(planned.identity_id).toBe(dst.identityId);
  expect(env.emulator.stats().merges).toBe(merges);

  expectExit(await ws.apply('consented.tfplan'), 0, 'apply with consent');
  expect(await identityOf(pool, rider.userId)).toBe(dst.identityId);
  expect(await identityOf(pool, src.userId)).toBe(dst.identityId);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the consented merge');
  ws.cleanup();
});

test('a public login on the source identity blocks the plan; with consent the plan counts it', async () => {
  const { ws, configure } = await newCase(env, 'public-login', 0);
  const created = await createDeveloperPool(env.client, 'with_google', 'login.public.test', {
    SupportedLoginProviders: { 'accounts.google.com': 'app-client' },
  });
  const pool: TestPool = { ...created, users: [] };
  const dst = await createDeveloperUser(env.client, pool.poolId, pool.providerName, 'primary');
  const src = await createDeveloperUser(env.client, pool.poolId, pool.providerName, 'tablet');
  // The tablet user also signed in with Google, so its identity carries a public login.
  await env.client.send(
    new (await import('@aws-sdk/client-cognito-identity')).GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: pool.poolId,
      IdentityId: src.identityId,
      Logins: { [pool.providerName]: src.userId, 'accounts.google.com': 'google-token-tablet' },
    }),
  );

  configure(mergeResource('m', mergeOf(pool, src, dst)));
  const refused = expectExit(await ws.plan(), 1, 'plan of a merge that would move a public login');
  expect(flat(refused.stderr)).toContain('also moves 1 public login(s)');

  configure(mergeResource('m', { ...mergeOf(pool, src, dst), allow_moving_unnamed_logins: true }));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan with consent');
  const planned = (await ws.plannedValues('p.tfplan')).get('cognitoidentity_merged_identity.m')!;
  expect(planned.moving_users).toEqual([src.userId]);
  expect(planned.moving_public_logins).toBe(1);
  expect(await identityOf(pool, src.userId)).toBe(src.identityId);
  ws.cleanup();
});

test('the same source in two merges is refused at plan, on both, and nothing is merged', async () => {
  const { ws, pool, configure } = await newCase(env, 'same-source', 3);
  const [d1, d2, s] = pool.users;
  const merges = env.emulator.stats().merges;
  configure(mergeResource('one', mergeOf(pool, s, d1)) + mergeResource('two', mergeOf(pool, s, d2)));

  const refused = expectExit(await ws.plan(), 1, 'plan with one source in two merges');
  const text = flat(refused.stderr);
  expect(text).toContain('Same source in two merges');
  expect(text).toContain('with cognitoidentity_merged_identity.one');
  expect(text).toContain('with cognitoidentity_merged_identity.two');

  // One at a time, the merge planned first cannot know of the second; the second still refuses, naming the first.
  const serial = expectExit(await ws.apply('-parallelism=1'), 1, 'apply -parallelism=1 with one source in two merges');
  expect(flat(serial.stderr)).toContain('Same source in two merges');
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, d1.userId)).not.toBe(await identityOf(pool, d2.userId));
  expect(await identityOf(pool, s.userId)).toBe(s.identityId);
  ws.cleanup();
});

test('a chain is refused at plan with the fan-in alternative, and the fan-in applies', async () => {
  const { ws, pool, configure } = await newCase(env, 'chain', 3);
  const [a, b, c] = pool.users;
  const merges = env.emulator.stats().merges;
  configure(mergeResource('ab', mergeOf(pool, a, b)) + mergeResource('bc', mergeOf(pool, b, c)));

  const refused = expectExit(await ws.plan(), 1, 'plan of a chain');
  const text = flat(refused.stderr);
  expect(text).toContain('Chained merges');
  expect(text).toContain(`Write the chain as a fan-in: merge every source straight into the final destination (for example "${a.userId}" -> "${c.userId}")`);
  expect(env.emulator.stats().merges).toBe(merges);

  configure(mergeResource('ac', mergeOf(pool, a, c)) + mergeResource('bc', mergeOf(pool, b, c)));
  expectExit(await ws.apply(), 0, 'apply of the fan-in');
  expect(await identityOf(pool, a.userId)).toBe(c.identityId);
  expect(await identityOf(pool, b.userId)).toBe(c.identityId);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the fan-in');
  ws.cleanup();
});

test('changing the destination of an applied merge would move the old destination too: refused, nothing merged', async () => {
  const { ws, pool, configure } = await newCase(env, 'new-destination', 3);
  const [a, b, t] = pool.users;
  configure(mergeResource('m', mergeOf(pool, t, a)));
  expectExit(await ws.apply(), 0, 'apply t -> a');

  configure(mergeResource('m', mergeOf(pool, t, b)));
  const refused = expectExit(await ws.plan(), 1, 'plan t -> b');
  expect(flat(refused.stderr)).toContain(`also moves developer user(s) "${a.userId}"`);
  expect(await identityOf(pool, a.userId)).toBe(a.identityId);
  expect(await identityOf(pool, b.userId)).toBe(b.identityId);
  ws.cleanup();
});

test('a source already on the destination identity: plan shows nothing moving, apply merges nothing', async () => {
  const { ws, pool, configure } = await newCase(env, 'already-merged', 2);
  const [dst, src] = pool.users;
  await mergeOutOfBand(env.client, pool, src.userId, dst.userId);
  const merges = env.emulator.stats().merges;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.plan('-out=p.tfplan'), 0, 'plan');
  const planned = (await ws.plannedValues('p.tfplan')).get('cognitoidentity_merged_identity.m')!;
  expect(planned.moving_users).toEqual([]);
  expect(planned.moving_public_logins).toBe(0);
  expectExit(await ws.apply('p.tfplan'), 0, 'apply');
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, src.userId)).toBe(dst.identityId);
  ws.cleanup();
});
