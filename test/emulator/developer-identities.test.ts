/** GetOpenIdTokenForDeveloperIdentity and LookupDeveloperIdentity; merges and unlinks: developer-merges.test.ts. */
import { DescribeIdentityCommand, GetOpenIdTokenForDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, lookupDeveloper, mergeDevelopers, MISSING_POOL, registerUser, useEmulator } from './helpers';
import { first } from '../support/lists';

const ctx = useEmulator();

describe('GetOpenIdTokenForDeveloperIdentity', () => {
  test('creates an identity for a new user and returns the same one afterwards, with a token', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const first = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: 'alice' }, TokenDuration: 3600 }),
    );
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(first.Token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const again = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: 'alice' } }));
    expect(again.IdentityId).toBe(first.IdentityId);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId }))).Logins).toEqual([DEV_PROVIDER]);
  });

  test('links to a given IdentityId, with the documented refusals', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const alice = await registerUser(client, poolId, 'alice');
    const bob = await registerUser(client, poolId, 'bob');

    // The user is already on another identity.
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: alice, Logins: { [DEV_PROVIDER]: 'bob' } })),
    ).rejects.toMatchObject({ name: 'DeveloperUserAlreadyRegisteredException' });

    // The identity has logins and the request carries none of them.
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: alice, Logins: { [DEV_PROVIDER]: 'carol' } })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });

    // With one of its existing logins, a new user links to it.
    const linked = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        IdentityId: bob,
        Logins: { [DEV_PROVIDER]: 'bob', 'graph.facebook.com': 'fb-bob' },
      }),
    );
    expect(linked.IdentityId).toBe(bob);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: bob }))).Logins?.sort()).toEqual([DEV_PROVIDER, 'graph.facebook.com'].sort());

    // An unauthenticated identity (no logins) accepts a first login.
    const { IdentityId: unauth } = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: 'dave' } }),
    );
    expect(unauth).toBeDefined();

    // A second, different user of the same public provider on one identity conflicts.
    await expect(
      client.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: bob,
          Logins: { [DEV_PROVIDER]: 'bob', 'graph.facebook.com': 'fb-someone-else' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException' });
  });

  test('provider and pool errors', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const noDevPool = await createPool(client, { DeveloperProviderName: undefined });
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { 'other.provider': 'x' } })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'This identity pool does not support the specified developer provider.' });
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: noDevPool, Logins: { [DEV_PROVIDER]: 'x' } })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: MISSING_POOL, Logins: { [DEV_PROVIDER]: 'x' } })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `IdentityPool '${MISSING_POOL}' not found.` });
    await expect(
      client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: 'x' }, TokenDuration: 86401 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '86401' at 'tokenDuration' failed to satisfy constraint: Member must have value less than or equal to 86400",
    });
  });
});

describe('LookupDeveloperIdentity', () => {
  test('both directions, match check, and errors', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const alice = await registerUser(client, poolId, 'alice');
    const bob = await registerUser(client, poolId, 'bob');

    expect(await lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'alice' })).toMatchObject({
      IdentityId: alice,
      DeveloperUserIdentifierList: ['alice'],
    });
    expect(await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: bob })).toMatchObject({ IdentityId: bob, DeveloperUserIdentifierList: ['bob'] });
    expect(await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: alice, DeveloperUserIdentifier: 'alice' })).toMatchObject({ IdentityId: alice });
    // Both keys, matching: the answer echoes the request (API Reference), even when the identity holds more users.
    await mergeDevelopers(client, poolId, 'bob', 'alice');
    const both = await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: alice, DeveloperUserIdentifier: 'bob' });
    expect(both.IdentityId).toBe(alice);
    expect(both.DeveloperUserIdentifierList).toEqual(['bob']);
    expect((await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: alice })).DeveloperUserIdentifierList).toEqual(['alice', 'bob']);

    const carol = await registerUser(client, poolId, 'carol');
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: carol, DeveloperUserIdentifier: 'bob' })).rejects.toMatchObject({
      name: 'ResourceConflictException',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Either IdentityId or DeveloperUserIdentifier must be specified.',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'nobody' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000001' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: MISSING_POOL, DeveloperUserIdentifier: 'alice' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: alice, NextToken: 'not-a-token' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: alice, MaxResults: 61 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
  });

  test('pages over 65 identifiers of one identity in insertion order (MaxResults 60, then 7, then default)', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const users = Array.from({ length: 65 }, (_, i) => `user-${String(i).padStart(2, '0')}`);
    // user-00 plus a Facebook login: later links include that login, so "Logins don't match" does not apply.
    const identityId = await registerUser(client, poolId, first(users, 'the users'), { 'graph.facebook.com': 'fb-owner' });
    for (const user of users.slice(1)) {
      const out = await client.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: identityId,
          Logins: { [DEV_PROVIDER]: user, 'graph.facebook.com': 'fb-owner' },
        }),
      );
      expect(out.IdentityId).toBe(identityId);
    }

    const page1 = await lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-30', MaxResults: 60 });
    expect(page1.IdentityId).toBe(identityId);
    expect(page1.DeveloperUserIdentifierList).toEqual(users.slice(0, 60));
    expect(page1.NextToken).toBeDefined();
    const page2 = await lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-30', MaxResults: 60, NextToken: page1.NextToken });
    expect(page2.DeveloperUserIdentifierList).toEqual(users.slice(60));
    expect(page2.NextToken).toBeUndefined();

    const collected: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: identityId, MaxResults: 7, NextToken: token });
      expect(page.DeveloperUserIdentifierList?.length).toBeLessThanOrEqual(7);
      collected.push(...(page.DeveloperUserIdentifierList ?? []));
      token = page.NextToken;
      pages += 1;
    } while (token && pages < 20);
    expect(pages).toBe(10);
    expect(collected).toEqual(users);

    const byDefault = await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: identityId });
    expect(byDefault.DeveloperUserIdentifierList).toHaveLength(60);

    // A token issued for another identity is refused.
    const other = await registerUser(client, poolId, 'somebody-else');
    await expect(lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: other, NextToken: page1.NextToken })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});
