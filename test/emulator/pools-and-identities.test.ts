/** Identity pool CRUD, roles, tags, GetId, DescribeIdentity, ListIdentities, DeleteIdentities via the AWS SDK. */
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, useEmulator } from './helpers';

const ctx = useEmulator();
const arnOf = (poolId: string): string => `arn:aws:cognito-identity:us-east-1:000000000000:identitypool/${poolId}`;

describe('identity pools', () => {
  test('create, describe, list, update (replace semantics), delete', async () => {
    const client = ctx.client();
    const created = await client.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'crud pool',
        AllowUnauthenticatedIdentities: false,
        AllowClassicFlow: true,
        DeveloperProviderName: DEV_PROVIDER,
        SupportedLoginProviders: { 'graph.facebook.com': '111' },
        IdentityPoolTags: { team: 'a' },
      }),
    );
    const poolId = created.IdentityPoolId ?? '';
    expect(poolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ IdentityPoolName: 'crud pool', AllowClassicFlow: true, DeveloperProviderName: DEV_PROVIDER });

    const described = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(described).toMatchObject({
      IdentityPoolId: poolId,
      AllowUnauthenticatedIdentities: false,
      SupportedLoginProviders: { 'graph.facebook.com': '111' },
      IdentityPoolTags: { team: 'a' },
    });

    const listed = await client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(listed.IdentityPools).toContainEqual({ IdentityPoolId: poolId, IdentityPoolName: 'crud pool' });

    // Replace semantics: what the update leaves out is reset; the developer provider stays.
    const updated = await client.send(
      new UpdateIdentityPoolCommand({ IdentityPoolId: poolId, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true }),
    );
    expect(updated.IdentityPoolName).toBe('renamed');
    expect(updated.SupportedLoginProviders).toBeUndefined();
    expect(updated.AllowClassicFlow).toBeUndefined();
    expect(updated.DeveloperProviderName).toBe(DEV_PROVIDER);

    await expect(
      client.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId: poolId,
          IdentityPoolName: 'renamed',
          AllowUnauthenticatedIdentities: true,
          DeveloperProviderName: 'other.provider',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('DeveloperProviderName cannot be changed') });

    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    await expect(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${poolId}' not found.`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  test('ListIdentityPools pages with NextToken', async () => {
    const client = ctx.client();
    const ids = [await createPool(client), await createPool(client), await createPool(client)];
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListIdentityPoolsCommand({ MaxResults: 1, NextToken: token }));
      expect(page.IdentityPools?.length).toBeLessThanOrEqual(1);
      seen.push(...(page.IdentityPools ?? []).map((p) => p.IdentityPoolId ?? ''));
      token = page.NextToken;
      pages += 1;
    } while (token && pages < 100);
    for (const id of ids) expect(seen).toContain(id);
    await expect(client.send(new ListIdentityPoolsCommand({ MaxResults: 5, NextToken: 'garbage' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  test('roles: SetIdentityPoolRoles is kept and GetIdentityPoolRoles returns it', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    expect(await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }))).toMatchObject({ IdentityPoolId: poolId, Roles: {} });
    const role = 'arn:aws:iam::000000000000:role/authenticated';
    await client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: role } }));
    expect((await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }))).Roles).toEqual({ authenticated: role });
  });

  test('tags: TagResource, UntagResource, ListTagsForResource by pool ARN', async () => {
    const client = ctx.client();
    const poolId = await createPool(client, { IdentityPoolTags: { a: '1' } });
    await client.send(new TagResourceCommand({ ResourceArn: arnOf(poolId), Tags: { b: '2', c: '' } }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arnOf(poolId) }))).Tags).toEqual({ a: '1', b: '2', c: '' });
    await client.send(new UntagResourceCommand({ ResourceArn: arnOf(poolId), TagKeys: ['a', 'c'] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arnOf(poolId) }))).Tags).toEqual({ b: '2' });
    expect((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }))).IdentityPoolTags).toEqual({ b: '2' });

    const missing = arnOf('us-east-1:00000000-0000-0000-0000-000000000000');
    await expect(client.send(new ListTagsForResourceCommand({ ResourceArn: missing }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(client.send(new TagResourceCommand({ ResourceArn: 'arn:aws:s3:::some-bucket-name', Tags: {} }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('ResourceArn'),
    });
  });
});

describe('identities', () => {
  test('GetId gives unauthenticated identities only when the pool allows them', async () => {
    const client = ctx.client();
    const open = await createPool(client, { AllowUnauthenticatedIdentities: true });
    const closed = await createPool(client, { AllowUnauthenticatedIdentities: false });
    const a = await client.send(new GetIdCommand({ IdentityPoolId: open }));
    const b = await client.send(new GetIdCommand({ IdentityPoolId: open }));
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(b.IdentityId).not.toBe(a.IdentityId);
    await expect(client.send(new GetIdCommand({ IdentityPoolId: closed }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    await expect(client.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  test('GetId with a public login returns the same identity each time; unsupported providers are refused', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const first = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': 'fb-token-1' } }));
    const again = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': 'fb-token-1' } }));
    expect(again.IdentityId).toBe(first.IdentityId);
    await expect(client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': 'g' } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
    await expect(client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'cognito-identity.amazonaws.com': 'x' } }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Can't pass in a Cognito token.",
    });
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId }));
    expect(described.Logins).toEqual(['graph.facebook.com']);
    expect(described.CreationDate).toBeInstanceOf(Date);
    expect(described.LastModifiedDate).toBeInstanceOf(Date);
  });

  test('DescribeIdentity of an unknown identity is ResourceNotFoundException', async () => {
    const id = 'us-east-1:00000000-0000-0000-0000-00000000abcd';
    await expect(ctx.client().send(new DescribeIdentityCommand({ IdentityId: id }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Identity '${id}' not found.`,
    });
  });

  test('ListIdentities pages and DeleteIdentities removes', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId ?? '');

    const first = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 3 }));
    expect(first.IdentityPoolId).toBe(poolId);
    expect(first.Identities?.map((i) => i.IdentityId)).toEqual(ids.slice(0, 3));
    expect(first.NextToken).toBeDefined();
    const second = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 3, NextToken: first.NextToken }));
    expect(second.Identities?.map((i) => i.IdentityId)).toEqual(ids.slice(3));
    expect(second.NextToken).toBeUndefined();

    const deleted = await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ids.slice(0, 2) }));
    expect(deleted.UnprocessedIdentityIds).toEqual([]);
    const rest = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
    expect(rest.Identities?.map((i) => i.IdentityId)).toEqual(ids.slice(2));
    await expect(client.send(new DescribeIdentityCommand({ IdentityId: ids[0] }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    // A token from another pool's listing is refused.
    const otherPool = await createPool(client);
    await expect(client.send(new ListIdentitiesCommand({ IdentityPoolId: otherPool, MaxResults: 3, NextToken: first.NextToken }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  test('DeleteIdentityPool removes its identities', async () => {
    const client = ctx.client();
    const poolId = await createPool(client);
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    await expect(client.send(new DescribeIdentityCommand({ IdentityId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1 }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
