// Identity pools and developer users, made through the AWS SDK over HTTP the
// way an application backend makes them: CreateIdentityPool with a developer
// provider, then GetOpenIdTokenForDeveloperIdentity once per user, which
// creates the user's identity. Part of the harness the demo, the tests and
// the benchmarks share (why it lives in examples/demo: local-emulator.ts).

import {
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type CognitoIdentityClient,
  type CreateIdentityPoolCommandInput,
} from '@aws-sdk/client-cognito-identity';

/** A pool and the developer provider its users sign in with. */
export interface DeveloperPool {
  poolId: string;
  providerName: string;
}

/** CreateIdentityPool with `input` as given; returns the new pool's id. */
export async function createIdentityPool(client: CognitoIdentityClient, input: CreateIdentityPoolCommandInput): Promise<string> {
  const created = await client.send(new CreateIdentityPoolCommand(input));
  if (created.IdentityPoolId === undefined) throw new Error('CreateIdentityPool answered without IdentityPoolId');
  return created.IdentityPoolId;
}

/**
 * A pool named `name` whose developer provider is `providerName`, without
 * unauthenticated identities; `extra` adds to the request or overrides it
 * (public login providers, tags).
 */
export async function createDeveloperPool(
  client: CognitoIdentityClient,
  name: string,
  providerName: string,
  extra: Partial<CreateIdentityPoolCommandInput> = {},
): Promise<DeveloperPool> {
  const poolId = await createIdentityPool(client, {
    IdentityPoolName: name,
    AllowUnauthenticatedIdentities: false,
    DeveloperProviderName: providerName,
    ...extra,
  });
  return { poolId, providerName };
}

/**
 * Signs `userId` in as the backend would (GetOpenIdTokenForDeveloperIdentity),
 * with `extraLogins` (e.g. a public provider's token) on the same identity;
 * the first call for a user creates its identity. Returns the identity id.
 */
export async function registerDeveloperUser(
  client: CognitoIdentityClient,
  pool: DeveloperPool,
  userId: string,
  extraLogins: Record<string, string> = {},
): Promise<string> {
  const out = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool.poolId, Logins: { [pool.providerName]: userId, ...extraLogins } }),
  );
  if (out.IdentityId === undefined) throw new Error('GetOpenIdTokenForDeveloperIdentity answered without IdentityId');
  return out.IdentityId;
}

/**
 * Registers every user, `concurrency` at a time (the default 1: one after
 * another, so identities are created in the users' order). Returns the
 * identity ids in the users' order.
 */
export async function registerDeveloperUsers(
  client: CognitoIdentityClient,
  pool: DeveloperPool,
  userIds: readonly string[],
  concurrency = 1,
): Promise<string[]> {
  const identityIds: string[] = [];
  for (let i = 0; i < userIds.length; i += concurrency) {
    const batch = userIds.slice(i, i + concurrency);
    identityIds.push(...(await Promise.all(batch.map((user) => registerDeveloperUser(client, pool, user)))));
  }
  return identityIds;
}
