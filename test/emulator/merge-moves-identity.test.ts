// Pins the emulator's reading of MergeDeveloperIdentities that the provider's
// safety rule rests on (emulator/README.md, "Merge: the source identity"):
// a merge moves the WHOLE source identity, every developer user and public
// login on it, not only the named source user, and disables that identity.
// Driven through the AWS SDK and the AWS CLI over HTTP.

import { DescribeIdentityCommand, ListIdentitiesCommand, MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
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

/** A pool where the source's identity holds `src` and `rider` (merged earlier) and a Facebook login. */
async function crowdedSource(): Promise<{ poolId: string; src: string; dst: string }> {
  const poolId = await createPool(env.client);
  const src = await registerUser(env.client, poolId, 'src', { 'graph.facebook.com': 'fb-src' });
  await registerUser(env.client, poolId, 'rider');
  await env.client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: DEV_PROVIDER,
      SourceUserIdentifier: 'rider',
      DestinationUserIdentifier: 'src',
    }),
  );
  const dst = await registerUser(env.client, poolId, 'dst');
  return { poolId, src, dst };
}

test('SDK: merging one user moves every user and login of its identity, and disables that identity', async () => {
  const { poolId, src, dst } = await crowdedSource();
  const out = await env.client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: DEV_PROVIDER,
      SourceUserIdentifier: 'src',
      DestinationUserIdentifier: 'dst',
    }),
  );
  expect(out.IdentityId).toBe(dst);
  // The rider was never named, and it moved too.
  expect(await lookupUser(env.client, poolId, 'rider')).toEqual({ identityId: dst, userIds: ['dst', 'src', 'rider'] });
  expect((await env.client.send(new DescribeIdentityCommand({ IdentityId: dst }))).Logins?.sort()).toEqual([DEV_PROVIDER, 'graph.facebook.com'].sort());
  // The source identity is left disabled and empty.
  expect((await env.client.send(new DescribeIdentityCommand({ IdentityId: src }))).Logins).toEqual([]);
  const enabled = await env.client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled: true }));
  expect(enabled.Identities?.map((i) => i.IdentityId)).not.toContain(src);
});

test('AWS CLI: the same, through botocore', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const { poolId, dst } = await crowdedSource();
  const merged = await cli.json<{ IdentityId: string }>('merge-developer-identities', [
    '--identity-pool-id',
    poolId,
    '--developer-provider-name',
    DEV_PROVIDER,
    '--source-user-identifier',
    'src',
    '--destination-user-identifier',
    'dst',
  ]);
  expect(merged.IdentityId).toBe(dst);
  const rider = await cli.json<{ IdentityId: string; DeveloperUserIdentifierList: string[] }>('lookup-developer-identity', [
    '--identity-pool-id',
    poolId,
    '--developer-user-identifier',
    'rider',
  ]);
  expect(rider.IdentityId).toBe(dst);
  expect(rider.DeveloperUserIdentifierList.sort()).toEqual(['dst', 'rider', 'src']);
});
