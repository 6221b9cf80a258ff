// Implicit merges (emulator/README.md, "Logins spread over several
// identities"): a GetId or GetOpenIdTokenForDeveloperIdentity call whose
// logins belong to different identities merges them, as the developer guide
// says. The oldest identity owns the result; the others are disabled, as after
// MergeDeveloperIdentities. Driven through the AWS SDK and the AWS CLI over HTTP.

import { DescribeIdentityCommand, GetIdCommand, ListIdentitiesCommand, MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { AwsCli, findAwsCli } from '../support/aws-cli';
import { lookupUser, REGION, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createPool, DEV_PROVIDER, registerUser } from './helpers';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

const FACEBOOK = 'graph.facebook.com';

async function enabledIdentities(poolId: string): Promise<string[]> {
  const out = await env.client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled: true }));
  return (out.Identities ?? []).map((i) => i.IdentityId ?? '');
}

test('SDK: a developer login and a public login of two identities merge into the older one', async () => {
  const poolId = await createPool(env.client);
  const older = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-anna' } }))).IdentityId;
  const newer = await registerUser(env.client, poolId, 'anna');
  await registerUser(env.client, poolId, 'anna-tablet');
  // anna-tablet was merged into anna's identity earlier; the implicit merge moves it too.
  await env.client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: DEV_PROVIDER,
      SourceUserIdentifier: 'anna-tablet',
      DestinationUserIdentifier: 'anna',
    }),
  );

  const merged = await registerUser(env.client, poolId, 'anna', { [FACEBOOK]: 'fb-anna' });
  expect(merged).toBe(older);
  expect(await lookupUser(env.client, poolId, 'anna-tablet')).toEqual({ identityId: older, userIds: ['anna', 'anna-tablet'] });
  expect((await env.client.send(new DescribeIdentityCommand({ IdentityId: older }))).Logins?.sort()).toEqual([DEV_PROVIDER, FACEBOOK].sort());
  expect((await env.client.send(new DescribeIdentityCommand({ IdentityId: newer }))).Logins).toEqual([]);
  expect(await enabledIdentities(poolId)).toEqual([older]);
});

test('SDK: identities holding different users of one public provider are not merged (ResourceConflictException), nothing changes', async () => {
  const poolId = await createPool(env.client, { SupportedLoginProviders: { [FACEBOOK]: '1', 'accounts.google.com': '2' } });
  const first = await registerUser(env.client, poolId, 'bo', { [FACEBOOK]: 'fb-bo' });
  const second = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': 'g-bo' } }))).IdentityId;
  await registerUser(env.client, poolId, 'bo-other', { [FACEBOOK]: 'fb-other' });
  // Facebook's fb-bo and Google's g-bo merge `first` and `second`; fine, no provider holds two users.
  await expect(
    env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-bo', 'accounts.google.com': 'g-bo' } })),
  ).resolves.toMatchObject({ IdentityId: first });
  // bo-other's identity has Facebook user fb-other, `first` has fb-bo: merging them would give Facebook two users.
  await expect(registerUser(env.client, poolId, 'bo-other', { [FACEBOOK]: 'fb-bo' })).rejects.toMatchObject({ name: 'ResourceConflictException' });
  expect((await lookupUser(env.client, poolId, 'bo-other')).userIds).toEqual(['bo-other']);
  expect((await env.client.send(new DescribeIdentityCommand({ IdentityId: second }))).Logins).toEqual([]);
});

test('AWS CLI: get-id with the logins of two identities answers the older one, and the newer is disabled', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const poolId = await createPool(env.client, { SupportedLoginProviders: { [FACEBOOK]: '1', 'accounts.google.com': '2' } });
  const older = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-cy' } }))).IdentityId;
  const newer = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': 'g-cy' } }))).IdentityId;
  const out = await cli.json<{ IdentityId: string }>('get-id', [
    '--identity-pool-id',
    poolId,
    '--logins',
    JSON.stringify({ [FACEBOOK]: 'fb-cy', 'accounts.google.com': 'g-cy' }),
  ]);
  expect(out.IdentityId).toBe(older);
  expect(await enabledIdentities(poolId)).toEqual([older]);
  expect(newer).not.toBe(older);
});

