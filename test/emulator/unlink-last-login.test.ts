// Unlinking an identity's last login disables the identity: it cannot go back
// to unauthenticated (emulator/README.md, evidence table). Driven through the
// AWS SDK over HTTP; an identity that keeps a login stays enabled.
import { ListIdentitiesCommand, UnlinkDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, registerUser, useEmulator } from './helpers';

const ctx = useEmulator();

async function enabledIds(poolId: string): Promise<string[]> {
  const out = await ctx.client().send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled: true }));
  return (out.Identities ?? []).flatMap((i) => (i.IdentityId ? [i.IdentityId] : []));
}

test('unlinking the last developer user disables the identity; one that keeps a login stays enabled', async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  const alone = await registerUser(client, poolId, 'alone');
  const social = await registerUser(client, poolId, 'social', { 'graph.facebook.com': 'fb-user-1' });
  const unlink = (identityId: string, user: string) =>
    client.send(
      new UnlinkDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        IdentityId: identityId,
        DeveloperProviderName: DEV_PROVIDER,
        DeveloperUserIdentifier: user,
      }),
    );

  expect(await enabledIds(poolId)).toContain(alone);
  await unlink(alone, 'alone');
  expect(await enabledIds(poolId)).not.toContain(alone);
  await unlink(social, 'social');
  expect(await enabledIds(poolId)).toContain(social);
  // A user unlinked from a disabled identity comes back on a new identity.
  expect(await registerUser(client, poolId, 'alone')).not.toBe(alone);
});
