// cognitoidentity_merged_identity through the real Terraform against the
// emulator: create, no-op plan, drift, import, destroy semantics.

import { UnlinkDeveloperIdentityCommand, MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { createDeveloperUser, lookupUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { importId, mergeResource, type MergeSettings } from '../support/provider-hcl';
import { hclString } from '../support/hcl';
import { expectExit } from '../support/terraform';
import { first } from '../support/lists';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

const ADDR = 'cognitoidentity_merged_identity.m';

function merge(poolId: string, provider: string, source: string, destination: string, onDestroy?: string): MergeSettings {
  return {
    identity_pool_id: poolId,
    developer_provider_name: provider,
    source_user_identifier: source,
    destination_user_identifier: destination,
    on_destroy: onDestroy,
  };
}

test('apply merges the source into the destination identity, and a second plan is empty', async () => {
  const { ws, pool, configure } = await newCase(env, 'apply', 2);
  const [src, dst] = pool.users;
  const before = env.emulator.stats().merges;
  configure(mergeResource('m', merge(pool.poolId, pool.providerName, src.userId, dst.userId)));

  const plan = expectExit(await ws.plan(), 0, 'terraform plan');
  // The surviving identity is known at plan time because both users exist.
  expect(plan.stdout).toContain(dst.identityId);

  expectExit(await ws.apply(), 0, 'terraform apply');
  expect(env.emulator.stats().merges - before).toBe(1);
  const now = await lookupUser(env.client, pool.poolId, src.userId);
  expect(now.identityId).toBe(dst.identityId);

  const res = first(await ws.resources(), 'the resources in state');
  expect(res.address).toBe(ADDR);
  expect(res.values.identity_id).toBe(dst.identityId);
  expect([...(res.values.developer_user_identifiers as string[])].sort()).toEqual([src.userId, dst.userId].sort());
  expect(res.values.id).toBe(importId(merge(pool.poolId, pool.providerName, src.userId, dst.userId)));

  expectExit(await ws.plan('-detailed-exitcode'), 0, 'second terraform plan -detailed-exitcode');
  ws.cleanup();
});

test('an out-of-band unlink shows as drift in plan -refresh-only, and the next apply merges again', async () => {
  const { ws, pool, configure } = await newCase(env, 'drift', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', merge(pool.poolId, pool.providerName, src.userId, dst.userId)));
  expectExit(await ws.apply(), 0, 'terraform apply');

  await env.client.send(
    new UnlinkDeveloperIdentityCommand({
      IdentityPoolId: pool.poolId,
      IdentityId: dst.identityId,
      DeveloperProviderName: pool.providerName,
      DeveloperUserIdentifier: src.userId,
    }),
  );

  const refresh = await ws.plan('-refresh-only', '-detailed-exitcode');
  expectExit(refresh, 2, 'terraform plan -refresh-only -detailed-exitcode after unlink');
  expect(refresh.stdout).toMatch(/changed outside of Terraform|has been deleted/);

  // The unlinked user signs in again and gets an identity of its own.
  const again = await createDeveloperUser(env.client, pool.poolId, pool.providerName, src.userId);
  expect(again.identityId).not.toBe(dst.identityId);

  const before = env.emulator.stats().merges;
  expectExit(await ws.apply(), 0, 'terraform apply after drift');
  expect(env.emulator.stats().merges - before).toBe(1);
  expect((await lookupUser(env.client, pool.poolId, src.userId)).identityId).toBe(dst.identityId);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after re-merge');
  ws.cleanup();
});

/** Merges out of band, as an existing deployment would have done before adopting Terraform. */
async function mergeOutOfBand(m: MergeSettings): Promise<void> {
  await env.client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: m.identity_pool_id,
      DeveloperProviderName: m.developer_provider_name,
      SourceUserIdentifier: m.source_user_identifier,
      DestinationUserIdentifier: m.destination_user_identifier,
    }),
  );
}

test('terraform import by id (identifiers holding "," and "%"), then an empty plan', async () => {
  const { ws, pool, configure } = await newCase(env, 'import-cli', 0);
  const src = await createDeveloperUser(env.client, pool.poolId, pool.providerName, 'src,with%2Ccomma');
  const dst = await createDeveloperUser(env.client, pool.poolId, pool.providerName, 'dst%percent');
  const m = merge(pool.poolId, pool.providerName, src.userId, dst.userId);
  await mergeOutOfBand(m);
  configure(mergeResource('m', m));

  const before = env.emulator.stats().merges;
  expectExit(await ws.import(ADDR, importId(m)), 0, 'terraform import');
  const res = first(await ws.resources(), 'the resources in state');
  expect(res.values.source_user_identifier).toBe(src.userId);
  expect(res.values.destination_user_identifier).toBe(dst.userId);
  expect(res.values.identity_id).toBe(dst.identityId);

  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan -detailed-exitcode after import');
  expect(env.emulator.stats().merges - before).toBe(0);
  ws.cleanup();
});