test('AWS CLI: get-open-id-token-for-developer-identity with the logins of two identities merges them into the older one', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const poolId = await createPool(env.client);
  const older = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-dee' } }))).IdentityId;
  const newer = await registerUser(env.client, poolId, 'dee');
  const out = await cli.json<{ IdentityId: string; Token: string }>('get-open-id-token-for-developer-identity', [
    '--identity-pool-id',
    poolId,
    '--logins',
    JSON.stringify({ [DEV_PROVIDER]: 'dee', [FACEBOOK]: 'fb-dee' }),
  ]);
  expect(out.IdentityId).toBe(older);
  expect(out.Token.split('.')).toHaveLength(3);
  expect(await lookupUser(env.client, poolId, 'dee')).toEqual({ identityId: older, userIds: ['dee'] });
  expect(await enabledIdentities(poolId)).toEqual([older]);
  expect(newer).not.toBe(older);
});

const GOOGLE = 'accounts.google.com';
const AMAZON = 'www.amazon.com';

/** Two identities that cannot merge: each holds a different Facebook user. */
async function conflictingPair(): Promise<{ poolId: string; first: string; second: string }> {
  const poolId = await createPool(env.client, { SupportedLoginProviders: { [FACEBOOK]: '1', [GOOGLE]: '2', [AMAZON]: '3' } });
  const first = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-eve' } }))).IdentityId ?? '';
  const second = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [GOOGLE]: 'g-eve' } }))).IdentityId ?? '';
  // Linking a second login onto an identity: GetId with a login it already holds, plus the new one.
  await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [GOOGLE]: 'g-eve', [FACEBOOK]: 'fb-other' } }));
  return { poolId, first, second };
}

async function loginsOf(identityId: string): Promise<string[]> {
  return ((await env.client.send(new DescribeIdentityCommand({ IdentityId: identityId }))).Logins ?? []).sort();
}

test('SDK: GetId whose logins would give one identity two Facebook users is refused (ResourceConflictException), nothing changes', async () => {
  const { poolId, first, second } = await conflictingPair();
  await expect(env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-eve', [GOOGLE]: 'g-eve' } }))).rejects.toMatchObject({
    name: 'ResourceConflictException',
  });
  expect((await enabledIdentities(poolId)).sort()).toEqual([first, second].sort());
  expect(await loginsOf(first)).toEqual([FACEBOOK]);
  expect(await loginsOf(second)).toEqual([FACEBOOK, GOOGLE].sort());
});

test('SDK: a merge that would pass, refused for a new login of the same call, is not made either', async () => {
  const poolId = await createPool(env.client, { SupportedLoginProviders: { [FACEBOOK]: '1', [GOOGLE]: '2', [AMAZON]: '3' } });
  const first = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-fay' } }))).IdentityId ?? '';
  const second = (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [GOOGLE]: 'g-fay', [AMAZON]: 'amzn-fay' } }))).IdentityId ?? '';
  // first and second could merge, but the merged identity would hold two Amazon users.
  const call = new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-fay', [GOOGLE]: 'g-fay', [AMAZON]: 'amzn-new' } });
  await expect(env.client.send(call)).rejects.toMatchObject({ name: 'ResourceConflictException' });
  expect((await enabledIdentities(poolId)).sort()).toEqual([first, second].sort());
  expect(await loginsOf(first)).toEqual([FACEBOOK]);
  expect(await loginsOf(second)).toEqual([AMAZON, GOOGLE].sort());
});

test('AWS CLI: get-id and get-open-id-token-for-developer-identity with the logins of two unmergeable identities fail with ResourceConflictException, nothing changes', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const { poolId, first, second } = await conflictingPair();
  await registerUser(env.client, poolId, 'eve', { [FACEBOOK]: 'fb-eve' });
  const calls: [string, Record<string, string>][] = [
    ['get-id', { [FACEBOOK]: 'fb-eve', [GOOGLE]: 'g-eve' }],
    ['get-open-id-token-for-developer-identity', { [DEV_PROVIDER]: 'eve', [GOOGLE]: 'g-eve' }],
  ];
  for (const [command, logins] of calls) {
    const r = await cli.run(['cognito-identity', command, '--identity-pool-id', poolId, '--logins', JSON.stringify(logins)]);
    expect({ command, failed: r.code !== 0, conflict: r.stderr.includes('ResourceConflictException') }).toEqual({ command, failed: true, conflict: true });
  }
  expect((await enabledIdentities(poolId)).sort()).toEqual([first, second].sort());
  expect(await lookupUser(env.client, poolId, 'eve')).toEqual({ identityId: first, userIds: ['eve'] });
  expect(await loginsOf(second)).toEqual([FACEBOOK, GOOGLE].sort());
});
