// The identity-side operations (emulator/src/operations/credentials.ts): the
// documented developer flow (GetOpenIdTokenForDeveloperIdentity, then
// GetCredentialsForIdentity with the token under cognito-identity.amazonaws.com)
// through the SDK's own credential provider, GetOpenIdToken, UnlinkIdentity and
// the principal-tag maps, each also through the AWS CLI and the noAuth ones as
// raw unsigned HTTP calls; and a check that every command the SDK exports is an
// operation the emulator knows, so a new SDK operation cannot go unnoticed.

import * as sdk from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentity } from '@aws-sdk/credential-providers';
import { AwsCli, findAwsCli } from '../support/aws-cli';
import { REGION, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createPool, DEV_PROVIDER, jsonHeaders, rawPost } from './helpers';
import { required } from '../support/lists';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

const FACEBOOK = 'graph.facebook.com';

async function developerToken(poolId: string, userId: string): Promise<{ identityId: string; token: string }> {
  const out = await env.client.send(new sdk.GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: userId } }));
  return { identityId: out.IdentityId ?? '', token: out.Token ?? '' };
}

test("the developer flow through the SDK's fromCognitoIdentity: well-formed, clearly fake, expiring credentials", async () => {
  const poolId = await createPool(env.client);
  const { identityId, token } = await developerToken(poolId, 'erin');
  const provider = fromCognitoIdentity({
    identityId,
    logins: { 'cognito-identity.amazonaws.com': token },
    clientConfig: { region: REGION, endpoint: env.emulator.endpoint },
  });
  const creds = await provider();
  expect(creds.accessKeyId).toMatch(/^ASIAEMULATOR[0-9A-F]{8}$/);
  expect(creds.secretAccessKey).toMatch(/^emulator\//);
  expect(creds.sessionToken).toMatch(/^emulator-session\//);
  expect(creds.expiration!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
});

test('a token of another identity, or none, is refused (NotAuthorizedException)', async () => {
  const poolId = await createPool(env.client);
  const erin = await developerToken(poolId, 'erin');
  const finn = await developerToken(poolId, 'finn');
  const send = (logins?: Record<string, string>) => env.client.send(new sdk.GetCredentialsForIdentityCommand({ IdentityId: erin.identityId, Logins: logins }));
  // The service's text, as reported (emulator/README.md, evidence).
  const mismatch = {
    name: 'NotAuthorizedException',
    message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  };
  await expect(send({ 'cognito-identity.amazonaws.com': finn.token })).rejects.toMatchObject(mismatch);
  await expect(send()).rejects.toMatchObject(mismatch);
  await expect(send({ 'cognito-identity.amazonaws.com': erin.token })).resolves.toMatchObject({ IdentityId: erin.identityId });
});

test('a disabled identity (merged away) is forbidden to GetCredentialsForIdentity and to GetOpenIdTokenForDeveloperIdentity', async () => {
  const poolId = await createPool(env.client);
  const gus = await developerToken(poolId, 'gus');
  await developerToken(poolId, 'gus-main');
  const merge = { IdentityPoolId: poolId, DeveloperProviderName: DEV_PROVIDER, SourceUserIdentifier: 'gus', DestinationUserIdentifier: 'gus-main' };
  await env.client.send(new sdk.MergeDeveloperIdentitiesCommand(merge));
  const forbidden = { name: 'NotAuthorizedException', message: `Access to Identity '${gus.identityId}' is forbidden.` };
  const credentials = new sdk.GetCredentialsForIdentityCommand({ IdentityId: gus.identityId, Logins: { 'cognito-identity.amazonaws.com': gus.token } });
  await expect(env.client.send(credentials)).rejects.toMatchObject(forbidden);
  const token = new sdk.GetOpenIdTokenForDeveloperIdentityCommand({
    IdentityPoolId: poolId,
    IdentityId: gus.identityId,
    Logins: { [DEV_PROVIDER]: 'gus-new' },
  });
  await expect(env.client.send(token)).rejects.toMatchObject(forbidden);
});

test('GetOpenIdToken with a public login, then UnlinkIdentity removes that login', async () => {
  const poolId = await createPool(env.client);
  const identityId = (await env.client.send(new sdk.GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: 'fb-gil' } }))).IdentityId ?? '';
  const token = await env.client.send(new sdk.GetOpenIdTokenCommand({ IdentityId: identityId, Logins: { [FACEBOOK]: 'fb-gil' } }));
  expect(token.Token?.split('.')).toHaveLength(3);
  await env.client.send(new sdk.UnlinkIdentityCommand({ IdentityId: identityId, Logins: { [FACEBOOK]: 'fb-gil' }, LoginsToRemove: [FACEBOOK] }));
  expect((await env.client.send(new sdk.DescribeIdentityCommand({ IdentityId: identityId }))).Logins).toEqual([]);
});

