// A merge cannot be undone, so destroying or replacing the resource only makes
// Terraform forget it. Plan says so once per resource (Terraform consolidates
// those warnings), apply does not repeat it, and on_destroy = "error" refuses
// a forced replacement (-replace) at plan, through the real Terraform.

import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { expectExit, flat } from '../support/terraform';

let env: TestEmulator;

beforeAll(async () => {
  env = await startTestEmulator();
});

afterAll(async () => {
  await env?.stop();
});

const STAYS = 'Warning: The merge stays in Cognito';
const count = (text: string, what: string): number => text.split(what).length - 1;

test('destroying two merges warns at plan only: one consolidated block, none at apply', async () => {
  const { ws, pool, configure } = await newCase(env, 'quiet-destroy', 3);
  const [dst, a, b] = pool.users;
  configure(mergeResource('a', mergeOf(pool, a, dst)) + mergeResource('b', mergeOf(pool, b, dst)));
  expectExit(await ws.apply(), 0, 'terraform apply');

  const destroy = expectExit(await ws.destroy(), 0, 'terraform destroy');
  const out = destroy.stdout + destroy.stderr;
  expect(count(out, STAYS)).toBe(1);
  expect(out).toContain('(and one more similar warning elsewhere)');
  expect(await ws.resources()).toEqual([]);
  ws.cleanup();
});

test('plan -replace with on_destroy = "error" fails at plan; with "warn" it warns once and replaces', async () => {
  const { ws, pool, configure } = await newCase(env, 'replace', 2);
  const [src, dst] = pool.users;
  const m = { ...mergeOf(pool, src, dst), on_destroy: 'error' };
  configure(mergeResource('m', m));
  expectExit(await ws.apply(), 0, 'terraform apply');

  const refused = await ws.plan('-replace=cognitoidentity_merged_identity.m');
  expect(refused.code).toBe(1);
  expectNoCrash(refused);
  const text = flat(refused.stderr);
  expect(text).toContain('Change needs a new merge, but on_destroy = "error"');
  expect(text).toContain('`terraform plan -replace` replaces this resource');

  configure(mergeResource('m', { ...m, on_destroy: 'warn' }));
  expectExit(await ws.apply(), 0, 'terraform apply on_destroy = warn');
  const before = env.emulator.stats().merges;
  const replaced = expectExit(await ws.apply('-replace=cognitoidentity_merged_identity.m'), 0, 'terraform apply -replace');
  expect(count(replaced.stdout + replaced.stderr, STAYS)).toBe(1);
  expect(replaced.stdout).toMatch(/1 added, 0 changed, 1 destroyed/);
  // The new resource adopts the merge that is still there.
  expect(env.emulator.stats().merges - before).toBe(0);
  ws.cleanup();
});

test('a configuration change that forces a new merge warns at plan that the old one stays', async () => {
  const { ws, pool, configure } = await newCase(env, 'replace-config', 3);
  const [src, dst, other] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));
  expectExit(await ws.apply(), 0, 'terraform apply');

  configure(mergeResource('m', mergeOf(pool, other, dst)));
  const plan = expectExit(await ws.plan(), 0, 'terraform plan (new source)');
  expect(plan.stdout).toMatch(/must be replaced/);
  expect(count(plan.stdout + plan.stderr, STAYS)).toBe(1);
  expect(flat(plan.stdout + plan.stderr)).toContain(`developer users "${src.userId}" and "${dst.userId}" stay merged in Cognito`);
  ws.cleanup();
});