test('terraform import of a merge that does not exist fails naming it', async () => {
  const { ws, pool, configure } = await newCase(env, 'import-missing', 2);
  const [src, dst] = pool.users;
  const m = merge(pool.poolId, pool.providerName, src.userId, dst.userId);
  configure(mergeResource('m', m));
  const r = await ws.import(ADDR, importId(m));
  expect(r.code).toBe(1);
  expectNoCrash(r);
  expect(r.stderr).toContain(src.userId);
  expect(ws.readStateFile()?.resources ?? []).toEqual([]);

  const bad = await ws.import(ADDR, 'only,three,parts');
  expect(bad.code).toBe(1);
  expectNoCrash(bad);
  expect(bad.stderr).toMatch(/identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier|import id/i);
  ws.cleanup();
});

test('an import block adopts an existing merge without merging again', async () => {
  const { ws, pool, configure } = await newCase(env, 'import-block', 2);
  const [src, dst] = pool.users;
  const m = merge(pool.poolId, pool.providerName, src.userId, dst.userId);
  await mergeOutOfBand(m);
  configure(`import {\n  to = ${ADDR}\n  id = ${hclString(importId(m))}\n}\n\n` + mergeResource('m', m));

  const before = env.emulator.stats().merges;
  const plan = expectExit(await ws.plan(), 0, 'terraform plan with import block');
  expect(plan.stdout).toMatch(/1 to import, 0 to add, 0 to change, 0 to destroy/);
  const apply = expectExit(await ws.apply(), 0, 'terraform apply with import block');
  expect(apply.stdout).toMatch(/1 imported, 0 added, 0 changed, 0 destroyed/);
  expect(env.emulator.stats().merges - before).toBe(0);
  expectExit(await ws.plan('-detailed-exitcode'), 0, 'terraform plan after import');
  ws.cleanup();
});

test('destroy forgets the merge with a warning and leaves it in Cognito', async () => {
  const { ws, pool, configure } = await newCase(env, 'destroy', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', merge(pool.poolId, pool.providerName, src.userId, dst.userId)));
  expectExit(await ws.apply(), 0, 'terraform apply');

  const destroy = expectExit(await ws.destroy(), 0, 'terraform destroy');
  expect(destroy.stdout + destroy.stderr).toMatch(/Warning/);
  expect(destroy.stdout + destroy.stderr).toMatch(/cannot be undone|remains|stays|still/i);
  expect(await ws.resources()).toEqual([]);

  const now = await lookupUser(env.client, pool.poolId, src.userId);
  expect(now.identityId).toBe(dst.identityId);
  expect([...now.userIds].sort()).toEqual([src.userId, dst.userId].sort());
  ws.cleanup();
});

test('on_destroy = "error" refuses to destroy and keeps the state; switching to "warn" updates in place', async () => {
  const { ws, pool, configure } = await newCase(env, 'on-destroy', 2);
  const [src, dst] = pool.users;
  const m = merge(pool.poolId, pool.providerName, src.userId, dst.userId, 'error');
  configure(mergeResource('m', m));
  expectExit(await ws.apply(), 0, 'terraform apply');

  const destroy = await ws.destroy();
  expect(destroy.code).toBe(1);
  expectNoCrash(destroy);
  expect(destroy.stderr).toMatch(/on_destroy/);
  expect((await ws.resources()).map((r) => r.address)).toEqual([ADDR]);

  const before = env.emulator.stats().merges;
  configure(mergeResource('m', { ...m, on_destroy: 'warn' }));
  const plan = expectExit(await ws.plan(), 0, 'terraform plan on_destroy change');
  expect(plan.stdout).toMatch(/0 to add, 1 to change, 0 to destroy/);
  expectExit(await ws.apply(), 0, 'terraform apply on_destroy = warn');
  expect(env.emulator.stats().merges - before).toBe(0);
  expectExit(await ws.destroy(), 0, 'terraform destroy with on_destroy = warn');
  ws.cleanup();
});
