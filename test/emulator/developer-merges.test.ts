/** MergeDeveloperIdentities and UnlinkDeveloperIdentity (split from developer-identities.test.ts). */
import {
  DescribeIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, lookupDeveloper, mergeDevelopers, MISSING_POOL, registerUser, useEmulator } from './helpers';

const ctx = useEmulator();

describe('MergeDeveloperIdentities', () => {
  test('moves the source to the destination identity and disables the source', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const src = await registerUser(client, poolId, 'src-user', { 'graph.facebook.com': 'fb-src' });
    const dst = await registerUser(client, poolId, 'dst-user');
    const before = ctx.emulator().stats().merges;

    const out = await mergeDevelopers(client, poolId, 'src-user', 'dst-user');
    expect(out.IdentityId).toBe(dst);
    expect(ctx.emulator().stats().merges).toBe(before + 1);

    expect(await lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'src-user' })).toMatchObject({
      IdentityId: dst,
      DeveloperUserIdentifierList: ['dst-user', 'src-user'],
    });
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: dst }))).Logins?.sort()).toEqual(['graph.facebook.com', DEV_PROVIDER].sort());
    // The source identity is disabled: still described, owns nothing, hidden with HideDisabled.
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: src }))).Logins).toEqual([]);
    expect(await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: src })).toMatchObject({ IdentityId: src, DeveloperUserIdentifierList: [] });
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
    expect((await mergeDevelopers(client, poolId, 'src-user', 'dst-user')).IdentityId).toBe(dst);
    expect((await mergeDevelopers(client, poolId, 'dst-user', 'dst-user')).IdentityId).toBe(dst);
    expect(ctx.emulator().stats().merges).toBe(before + 1);
  });

  test('refuses unknown users, a foreign provider and a missing pool', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    await registerUser(client, poolId, 'a');
    await registerUser(client, poolId, 'b');
    await expect(mergeDevelopers(client, poolId, 'ghost', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(mergeDevelopers(client, poolId, 'a', 'ghost')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(mergeDevelopers(client, poolId, 'a', 'b', 'other.provider')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'This identity pool does not support the specified developer provider.',
    });
    await expect(mergeDevelopers(client, MISSING_POOL, 'a', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    // A user of another pool is unknown here.
    const otherPool = await createPool(client);
    await registerUser(client, otherPool, 'c');
    await expect(mergeDevelopers(client, poolId, 'c', 'b')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('two different users of one public provider conflict', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    await registerUser(client, poolId, 'left', { 'graph.facebook.com': 'fb-left' });
    await registerUser(client, poolId, 'right', { 'graph.facebook.com': 'fb-right' });
    await expect(mergeDevelopers(client, poolId, 'left', 'right')).rejects.toMatchObject({
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
    for (let i = 1; i < 15; i += 1) await mergeDevelopers(client, poolId, `d-${i}`, 'd-0');
    // Source of 4 (fits exactly 20), then a source of 6 on top (would be 26).
    for (let i = 0; i < 4; i += 1) await registerUser(client, poolId, `s-${i}`);
    for (let i = 1; i < 4; i += 1) await mergeDevelopers(client, poolId, `s-${i}`, 's-0');
    expect((await mergeDevelopers(client, poolId, 's-0', 'd-0')).IdentityId).toBeDefined();
    for (let i = 0; i < 2; i += 1) await registerUser(client, poolId, `t-${i}`);
    await mergeDevelopers(client, poolId, 't-1', 't-0');

    await expect(mergeDevelopers(client, poolId, 't-0', 'd-0')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('22 linked logins'),
    });
    const dst = await lookupDeveloper(client, { IdentityPoolId: poolId, DeveloperUserIdentifier: 'd-0' });
    expect(dst.DeveloperUserIdentifierList).toHaveLength(19);
  });
});

describe('UnlinkDeveloperIdentity', () => {
  test('removes one identifier; the user gets a new identity next time', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const identity = await registerUser(client, poolId, 'keep');
    await registerUser(client, poolId, 'drop');
    await mergeDevelopers(client, poolId, 'drop', 'keep');
    const unlink = (identityId: string, user: string, provider = DEV_PROVIDER) =>
      client.send(
        new UnlinkDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: identityId, DeveloperProviderName: provider, DeveloperUserIdentifier: user }),
      );

    await unlink(identity, 'drop');
    expect((await lookupDeveloper(client, { IdentityPoolId: poolId, IdentityId: identity })).DeveloperUserIdentifierList).toEqual(['keep']);
    const fresh = await registerUser(client, poolId, 'drop');
    expect(fresh).not.toBe(identity);

    await expect(unlink(identity, 'drop')).rejects.toMatchObject({ name: 'ResourceConflictException' });
    await expect(unlink(identity, 'never-seen')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(unlink(identity, 'keep', 'other.provider')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(unlink('us-east-1:00000000-0000-0000-0000-000000000002', 'keep')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
