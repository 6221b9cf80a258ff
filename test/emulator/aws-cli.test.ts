// The emulator driven by the real AWS CLI (Debian's awscli, botocore) over
// HTTP: a second, independent client implementation next to the JS SDK.

import { AwsCli, findAwsCli } from '../support/aws-cli';
import { REGION, startTestEmulator, type TestEmulator } from '../support/emulator';

let env: TestEmulator;
let cli: AwsCli;

beforeAll(async () => {
  const exe = findAwsCli();
  env = await startTestEmulator();
  cli = new AwsCli(exe, env.emulator.endpoint, REGION);
});

afterAll(async () => {
  await env?.stop();
});

interface PoolOut {
  IdentityPoolId: string;
  IdentityPoolName: string;
  DeveloperProviderName?: string;
}
interface TokenOut {
  IdentityId: string;
  Token: string;
}
interface LookupOut {
  IdentityId: string;
  DeveloperUserIdentifierList?: string[];
}

test('create pool, register two developer users, merge them, look the merge up', async () => {
  const provider = 'login.cli.example';
  const pool = await cli.json<PoolOut>('create-identity-pool', [
    '--identity-pool-name',
    'cli_pool',
    '--no-allow-unauthenticated-identities',
    '--developer-provider-name',
    provider,
  ]);
  expect(pool.IdentityPoolId).toMatch(/^us-east-1:[0-9a-f-]+$/);
  expect(pool.DeveloperProviderName).toBe(provider);

  const alice = await cli.json<TokenOut>('get-open-id-token-for-developer-identity', [
    '--identity-pool-id',
    pool.IdentityPoolId,
    '--logins',
    `${provider}=alice`,
  ]);
  const bob = await cli.json<TokenOut>('get-open-id-token-for-developer-identity', ['--identity-pool-id', pool.IdentityPoolId, '--logins', `${provider}=bob`]);
  expect(alice.IdentityId).not.toBe(bob.IdentityId);
  expect(alice.Token).toBeTruthy();

  const merged = await cli.json<{ IdentityId: string }>('merge-developer-identities', [
    '--source-user-identifier',
    'alice',
    '--destination-user-identifier',
    'bob',
    '--developer-provider-name',
    provider,
    '--identity-pool-id',
    pool.IdentityPoolId,
  ]);
  expect(merged.IdentityId).toBe(bob.IdentityId);

  const byIdentity = await cli.json<LookupOut>('lookup-developer-identity', ['--identity-pool-id', pool.IdentityPoolId, '--identity-id', bob.IdentityId]);
  expect(byIdentity.IdentityId).toBe(bob.IdentityId);
  expect([...(byIdentity.DeveloperUserIdentifierList ?? [])].sort()).toEqual(['alice', 'bob']);

  // The merged-away user now resolves to the destination's identity.
  const bySource = await cli.json<LookupOut>('lookup-developer-identity', ['--identity-pool-id', pool.IdentityPoolId, '--developer-user-identifier', 'alice']);
  expect(bySource.IdentityId).toBe(bob.IdentityId);
});

test('a bad pool id gets a named validation error from the CLI, not a crash', async () => {
  const r = await cli.run(['cognito-identity', 'lookup-developer-identity', '--identity-pool-id', 'not-a-pool-id', '--developer-user-identifier', 'x']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/ValidationException|InvalidParameterException/);
  expect(r.stderr).toMatch(/identityPoolId|IdentityPoolId/);
});
