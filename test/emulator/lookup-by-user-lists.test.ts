// --lookup-by-user-lists: AWS does not say whether LookupDeveloperIdentity
// with only a developer user id lists every user of the identity or only that
// one, so the emulator runs both readings. Started through its CLI and driven
// by the real AWS CLI over HTTP.

import { AwsCli, findAwsCli } from '../support/aws-cli';
import { REGION } from '../support/emulator';
import { startChild, type EmulatorChild } from './child-process';

interface TokenOut {
  IdentityId: string;
}
interface LookupOut {
  IdentityId: string;
  DeveloperUserIdentifierList?: string[];
}

async function mergedPair(cli: AwsCli): Promise<{ poolId: string; destination: string }> {
  const provider = 'login.readings.example';
  const pool = await cli.json<{ IdentityPoolId: string }>('create-identity-pool', [
    '--identity-pool-name',
    'readings',
    '--no-allow-unauthenticated-identities',
    '--developer-provider-name',
    provider,
  ]);
  const poolId = pool.IdentityPoolId;
  const dst = await cli.json<TokenOut>('get-open-id-token-for-developer-identity', ['--identity-pool-id', poolId, '--logins', `${provider}=dst`]);
  await cli.json<TokenOut>('get-open-id-token-for-developer-identity', ['--identity-pool-id', poolId, '--logins', `${provider}=src`]);
  await cli.json('merge-developer-identities', [
    '--identity-pool-id',
    poolId,
    '--developer-provider-name',
    provider,
    '--source-user-identifier',
    'src',
    '--destination-user-identifier',
    'dst',
  ]);
  return { poolId, destination: dst.IdentityId };
}

describe.each([
  ['identity', ['dst', 'src']],
  ['given', ['src']],
])('--lookup-by-user-lists %s', (reading, byUser) => {
  let child: EmulatorChild;
  let cli: AwsCli;
  beforeAll(async () => {
    child = await startChild(['--port', '0', '--quiet', '--lookup-by-user-lists', reading]);
    cli = new AwsCli(findAwsCli(), child.endpoint, REGION);
  });
  afterAll(async () => {
    child.child.kill('SIGTERM');
    await child.exited;
  });

  test(`a lookup by user lists ${JSON.stringify(byUser)}; by identity id, every user`, async () => {
    const { poolId, destination } = await mergedPair(cli);
    const asked = await cli.json<LookupOut>('lookup-developer-identity', ['--identity-pool-id', poolId, '--developer-user-identifier', 'src']);
    expect(asked.IdentityId).toBe(destination);
    expect(asked.DeveloperUserIdentifierList).toEqual(byUser);
    const whole = await cli.json<LookupOut>('lookup-developer-identity', ['--identity-pool-id', poolId, '--identity-id', destination]);
    expect(whole.DeveloperUserIdentifierList).toEqual(['dst', 'src']);
  });
});
