// Bad input fails `terraform plan` with an error that names the attribute and
// the rule, before anything reaches MergeDeveloperIdentities.

import { MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase, type E2eCase, type E2eCaseOf } from '../support/e2e';
import { mergeOf, mergeResource, type MergeSettings } from '../support/provider-hcl';
import type { ProcessResult } from '../support/process';

let env: TestEmulator;
let c: E2eCaseOf<2>;
let valid: MergeSettings;

beforeAll(async () => {
  env = await startTestEmulator();
  c = await newCase(env, 'validation', 2);
  valid = mergeOf(c.pool, c.pool.users[0], c.pool.users[1]);
});

afterAll(async () => {
  await env?.stop();
});

/** Plans `settings` and checks that it failed without any merge call reaching the emulator. */
async function planFails(settings: MergeSettings, reuse: E2eCase = c): Promise<ProcessResult> {
  const mergeCalls = (): number => env.emulator.stats().calls.MergeDeveloperIdentities ?? 0;
  const merges = env.emulator.stats().merges;
  const calls = mergeCalls();
  reuse.configure(mergeResource('m', settings));
  const r = await reuse.ws.plan();
  expect(r.code).toBe(1);
  expectNoCrash(r);
  expect(r.stderr).toMatch(/Error/);
  expect(env.emulator.stats().merges).toBe(merges);
  expect(mergeCalls()).toBe(calls);
  return r;
}

// [what is wrong, the attribute the error must name, the change to a valid config, the rule the message states]
const badInputs: [string, keyof MergeSettings, Partial<MergeSettings>, RegExp][] = [
  ['pool id longer than 55', 'identity_pool_id', { identity_pool_id: `us-east-1:${'a'.repeat(46)}` }, /55/],
  ['pool id not REGION:GUID', 'identity_pool_id', { identity_pool_id: 'us-east-1_userPool' }, /REGION:GUID|pattern|\[\\w-\]\+:\[0-9a-f-\]\+/],
  ['empty provider name', 'developer_provider_name', { developer_provider_name: '' }, /1-128|128/],
  ['provider name longer than 128', 'developer_provider_name', { developer_provider_name: 'p'.repeat(129) }, /128/],
  ['provider name with a space', 'developer_provider_name', { developer_provider_name: 'bad name' }, /pattern|\[\\w\._-\]\+|characters/],
  ['empty source identifier', 'source_user_identifier', { source_user_identifier: '' }, /1024|1-1024|empty/],
  ['source identifier longer than 1024', 'source_user_identifier', { source_user_identifier: 's'.repeat(1025) }, /1024/],
  ['destination identifier longer than 1024', 'destination_user_identifier', { destination_user_identifier: 'd'.repeat(1025) }, /1024/],
  [
    'source equals destination',
    'destination_user_identifier',
    { source_user_identifier: 'same-user', destination_user_identifier: 'same-user' },
    /differ|same/i,
  ],
  ['unknown on_destroy value', 'on_destroy', { on_destroy: 'maybe' }, /warn/],
];

test.each(badInputs)('plan rejects %s, naming %s', async (_name, attribute, change, rule) => {
  const r = await planFails({ ...valid, ...change });
  expect(r.stderr).toContain(attribute);
  expect(r.stderr).toMatch(rule);
});

test('plan fails on an unknown source user, naming it', async () => {
  const r = await planFails({ ...valid, source_user_identifier: 'nobody-signed-in-as-this' });
  expect(r.stderr).toContain('nobody-signed-in-as-this');
});

test('plan fails on an unknown destination user, naming it', async () => {
  const r = await planFails({ ...valid, destination_user_identifier: 'no-such-destination' });
  expect(r.stderr).toContain('no-such-destination');
});

test('plan fails when the merge would exceed 20 linked logins', async () => {
  const big = await newCase(env, 'login-limit', 21);
  const [dst, ...others] = big.pool.users;
  const last = others.pop()!;
  // Fill the destination identity up to exactly 20 developer user identifiers.
  for (const u of others) {
    await env.client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: big.pool.poolId,
        DeveloperProviderName: big.pool.providerName,
        SourceUserIdentifier: u.userId,
        DestinationUserIdentifier: dst.userId,
      }),
    );
  }
  const r = await planFails(
    {
      identity_pool_id: big.pool.poolId,
      developer_provider_name: big.pool.providerName,
      source_user_identifier: last.userId,
      destination_user_identifier: dst.userId,
    },
    big,
  );
  expect(r.stderr).toMatch(/\b20\b/);
  big.ws.cleanup();
});

afterAll(() => {
  c?.ws.cleanup();
});
