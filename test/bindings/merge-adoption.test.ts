// MergeAdoption and the other adoption bindings, synthesized by cdktf and
// applied by the real Terraform against the emulator: existing merges land in
// state without a Merge call, each user keeps its identity
// (LookupDeveloperIdentity), and the next plan is empty.

import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { CognitoidentityFunctions, CognitoidentityProvider, DataCognitoidentityMergedIdentities, MergeAdoption } from '../../bindings';
import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { createPoolWithUsers, lookupUser, mergeOutOfBand, REGION, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectExit, TerraformWorkspace } from '../support/terraform';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

function provider(scope: Construct): CognitoidentityProvider {
  return new CognitoidentityProvider(scope, 'cognito', {
    endpoint: env.emulator.endpoint,
    region: REGION,
    accessKey: LOCAL_CREDENTIALS.accessKeyId,
    secretKey: LOCAL_CREDENTIALS.secretAccessKey,
  });
}

test('MergeAdoption imports every existing merge in one apply, with no Merge call; the next plan is empty', async () => {
  const pool = await createPoolWithUsers(env.client, 7);
  const [a, b, c, d, e, f] = pool.users.map((u) => u.userId);
  if (!a || !b || !c || !d || !e || !f) throw new Error('seeding failed');
  await mergeOutOfBand(env.client, pool, b, a);
  await mergeOutOfBand(env.client, pool, d, e);
  await mergeOutOfBand(env.client, pool, c, e);
  const before = await Promise.all(pool.users.map(async (u) => (await lookupUser(env.client, pool.poolId, u.userId)).identityId));
  env.emulator.resetStats();

  const json = Testing.synthScope((s) => {
    const adoption = new MergeAdoption(s, 'adopt', { identityPoolId: pool.poolId, developerProviderName: pool.providerName, provider: provider(s) });
    new TerraformOutput(s, 'pairs', { value: adoption.pairs.asAnyMap });
  });
  const ws = TerraformWorkspace.create('cdktf-adoption');
  ws.write('main.tf.json', json);
  expectExit(await ws.init(), 0, 'terraform init');
  const applied = expectExit(await ws.apply(), 0, 'terraform apply');
  expect(applied.stdout).toContain('Resources: 3 imported, 0 added, 0 changed, 0 destroyed.');
  expect(env.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  const pairs = JSON.parse(expectExit(await ws.run(['output', '-json', 'pairs']), 0, 'output').stdout) as Record<string, string>;
  // The users of each group in sorted order; pool users are user-0 .. user-6.
  expect(pairs).toEqual({ [b]: a, [d]: c, [e]: c });
  const after = await Promise.all(pool.users.map(async (u) => (await lookupUser(env.client, pool.poolId, u.userId)).identityId));
  expect(after).toEqual(before);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after adoption');
  ws.cleanup();
});

test('the data source and the function synthesize to the provider expressions', () => {
  const out = JSON.parse(
    Testing.synthScope((s) => {
      const data = new DataCognitoidentityMergedIdentities(s, 'm', {
        identityPoolId: 'us-east-1:0f3a',
        developerProviderName: 'login.app',
        minDeveloperUsers: 3,
      });
      new TerraformOutput(s, 'identities', { value: data.identities });
      new TerraformOutput(s, 'id', { value: CognitoidentityFunctions.mergedIdentityId(data.identityPoolId, 'login.app', 'a,b', 'c') });
      new TerraformOutput(s, 'parts', { value: CognitoidentityFunctions.parseMergedIdentityId('p,q,r,s') });
    }),
  ) as { data: Record<string, Record<string, Record<string, unknown>>>; output: Record<string, { value: string }> };
  expect(out.data['cognitoidentity_merged_identities']?.['m']).toMatchObject({
    identity_pool_id: 'us-east-1:0f3a',
    developer_provider_name: 'login.app',
    min_developer_users: 3,
  });
  expect(out.output['identities']?.value).toBe('${data.cognitoidentity_merged_identities.m.identities}');
  expect(out.output['parts']?.value).toBe('${provider::cognitoidentity::parse_merged_identity_id("p,q,r,s")}');
  expect(out.output['id']?.value).toBe(
    '${provider::cognitoidentity::merged_identity_id(data.cognitoidentity_merged_identities.m.identity_pool_id, "login.app", "a,b", "c")}',
  );
});

test('HCL synth stops with an error that names the construct, instead of writing a broken import block', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new MergeAdoption(stack, 'adopt', { identityPoolId: 'us-east-1:0f3a', developerProviderName: 'login.app' });
  expect(() => Testing.synthHcl(stack)).toThrow('stack/adopt/import: MergeAdoption writes an import block with for_each');
});