test('principal-tag maps: defaults until set, then what was set', async () => {
  const poolId = await createPool(env.client);
  const key = { IdentityPoolId: poolId, IdentityProviderName: FACEBOOK };
  expect(await env.client.send(new sdk.GetPrincipalTagAttributeMapCommand(key))).toMatchObject({ UseDefaults: true, PrincipalTags: {} });
  await env.client.send(new sdk.SetPrincipalTagAttributeMapCommand({ ...key, UseDefaults: false, PrincipalTags: { team: 'sub' } }));
  expect(await env.client.send(new sdk.GetPrincipalTagAttributeMapCommand(key))).toMatchObject({ UseDefaults: false, PrincipalTags: { team: 'sub' } });
});

test('AWS CLI: get-credentials-for-identity with the developer token', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const poolId = await createPool(env.client);
  const { identityId, token } = await developerToken(poolId, 'hana');
  const out = await cli.json<{ IdentityId: string; Credentials: { AccessKeyId: string; SessionToken: string } }>('get-credentials-for-identity', [
    '--identity-id',
    identityId,
    '--logins',
    JSON.stringify({ 'cognito-identity.amazonaws.com': token }),
  ]);
  expect(out.IdentityId).toBe(identityId);
  expect(out.Credentials.AccessKeyId).toMatch(/^ASIAEMULATOR/);
});

test('AWS CLI: get-open-id-token, then unlink-identity removes that login', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const poolId = await createPool(env.client);
  const logins = JSON.stringify({ [FACEBOOK]: 'fb-ines' });
  const { IdentityId: identityId } = await cli.json<{ IdentityId: string }>('get-id', ['--identity-pool-id', poolId, '--logins', logins]);
  const token = await cli.json<{ IdentityId: string; Token: string }>('get-open-id-token', ['--identity-id', identityId, '--logins', logins]);
  expect(token.IdentityId).toBe(identityId);
  expect(token.Token.split('.')).toHaveLength(3);
  await cli.json('unlink-identity', ['--identity-id', identityId, '--logins', logins, '--logins-to-remove', FACEBOOK]);
  expect((await env.client.send(new sdk.DescribeIdentityCommand({ IdentityId: identityId }))).Logins).toEqual([]);
});

test('AWS CLI: set-principal-tag-attribute-map, then get-principal-tag-attribute-map answers it', async () => {
  const cli = new AwsCli(findAwsCli(), env.emulator.endpoint, REGION);
  const poolId = await createPool(env.client);
  const key = ['--identity-pool-id', poolId, '--identity-provider-name', FACEBOOK];
  expect(await cli.json('get-principal-tag-attribute-map', key)).toMatchObject({ UseDefaults: true });
  await cli.json('set-principal-tag-attribute-map', [...key, '--no-use-defaults', '--principal-tags', 'team=sub']);
  expect(await cli.json('get-principal-tag-attribute-map', key)).toEqual({
    IdentityPoolId: poolId,
    IdentityProviderName: FACEBOOK,
    UseDefaults: false,
    PrincipalTags: { team: 'sub' },
  });
});

test('the noAuth operations answer raw HTTP calls without an Authorization header; a signed one does not', async () => {
  const poolId = await createPool(env.client);
  const post = async (op: string, body: object) => {
    const res = await rawPost(env.emulator.endpoint, JSON.stringify(body), jsonHeaders(op));
    expect({ op, status: res.status }).toEqual({ op, status: 200 });
    return res.json;
  };
  const logins = { [FACEBOOK]: 'fb-jo' };
  const identityId = String((await post('GetId', { IdentityPoolId: poolId, Logins: logins })).IdentityId);
  const token = String((await post('GetOpenIdToken', { IdentityId: identityId, Logins: logins })).Token);
  const creds = await post('GetCredentialsForIdentity', { IdentityId: identityId, Logins: { 'cognito-identity.amazonaws.com': token } });
  expect(creds).toMatchObject({ IdentityId: identityId, Credentials: { AccessKeyId: expect.stringMatching(/^ASIAEMULATOR/) } });
  expect(await post('UnlinkIdentity', { IdentityId: identityId, Logins: logins, LoginsToRemove: [FACEBOOK] })).toEqual({});
  // The emulator checks signatures (startTestEmulator configures keys), so the above passed as noAuth, not by leniency.
  const signed = await rawPost(
    env.emulator.endpoint,
    JSON.stringify({ IdentityPoolId: poolId, IdentityProviderName: FACEBOOK }),
    jsonHeaders('GetPrincipalTagAttributeMap'),
  );
  expect(signed.json.__type).toBe('MissingAuthenticationTokenException');
});

const commands = Object.entries(sdk).filter(([name]) => /^[A-Z]\w+Command$/.test(name) && name !== 'Command');

test('the SDK exports the commands this test walks', () => {
  expect(commands.length).toBeGreaterThanOrEqual(23);
});

test.each(commands.map(([name]) => name))('%s is an operation the emulator knows', async (name) => {
  const Ctor = required((sdk as unknown as Record<string, new (input: object) => Parameters<typeof env.client.send>[0]>)[name], `sdk.${name}`);
  const err = await env.client.send(new Ctor({})).then(
    () => undefined,
    (e: unknown) => e as { name?: string },
  );
  // An empty input may be refused for what it lacks, never for the operation itself.
  expect(err?.name).not.toBe('UnknownOperationException');
});
