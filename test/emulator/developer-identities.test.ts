/** GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity. */
import {
  DescribeIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
  type CognitoIdentityClient,
} from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, registerUser, useEmulator } from './helpers';
import { first } from '../support/lists';

const ctx = useEmulator();
const MISSING_POOL = 'us-east-1:00000000-0000-0000-0000-000000000000';

function merge(client: CognitoIdentityClient, poolId: string, source: string, destination: string, provider = DEV_PROVIDER) {
  return client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: provider,
      SourceUserIdentifier: source,
      DestinationUserIdentifier: destination,
    }),
  );
}

function lookup(
  client: CognitoIdentityClient,
  input: { IdentityPoolId: string; IdentityId?: string; DeveloperUserIdentifier?: string; MaxResults?: number; NextToken?: string },
) {
  return client.send(new LookupDeveloperIdentityCommand(input));
}

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

    expect(await lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'alice' })).toMatchObject({
      IdentityId: alice,
      DeveloperUserIdentifierList: ['alice'],
    });
    expect(await lookup(client, { IdentityPoolId: poolId, IdentityId: bob })).toMatchObject({ IdentityId: bob, DeveloperUserIdentifierList: ['bob'] });
    expect(await lookup(client, { IdentityPoolId: poolId, IdentityId: alice, DeveloperUserIdentifier: 'alice' })).toMatchObject({ IdentityId: alice });
    // Both keys, matching: the answer echoes the request (API Reference), even when the identity holds more users.
    await merge(client, poolId, 'bob', 'alice');
    const both = await lookup(client, { IdentityPoolId: poolId, IdentityId: alice, DeveloperUserIdentifier: 'bob' });
    expect(both.IdentityId).toBe(alice);
    expect(both.DeveloperUserIdentifierList).toEqual(['bob']);
    expect((await lookup(client, { IdentityPoolId: poolId, IdentityId: alice })).DeveloperUserIdentifierList).toEqual(['alice', 'bob']);

    const carol = await registerUser(client, poolId, 'carol');
    await expect(lookup(client, { IdentityPoolId: poolId, IdentityId: carol, DeveloperUserIdentifier: 'bob' })).rejects.toMatchObject({
      name: 'ResourceConflictException',
    });
    await expect(lookup(client, { IdentityPoolId: poolId })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Either IdentityId or DeveloperUserIdentifier must be specified.',
    });
    await expect(lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'nobody' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookup(client, { IdentityPoolId: poolId, IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000001' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookup(client, { IdentityPoolId: MISSING_POOL, DeveloperUserIdentifier: 'alice' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lookup(client, { IdentityPoolId: poolId, IdentityId: alice, NextToken: 'not-a-token' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(lookup(client, { IdentityPoolId: poolId, IdentityId: alice, MaxResults: 61 })).rejects.toMatchObject({
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

    const page1 = await lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-30', MaxResults: 60 });
    expect(page1.IdentityId).toBe(identityId);
    expect(page1.DeveloperUserIdentifierList).toEqual(users.slice(0, 60));
    expect(page1.NextToken).toBeDefined();
    const page2 = await lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-30', MaxResults: 60, NextToken: page1.NextToken });
    expect(page2.DeveloperUserIdentifierList).toEqual(users.slice(60));
    expect(page2.NextToken).toBeUndefined();

    const collected: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await lookup(client, { IdentityPoolId: poolId, IdentityId: identityId, MaxResults: 7, NextToken: token });
      expect(page.DeveloperUserIdentifierList?.length).toBeLessThanOrEqual(7);
      collected.push(...(page.DeveloperUserIdentifierList ?? []));
      token = page.NextToken;
      pages += 1;
    } while (token && pages < 20);
    expect(pages).toBe(10);
    expect(collected).toEqual(users);

    const byDefault = await lookup(client, { IdentityPoolId: poolId, IdentityId: identityId });
    expect(byDefault.DeveloperUserIdentifierList).toHaveLength(60);

    // A token issued for another identity is refused.
    const other = await registerUser(client, poolId, 'somebody-else');
    await expect(lookup(client, { IdentityPoolId: poolId, IdentityId: other, NextToken: page1.NextToken })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('MergeDeveloperIdentities', () => {
  test('moves the source to the destination identity and disables the source', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const src = await registerUser(client, poolId, 'src-user', { 'graph.facebook.com': 'fb-src' });
    const dst = await registerUser(client, poolId, 'dst-user');
    const before = ctx.emulator().stats().merges;

    const out = await merge(client, poolId, 'src-user', 'dst-user');
    expect(out.IdentityId).toBe(dst);
    expect(ctx.emulator().stats().merges).toBe(before + 1);

    expect(await lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'src-user' })).toMatchObject({
      IdentityId: dst,
      DeveloperUserIdentifierList: ['dst-user', 'src-user'],
    });
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: dst }))).Logins?.sort()).toEqual(['graph.facebook.com', DEV_PROVIDER].sort());
    // The source identity is disabled: still described, owns nothing, hidden with HideDisabled.
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: src }))).Logins).toEqual([]);
    expect(await lookup(client, { IdentityPoolId: poolId, IdentityId: src })).toMatchObject({ IdentityId: src, DeveloperUserIdentifierList: [] });
    const all = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
    expect(all.Identities?.map((i) => i.IdentityId)).toEqual([src, dst]);
    const enabled = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled: true }));
    expect(enabled.Identities?.map((i) => i.IdentityId)).toEqual([dst]);
    // The public login now resolves to the destination.
    const viaFacebook = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': 'fb-src' } }),
    );
    expect(viaFacebook.IdentityId).toBe(dst);

    // Merging again (source already on the destination) is an idempotent success that changes nothing.
    expect((await merge(client, poolId, 'src-user', 'dst-user')).IdentityId).toBe(dst);
    expect((await merge(client, poolId, 'dst-user', 'dst-user')).IdentityId).toBe(dst);
    expect(ctx.emulator().stats().merges).toBe(before + 1);
  });

  test('refuses unknown users, a foreign provider and a missing pool', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    await registerUser(client, poolId, 'a');
    await registerUser(client, poolId, 'b');
    await expect(merge(client, poolId, 'ghost', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(merge(client, poolId, 'a', 'ghost')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(merge(client, poolId, 'a', 'b', 'other.provider')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'This identity pool does not support the specified developer provider.',
    });
    await expect(merge(client, MISSING_POOL, 'a', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    // A user of another pool is unknown here.
    const otherPool = await createPool(client);
    await registerUser(client, otherPool, 'c');
    await expect(merge(client, poolId, 'c', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('two different users of one public provider conflict', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    await registerUser(client, poolId, 'left', { 'graph.facebook.com': 'fb-left' });
    await registerUser(client, poolId, 'right', { 'graph.facebook.com': 'fb-right' });
    await expect(merge(client, poolId, 'left', 'right')).rejects.toMatchObject({
      name: 'ResourceConflictException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  test('more than 20 linked logins in total is InvalidParameterException (never LimitExceededException)', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    // Destination: 1 Facebook login + 15 developer ids = 16 linked logins.
    await registerUser(client, poolId, 'd-0', { 'graph.facebook.com': 'fb-d' });
    for (let i = 1; i < 15; i += 1) await registerUser(client, poolId, `d-${i}`);
    for (let i = 1; i < 15; i += 1) await merge(client, poolId, `d-${i}`, 'd-0');
    // Source of 4 (fits exactly 20), then a source of 6 on top (would be 26).
    for (let i = 0; i < 4; i += 1) await registerUser(client, poolId, `s-${i}`);
    for (let i = 1; i < 4; i += 1) await merge(client, poolId, `s-${i}`, 's-0');
    expect((await merge(client, poolId, 's-0', 'd-0')).IdentityId).toBeDefined();
    for (let i = 0; i < 2; i += 1) await registerUser(client, poolId, `t-${i}`);
    await merge(client, poolId, 't-1', 't-0');

    await expect(merge(client, poolId, 't-0', 'd-0')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('22 linked logins'),
    });
    const dst = await lookup(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'd-0' });
    expect(dst.DeveloperUserIdentifierList).toHaveLength(19);
  });
});

describe('UnlinkDeveloperIdentity', () => {
  test('removes one identifier; the user gets a new identity next time', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const identity = await registerUser(client, poolId, 'keep');
    await registerUser(client, poolId, 'drop');
    await merge(client, poolId, 'drop', 'keep');
    const unlink = (identityId: string, user: string, provider = DEV_PROVIDER) =>
      client.send(
        new UnlinkDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: identityId, DeveloperProviderName: provider, DeveloperUserIdentifier: user }),
      );

    await unlink(identity, 'drop');
    expect((await lookup(client, { IdentityPoolId: poolId, IdentityId: identity })).DeveloperUserIdentifierList).toEqual(['keep']);
    const fresh = await registerUser(client, poolId, 'drop');
    expect(fresh).not.toBe(identity);

    await expect(unlink(identity, 'drop')).rejects.toMatchObject({ name: 'ResourceConflictException' });
    await expect(unlink(identity, 'never-seen')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(unlink(identity, 'keep', 'other.provider')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(unlink('us-east-1:00000000-0000-0000-0000-000000000002', 'keep')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
