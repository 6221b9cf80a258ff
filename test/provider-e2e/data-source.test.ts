// cognitoidentity_developer_identity: look an identity up by developer user
// id or by identity id, through the real Terraform.

import { mergeOutOfBand, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { hclString } from '../support/hcl';
import { expectExit, flat, type TerraformWorkspace } from '../support/terraform';
import { required } from '../support/lists';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

interface Outputs {
  [name: string]: { value: unknown };
}

/** `terraform output -json`, read by name: a missing output fails with its name. */
async function outputsOf(ws: TerraformWorkspace): Promise<(name: string) => unknown> {
  const out = JSON.parse(expectExit(await ws.run(['output', '-no-color', '-json']), 0, 'terraform output -json').stdout) as Outputs;
  return (name) => required(out[name], `output "${name}"`).value;
}

test('lookup by user id and by identity id after a merge', async () => {
  const { ws, pool, configure } = await newCase(env, 'data-lookup', 3);
  const [dst, src, other] = pool.users;
  await mergeOutOfBand(env.client, pool, src.userId, dst.userId);
  configure(`
data "cognitoidentity_developer_identity" "by_user" {
  identity_pool_id          = ${hclString(pool.poolId)}
  developer_user_identifier = ${hclString(src.userId)}
}

data "cognitoidentity_developer_identity" "by_id" {
  identity_pool_id = ${hclString(pool.poolId)}
  identity_id      = ${hclString(dst.identityId)}
}

data "cognitoidentity_developer_identity" "unmerged" {
  identity_pool_id          = ${hclString(pool.poolId)}
  developer_user_identifier = ${hclString(other.userId)}
}

output "by_user" { value = data.cognitoidentity_developer_identity.by_user }
output "by_id" { value = data.cognitoidentity_developer_identity.by_id }
output "unmerged" { value = data.cognitoidentity_developer_identity.unmerged }
`);
  expectExit(await ws.apply(), 0, 'terraform apply (data sources)');
  const output = await outputsOf(ws);
  type Found = { id: string; identity_id: string; developer_user_identifiers: string[] };
  const byUser = output('by_user') as Found;
  const byId = output('by_id') as Found;
  const unmerged = output('unmerged') as Found;

  expect(byUser.identity_id).toBe(dst.identityId);
  expect(byUser.id).toBe(dst.identityId);
  expect([...byUser.developer_user_identifiers].sort()).toEqual([dst.userId, src.userId].sort());
  expect(byId.identity_id).toBe(dst.identityId);
  expect([...byId.developer_user_identifiers].sort()).toEqual([dst.userId, src.userId].sort());
  expect(unmerged.identity_id).toBe(other.identityId);
  expect(unmerged.developer_user_identifiers).toEqual([other.userId]);

  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan (data sources only)');
  ws.cleanup();
});

test('lookup input errors name the attributes', async () => {
  const { ws, pool, configure } = await newCase(env, 'data-errors', 1);
  const [user] = pool.users;
  const cases: [string, string, RegExp][] = [
    [`developer_user_identifier = ${hclString(user.userId)}\n  identity_id = ${hclString(user.identityId)}`, 'both', /developer_user_identifier|identity_id/],
    ['', 'neither', /developer_user_identifier|identity_id/],
    [`developer_user_identifier = "never-signed-in"`, 'unknown user', /never-signed-in/],
  ];
  for (const [attrs, label, pattern] of cases) {
    configure(`
data "cognitoidentity_developer_identity" "x" {
  identity_pool_id = ${hclString(pool.poolId)}
  ${attrs}
}
`);
    const r = await ws.plan();
    expect({ label, code: r.code }).toEqual({ label, code: 1 });
    expectNoCrash(r);
    expect(r.stderr).toMatch(pattern);
  }
  ws.cleanup();
});

test('a null lookup key counts as unset at validate, plan and apply; two known keys still conflict', async () => {
  const { ws, pool, configure } = await newCase(env, 'data-null-key', 1);
  const [user] = pool.users;
  configure(`
variable "id" {
  type    = string
  default = null
}

data "cognitoidentity_developer_identity" "x" {
  identity_pool_id          = ${hclString(pool.poolId)}
  developer_user_identifier = ${hclString(user.userId)}
  identity_id               = var.id
}

output "identity_id" { value = data.cognitoidentity_developer_identity.x.identity_id }
`);
  expectExit(await ws.run(['validate', '-no-color']), 0, 'terraform validate (null identity_id)');
  expectExit(await ws.plan(), 0, 'terraform plan (null identity_id)');
  expectExit(await ws.apply(), 0, 'terraform apply (null identity_id)');
  const output = await outputsOf(ws);
  expect(output('identity_id')).toBe(user.identityId);

  // Known and non-null on both sides: the conflict is reported once the variable is known.
  const r = await ws.plan(`-var=id=${user.identityId}`);
  expect(r.code).toBe(1);
  expectNoCrash(r);
  expect(r.stderr).toContain('Conflicting lookup keys');
  ws.cleanup();
});

test('a long developer user id that is not in the pool reads as a sentence', async () => {
  const { ws, pool, configure } = await newCase(env, 'data-long-user', 1);
  const long = 'u'.repeat(1024);
  configure(`
data "cognitoidentity_developer_identity" "x" {
  identity_pool_id          = ${hclString(pool.poolId)}
  developer_user_identifier = ${hclString(long)}
}
`);
  const r = await ws.plan();
  expect(r.code).toBe(1);
  const text = flat(r.stderr);
  expect(text).toContain(`There is no developer user "${'u'.repeat(40)}…" (1024 characters) in identity pool "${pool.poolId}"`);
  expect(text).not.toContain('user a value of');
  ws.cleanup();
});

test('an identity merged away reads as an empty list with a warning that says why', async () => {
  const { ws, pool, configure } = await newCase(env, 'data-merged-away', 2);
  const [dst, src] = pool.users;
  await mergeOutOfBand(env.client, pool, src.userId, dst.userId);
  configure(`
data "cognitoidentity_developer_identity" "old" {
  identity_pool_id = ${hclString(pool.poolId)}
  identity_id      = ${hclString(src.identityId)}
}

output "users" { value = data.cognitoidentity_developer_identity.old.developer_user_identifiers }
`);
  const r = expectExit(await ws.apply(), 0, 'terraform apply (merged-away identity)');
  const text = flat(r.stdout + r.stderr);
  expect(text).toContain('Warning: Identity has no developer users');
  expect(text).toContain(`Identity "${src.identityId}" in identity pool "${pool.poolId}" has no developer user ids`);
  expect(text).toContain('merged into another identity');
  const output = await outputsOf(ws);
  expect(output('users')).toEqual([]);
  ws.cleanup();
});
