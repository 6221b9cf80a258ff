// provider::cognitoidentity::merged_identity_id through the real Terraform:
// GetFunctions and CallFunction on the wire, the escaping of import ids, errors
// that name the argument, and adoption of existing merges with `import` blocks
// and for_each, checked through the emulator (no Merge call, empty next plan).

import { mergeOutOfBand, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit } from '../support/terraform';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

test('merged_identity_id escapes each part as import ids expect', async () => {
  const { ws, configure } = await newCase(env, 'function-id', 0);
  configure(`output "id" {\n  value = provider::cognitoidentity::merged_identity_id("us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90", "login.app", "a,b", "100%")\n}\n`);
  expectExit(await ws.apply(), 0, 'apply');
  const out = expectExit(await ws.run(['output', '-raw', 'id']), 0, 'output');
  expect(out.stdout).toBe('us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90,login.app,a%2Cb,100%25');
  ws.cleanup();
});

test('an empty argument is refused, naming it', async () => {
  const { ws, configure } = await newCase(env, 'function-empty', 0);
  configure(`output "id" {\n  value = provider::cognitoidentity::merged_identity_id("us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90", "login.app", "", "d")\n}\n`);
  const r = await ws.plan();
  expect(r.code).toBe(1);
  const text = (r.stdout + r.stderr).replace(/\s+/g, ' ');
  expect(text).toContain('source_user_identifier must be a non-empty string');
  expectNoCrash(r);
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
${Object.entries(pairs).map(([s, d]) => `    ${hclString(s)} = ${hclString(d)}`).join('\n')}
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
