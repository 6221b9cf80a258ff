/**
 * What counts toward a merge's 20 linked logins is an UNCONFIRMED point of the
 * service (see emulator/README.md): by default developer user ids count, and
 * with loginLimitCounts 'public' only public-provider logins do.
 */
import { LookupDeveloperIdentityCommand, MergeDeveloperIdentitiesCommand, type CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { startEmulator } from '../../emulator/src';
import { createPool, DEV_PROVIDER, registerUser, useEmulator } from './helpers';
import { nth } from '../support/lists';

const USERS = 30;

async function mergeAllInto(client: CognitoIdentityClient, poolId: string, destination: string, sources: string[]): Promise<void> {
  for (const source of sources) {
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: DEV_PROVIDER,
        SourceUserIdentifier: source,
        DestinationUserIdentifier: destination,
      }),
    );
  }
}

async function seed(client: CognitoIdentityClient): Promise<{ poolId: string; sources: string[] }> {
  const poolId = await createPool(client);
  await registerUser(client, poolId, 'dst');
  const sources = Array.from({ length: USERS - 1 }, (_, i) => `src-${i}`);
  for (const s of sources) await registerUser(client, poolId, s);
  return { poolId, sources };
}

describe("loginLimitCounts: 'public'", () => {
  const ctx = useEmulator({ loginLimitCounts: 'public' });

  test(`${USERS} developer users merge into one identity`, async () => {
    const client = ctx.client();
    const { poolId, sources } = await seed(client);
    await mergeAllInto(client, poolId, 'dst', sources);
    const all = await client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'dst', MaxResults: 60 }));
    expect(all.DeveloperUserIdentifierList).toHaveLength(USERS);
  });
});

describe("loginLimitCounts: 'all' (the default)", () => {
  const ctx = useEmulator();

  test('the 20th developer id on one identity is the last a merge accepts', async () => {
    const client = ctx.client();
    const { poolId, sources } = await seed(client);
    await mergeAllInto(client, poolId, 'dst', sources.slice(0, 19));
    await expect(mergeAllInto(client, poolId, 'dst', [nth(sources, 19, 'the sources')])).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('21 linked logins'),
    });
  });
});

test('an unknown loginLimitCounts is refused at start', async () => {
  // @ts-expect-error: the wrong value a JavaScript caller could pass
  await expect(startEmulator({ loginLimitCounts: 'developer' })).rejects.toThrow(/loginLimitCounts must be one of all, public/);
});
