// provider::cognitoidentity::merged_identity_id through the real Terraform:
// GetFunctions and CallFunction on the wire, the escaping of import ids, errors
// that name the argument, and adoption of existing merges with `import` blocks
// and for_each, checked through the emulator (no Merge call, empty next plan).

import { mergeOutOfBand, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit, flat } from '../support/terraform';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

test('merged_identity_id escapes each part as import ids expect', async () => {
  const { ws, configure } = await newCase(env, 'function-id', 0);
  configure(
    `output "id" {\n  value = provider::cognitoidentity::merged_identity_id("us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90", "login.app", "a,b", "100%")\n}\n`,
  );
  expectExit(await ws.apply(), 0, 'apply');
  const out = expectExit(await ws.run(['output', '-raw', 'id']), 0, 'output');
  expect(out.stdout).toBe('us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90,login.app,a%2Cb,100%25');
  ws.cleanup();
});

const POOL = '"us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90"';

// Each refusal names the argument in Terraform's own words: for the function's refusals too, since
// the provider returns the argument's position and Terraform turns it into the parameter's name.
test.each([
  ...(
    [
      ['identity_pool_id', `merged_identity_id("", "login.app", "s", "d")`],
      ['developer_provider_name', `merged_identity_id(${POOL}, "", "s", "d")`],
      ['source_user_identifier', `merged_identity_id(${POOL}, "login.app", "", "d")`],
      ['destination_user_identifier', `merged_identity_id(${POOL}, "login.app", "s", "")`],
    ] as const
  ).map(([name, call]) => [`an empty ${name}`, call, `Invalid value for "${name}" parameter: ${name} must be a non-empty string`]),
  ['an empty id to parse', 'parse_merged_identity_id("")', 'Invalid value for "id" parameter: id is not a merged identity import id'],
  [
    'a pool id of the wrong form',
    'merged_identity_id("pool-1", "login.app", "s", "d")',
    'Invalid value for "identity_pool_id" parameter: identity_pool_id "pool-1" is not of the form REGION:GUID',
  ],
  [
    'a list where a string belongs',
    `merged_identity_id(${POOL}, ["login.app"], "s", "d")`,
    'Invalid value for "developer_provider_name" parameter: string required',
  ],
  ['null', `merged_identity_id(${POOL}, "login.app", "s", null)`, 'Invalid value for "destination_user_identifier" parameter: argument must not be null'],
  [
    'a malformed id to parse',
    'parse_merged_identity_id("a,b,c")',
    'Invalid value for "id" parameter: id is not a merged identity import id: expected 4 parts separated by ","',
  ],
])('%s is refused, naming the argument', async (_what, call, message) => {
  const { ws, configure } = await newCase(env, 'function-refused', 0);
  configure(`output "v" {\n  value = provider::cognitoidentity::${call}\n}\n`);
  const r = await ws.plan();
  expect(r.code).toBe(1);
  expect(flat(r.stdout + r.stderr)).toContain(message);
  expectNoCrash(r);
  ws.cleanup();
});

test('parse_merged_identity_id undoes merged_identity_id', async () => {
  const { ws, configure } = await newCase(env, 'function-parse', 0);
  configure(
    `output "parts" {\n  value = provider::cognitoidentity::parse_merged_identity_id(provider::cognitoidentity::merged_identity_id(${POOL}, "login.app", "a,b", "100%"))\n}\n`,
  );
  expectExit(await ws.apply(), 0, 'apply');
  const out = JSON.parse(expectExit(await ws.run(['output', '-json', 'parts']), 0, 'output').stdout) as unknown;
  expect(out).toEqual({
    identity_pool_id: 'us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90',
    developer_provider_name: 'login.app',
    source_user_identifier: 'a,b',
    destination_user_identifier: '100%',
  });
  ws.cleanup();
});

test('import blocks with for_each adopt existing merges without merging again; the next plan is empty', async () => {
  const { ws, pool, configure } = await newCase(env, 'function-adopt', 5);
  const [dst, a, b, other, c] = pool.users;
  await mergeOutOfBand(env.client, pool, a.userId, dst.userId);
  await mergeOutOfBand(env.client, pool, b.userId, dst.userId);
  await mergeOutOfBand(env.client, pool, c.userId, other.userId);
  env.emulator.resetStats();
  const pairs = { [a.userId]: dst.userId, [b.userId]: dst.userId, [c.userId]: other.userId };
  configure(`locals {
  pool     = ${hclString(pool.poolId)}
  provider = ${hclString(pool.providerName)}
  merges   = {
${Object.entries(pairs)
  .map(([s, d]) => `    ${hclString(s)} = ${hclString(d)}`)
  .join('\n')}
  }
}

import {
  for_each = local.merges
  to       = cognitoidentity_merged_identity.adopted[each.key]
  id       = provider::cognitoidentity::merged_identity_id(local.pool, local.provider, each.key, each.value)
}

resource "cognitoidentity_merged_identity" "adopted" {
  for_each                    = local.merges
  identity_pool_id            = local.pool
  developer_provider_name     = local.provider
  source_user_identifier      = each.key
  destination_user_identifier = each.value
}
`);
  const applied = expectExit(await ws.apply(), 0, 'apply');
  expect(applied.stdout).toContain('3 imported, 0 added');
  expect(env.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after adoption');
  expect((await ws.resources()).length).toBe(3);
  ws.cleanup();
});
