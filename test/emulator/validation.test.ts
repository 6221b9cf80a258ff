/** Constraint violations answer ValidationException with the service's message text. */
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DescribeIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  MergeDeveloperIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import { createPool, DEV_PROVIDER, jsonHeaders, rawPost, useEmulator } from './helpers';

const ctx = useEmulator();
const ID_PATTERN = '[\\w-]+:[0-9a-f-]+';

test('a bad IdentityPoolId gives one pattern violation, at the lowerCamel member, HTTP 400', async () => {
  await expect(ctx.client().send(new DescribeIdentityPoolCommand({ IdentityPoolId: 'us-east-1_userpool' }))).rejects.toMatchObject({
    name: 'ValidationException',
    message: `1 validation error detected: Value 'us-east-1_userpool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ID_PATTERN}`,
    $metadata: { httpStatusCode: 400 },
  });
});

test('several violations are counted and joined with "; "', async () => {
  const longName = 'n'.repeat(129);
  await expect(
    ctx
      .client()
      .send(new CreateIdentityPoolCommand({ IdentityPoolName: longName, AllowUnauthenticatedIdentities: true, DeveloperProviderName: 'bad provider!' })),
  ).rejects.toMatchObject({
    name: 'ValidationException',
    message:
      `2 validation errors detected: Value '${longName}' at 'identityPoolName' failed to satisfy constraint: ` +
      'Member must have length less than or equal to 128; ' +
      "Value 'bad provider!' at 'developerProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+",
  });
});

test('missing required members: "Member must not be null"', async () => {
  await expect(ctx.client().send(new MergeDeveloperIdentitiesCommand({} as never))).rejects.toMatchObject({
    name: 'ValidationException',
    message:
      '4 validation errors detected: ' +
      "Value null at 'sourceUserIdentifier' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'destinationUserIdentifier' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'developerProviderName' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null",
  });
});

test('range checks: MaxResults 0 and an empty DeleteIdentities list', async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  await expect(client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 0 }))).rejects.toMatchObject({
    message: "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
  });
  await expect(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [] }))).rejects.toMatchObject({
    message:
      "1 validation error detected: Value '[]' at 'identityIdsToDelete' failed to satisfy constraint: Member must have length greater than or equal to 1",
  });
  await expect(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ['nope'] }))).rejects.toMatchObject({
    message: `1 validation error detected: Value 'nope' at 'identityIdsToDelete.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ID_PATTERN}`,
  });
});

test('Logins: more than 10 entries, and token values are redacted in messages', async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  const logins: Record<string, string> = {};
  for (let i = 0; i < 11; i += 1) logins[`p${i}.example.com`] = `secret-token-${i}`;
  const error = await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: logins })).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error?.name).toBe('ValidationException');
  expect(error?.message).toMatch(
    /^1 validation error detected: Value '\{.*\}' at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10$/,
  );
  expect(error?.message).not.toContain('secret-token');

  await expect(client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: '' } }))).rejects.toMatchObject({
    message: `1 validation error detected: Value '{${DEV_PROVIDER}=*** Sensitive Data Redacted ***}' at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length greater than or equal to 1]`,
  });
});

test('a developer user identifier longer than 1024 characters', async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  const long = 'u'.repeat(1025);
  await expect(
    client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: DEV_PROVIDER,
        SourceUserIdentifier: long,
        DestinationUserIdentifier: 'x',
      }),
    ),
  ).rejects.toMatchObject({
    message: `1 validation error detected: Value '${long}' at 'sourceUserIdentifier' failed to satisfy constraint: Member must have length less than or equal to 1024`,
  });
});

test('a wrong JSON type is a SerializationException naming the member', async () => {
  const res = await rawPost(ctx.emulator().endpoint, JSON.stringify({ IdentityPoolId: 42 }), jsonHeaders('GetId'));
  expect(res.status).toBe(400);
  expect(res.json).toEqual({ __type: 'SerializationException', message: "Expected a string at 'identityPoolId'." });
});
