// The final plan of one `terraform apply` repeats the plan the user reviewed
// (provider/src/cognito/plan-ledger.ts) instead of reading Cognito again, and
// apply's own check, just before the merge, still reads Cognito afresh. Every
// check of what moved goes through LookupDeveloperIdentity.

import { lookupUser, mergeOutOfBand, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { waitForOutput } from '../support/process';
import { expectExit, flat } from '../support/terraform';

let env: TestEmulator;
beforeAll(async () => {
  env = await startTestEmulator();
});
afterAll(async () => {
  await env?.stop();
});

const REPLAYED = /repeating the plan this Terraform run already made of this merge/g;

async function identityOf(pool: TestPool, user: string): Promise<string> {
  return (await lookupUser(env.client, pool.poolId, user)).identityId;
}

test('the final plan of each merge repeats the reviewed plan, and every merge lands', async () => {
  const { ws, pool, configure } = await newCase(env, 'ledger-replay', 4);
  const [dst, ...sources] = pool.users;
  configure(sources.map((src, i) => mergeResource(`m${i}`, mergeOf(pool, src, dst))).join('\n'));

  // The provider logs each repeat at debug level (TF_LOG_PROVIDER): one per resource, all in the final plan.
  const apply = ['apply', '-no-color', '-input=false', '-auto-approve'];
  const r = expectExit(await ws.run(apply, { TF_LOG_PROVIDER: 'debug' }), 0, 'apply');
  expectNoCrash(r, { logged: true });
  expect(r.stdout).toContain('Apply complete! Resources: 3 added');
  expect(r.stderr.match(REPLAYED) ?? []).toHaveLength(3);
  for (const src of sources) expect(await identityOf(pool, src.userId)).toBe(dst.identityId);
  ws.cleanup();
});

test('a user joins the source identity while apply waits for approval: the check refuses, naming it, and nothing merges', async () => {
  const { ws, pool, configure } = await newCase(env, 'ledger-prompt', 3);
  const [dst, src, late] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)));

  const running = ws.start(['apply', '-no-color'], { TF_LOG_PROVIDER: 'debug' }, { keepStdinOpen: true });
  await waitForOutput(running, /Enter a value:/);
  expect(running.child.exitCode).toBeNull();
  // The reviewed plan showed only the source moving; now a third user shares its identity.
  await mergeOutOfBand(env.client, pool, late.userId, src.userId);
  const merges = env.emulator.stats().merges;
  running.child.stdin?.end('yes\n');
  const r = await running.done;

  expect(r.code).toBe(1);
  expectNoCrash(r, { logged: true });
  const text = flat(r.stderr);
  // The final plan repeated the reviewed one, so it is apply's check, not Terraform's consistency check, that stops it.
  expect(r.stderr.match(REPLAYED) ?? []).toHaveLength(1);
  expect(text).not.toContain('inconsistent final plan');
  expect(text).toContain('Identities changed since plan');
  expect(text).toContain(`the source's identity gained "${late.userId}"`);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(await identityOf(pool, src.userId)).toBe(src.identityId);
  expect(await identityOf(pool, late.userId)).toBe(src.identityId);
  expect(await identityOf(pool, dst.userId)).toBe(dst.identityId);
  ws.cleanup();
});
