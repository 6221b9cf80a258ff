// examples/adopt/main.tf as a user runs it (its README's commands: test/docs/example-readmes.test.ts): 50 groups of merged users made
// out of band (as the seeds' scripts do), then one `terraform apply` of the
// example. Every merge lands in state, the emulator saw no
// MergeDeveloperIdentities call, each user still resolves to the identity it
// had (LookupDeveloperIdentity), and the next plan is empty.

import fs, { readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import {
  createDeveloperUser,
  createPoolWithUsers,
  lookupUser,
  mergeOutOfBand,
  startTestEmulator,
  type DeveloperUser,
  type TestEmulator,
} from '../support/emulator';
import { newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit, TerraformWorkspace } from '../support/terraform';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'adopt', 'main.tf');
const GROUPS = 50;

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

/** Group g has 2 to 4 users, merged into its last one: not the first in sorted order, which the example picks. */
async function seedGroups(poolId: string, providerName: string): Promise<DeveloperUser[][]> {
  const pool = { poolId, providerName, users: [] };
  const groups: DeveloperUser[][] = [];
  for (let g = 0; g < GROUPS; g++) {
    const users: DeveloperUser[] = [];
    for (let u = 0; u < 2 + (g % 3); u++) users.push(await createDeveloperUser(env.client, poolId, providerName, `g${g}-user-${u}`));
    const destination = users[users.length - 1];
    if (!destination) throw new Error('empty group');
    for (const source of users.slice(0, -1)) await mergeOutOfBand(env.client, pool, source.userId, destination.userId);
    groups.push(users);
  }
  return groups;
}

test('the adoption example imports 50 existing merged groups without a Merge call; the next plan is empty', async () => {
  const pool = await createPoolWithUsers(env.client, 5); // five users never merged: not adopted
  const groups = await seedGroups(pool.poolId, pool.providerName);
  const before = new Map<string, string>();
  for (const user of groups.flat()) before.set(user.userId, (await lookupUser(env.client, pool.poolId, user.userId)).identityId);
  env.emulator.resetStats();

  const ws = TerraformWorkspace.create('adopt-example');
  ws.write('main.tf', readFileSync(EXAMPLE, 'utf8'));
  const vars = [
    '-var',
    `identity_pool_id=${pool.poolId}`,
    '-var',
    `developer_provider_name=${pool.providerName}`,
    '-var',
    `cognito_endpoint=${env.emulator.endpoint}`,
  ];
  expectExit(await ws.init(), 0, 'terraform init');
  const sources = groups.reduce((n, g) => n + g.length - 1, 0);
  const applied = expectExit(await ws.apply(...vars), 0, 'terraform apply');
  expect(applied.stdout).toContain(`Apply complete! Resources: ${sources} imported, 0 added, 0 changed, 0 destroyed.`);

  const stats = env.emulator.stats().calls;
  expect(stats.MergeDeveloperIdentities).toBeUndefined();
  expect(stats.ListIdentities).toBeGreaterThanOrEqual(1);

  const state = (await ws.resources()).filter((r) => r.mode === 'managed');
  expect(state).toHaveLength(sources);
  const adopted = new Map(state.map((r) => [String(r.values['source_user_identifier']), String(r.values['destination_user_identifier'])]));
  for (const group of groups) {
    const [first, ...rest] = group.map((u) => u.userId).sort();
    for (const source of rest) expect([source, adopted.get(source)]).toEqual([source, first]);
  }
  // Nothing moved: checked through the service, not through our own state.
  for (const [user, identityId] of before) expect([user, (await lookupUser(env.client, pool.poolId, user)).identityId]).toEqual([user, identityId]);

  expectExit(await ws.plan('-detailed-exitcode', ...vars), 0, 'plan after adoption');
  ws.cleanup();
});

test('-generate-config-out writes the resource block of an import block that has none, read from Cognito', async () => {
  const { ws, pool, configure } = await newCase(env, 'adopt-generate', 2);
  const [dst, src] = pool.users;
  if (!dst || !src) throw new Error('seeding failed');
  await mergeOutOfBand(env.client, pool, src.userId, dst.userId);
  configure(`import {
  to = cognitoidentity_merged_identity.adopted
  id = provider::cognitoidentity::merged_identity_id(${hclString(pool.poolId)}, ${hclString(pool.providerName)}, ${hclString(src.userId)}, ${hclString(dst.userId)})
}
`);
  expectExit(await ws.plan('-generate-config-out=generated.tf'), 0, 'plan -generate-config-out');
  const generated = fs.readFileSync(path.join(ws.dir, 'generated.tf'), 'utf8');
  expect(generated).toContain('resource "cognitoidentity_merged_identity" "adopted" {');
  expect(generated).toMatch(new RegExp(`source_user_identifier\\s+= "${src.userId}"`));
  expect(generated).toMatch(new RegExp(`destination_user_identifier\\s+= "${dst.userId}"`));
  env.emulator.resetStats();
  expectExit(await ws.apply(), 0, 'apply with the generated block');
  expect(env.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'plan after the import');
  ws.cleanup();
});
