/** Fault injection: rate limits, scripted rules, random faults, stats and the admin endpoint. */
import { CreateIdentityPoolCommand, GetIdCommand, LookupDeveloperIdentityCommand, MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { join } from 'node:path';
import { quotaPreset, startEmulator } from '../../emulator/src';
import { runProcess } from '../support/process';
import { REPO, requireBuild } from './child-process';
import { clientFor, createPool, DEV_PROVIDER, rawPost, registerUser, useEmulator } from './helpers';

const ctx = useEmulator();

beforeEach(() => {
  ctx.emulator().setFaults({});
  ctx.emulator().resetStats();
});

test('a rate limit answers TooManyRequestsException beyond the burst', async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  // 0.001 rps: burst of 1, next token in ~17 minutes, so the outcome does not depend on timing.
  ctx.emulator().setFaults({ rateLimits: { GetId: 0.001 } });
  expect((await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
  await expect(client.send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({
    name: 'TooManyRequestsException',
    message: 'Rate exceeded',
    $metadata: { httpStatusCode: 400 },
  });
  const stats = ctx.emulator().stats();
  expect(stats.calls.GetId).toBe(2);
  expect(stats.succeeded.GetId).toBe(1);
  expect(stats.throttled.GetId).toBe(1);
  expect(stats.calls.CreateIdentityPool).toBe(1);
});

test('with enough retries the SDK gets through a rate limit', async () => {
  const poolId = await createPool(ctx.client());
  ctx.emulator().setFaults({ rateLimits: { GetId: 5 } });
  const patient = clientFor(ctx.emulator(), { maxAttempts: 10 });
  const results = await Promise.all(Array.from({ length: 12 }, () => patient.send(new GetIdCommand({ IdentityPoolId: poolId }))));
  patient.destroy();
  expect(results.every((r) => typeof r.IdentityId === 'string')).toBe(true);
  const stats = ctx.emulator().stats();
  expect(stats.succeeded.GetId).toBe(12);
  expect(stats.throttled.GetId).toBeGreaterThan(0);
  expect(stats.calls.GetId).toBe(12 + (stats.throttled.GetId ?? 0));
});

test("an 'after' rule on Merge commits the merge but fails the response", async () => {
  const client = ctx.client();
  const poolId = await createPool(client);
  const dst = await registerUser(client, poolId, 'dst');
  await registerUser(client, poolId, 'src');
  ctx.emulator().setFaults({ rules: [{ operation: 'MergeDeveloperIdentities', kind: 'internal-error', phase: 'after' }] });
  const input = { IdentityPoolId: poolId, DeveloperProviderName: DEV_PROVIDER, SourceUserIdentifier: 'src', DestinationUserIdentifier: 'dst' };
  await expect(client.send(new MergeDeveloperIdentitiesCommand(input))).rejects.toMatchObject({
    name: 'InternalErrorException',
    $fault: 'server',
    $metadata: { httpStatusCode: 500 },
  });
  // The merge happened.
  const looked = await client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'src' }));
  expect(looked.IdentityId).toBe(dst);
  // The rule fired once; a retry now succeeds idempotently.
  expect((await client.send(new MergeDeveloperIdentitiesCommand(input))).IdentityId).toBe(dst);
  const stats = ctx.emulator().stats();
  expect(stats).toMatchObject({ merges: 1 });
  expect(stats.calls.MergeDeveloperIdentities).toBe(2);
  expect(stats.faulted.MergeDeveloperIdentities).toBe(1);
  expect(stats.succeeded.MergeDeveloperIdentities).toBe(1);
});

test("a 'before' throttle rule with count 2 is retried through by the SDK; a drop rule closes the connection", async () => {
  const poolId = await createPool(ctx.client());
  ctx.emulator().setFaults({ rules: [{ operation: 'GetId', kind: 'throttle', count: 2 }] });
  const patient = clientFor(ctx.emulator(), { maxAttempts: 3 });
  expect((await patient.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
  patient.destroy();
  expect(ctx.emulator().stats()).toMatchObject({ calls: { GetId: 3 }, throttled: { GetId: 2 }, succeeded: { GetId: 1 } });

  ctx.emulator().setFaults({ rules: [{ operation: 'GetId', kind: 'drop' }] });
  await expect(ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toThrow();
  expect((await ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
});

test('internalErrorRate 1 fails every call with 500; latency is applied', async () => {
  const poolId = await createPool(ctx.client());
  ctx.emulator().setFaults({ internalErrorRate: 1 });
  await expect(ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({ name: 'InternalErrorException' });
  ctx.emulator().setFaults({ dropConnectionRate: 1 });
  await expect(ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toThrow();
  ctx.emulator().setFaults({ latencyMs: { GetId: 50 } });
  expect((await ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId).toBeDefined();
  expect(ctx.emulator().stats().faulted.GetId).toBe(2);
});

test('a stopped in-process emulator does not keep its host process alive while a delayed answer is pending', async () => {
  requireBuild();
  // A host process that starts the emulator with a minute of latency, sends one
  // request, and stops the emulator once the request is being delayed. With
  // nothing else to do it must exit on its own, not when the minute is up.
  const script = `
    const { startEmulator } = require(${JSON.stringify(join(REPO, 'dist', 'emulator', 'src', 'index.js'))});
    const { CognitoIdentityClient, ListIdentityPoolsCommand } = require('@aws-sdk/client-cognito-identity');
    (async () => {
      const emulator = await startEmulator({ faults: { latencyMs: { ListIdentityPools: 60000 } } });
      const client = new CognitoIdentityClient({
        endpoint: emulator.endpoint, region: 'us-east-1', maxAttempts: 1,
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      });
      const pending = client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })).then(() => 'answered', (e) => e.name);
      // Stop once the request is being delayed: the call count is bumped when it reaches the
      // operation, and with no credentials to check only microtasks lie between that and the
      // delay, so by the next poll the delay timer is set.
      while (!emulator.stats().calls.ListIdentityPools) await new Promise((r) => setTimeout(r, 10));
      await emulator.stop();
      client.destroy();
      console.log('stopped; request ' + (await pending));
    })();
  `;
  const r = await runProcess(process.execPath, ['-e', script], { cwd: REPO, guardMs: 20_000 });
  expect(r.stderr).not.toContain('was killed after');
  expect(r.stdout.trim()).toMatch(/^stopped; request \w+$/);
  expect(r.stdout).not.toContain('answered');
  expect(r.code).toBe(0);
});

test('admin endpoint: PUT/GET faults, GET stats, stats reset, state reset; bad configs are refused by field', async () => {
  const { endpoint } = ctx.emulator();
  const put = await rawPost(endpoint, JSON.stringify({ rateLimits: { GetId: 0.001 } }), { 'Content-Type': 'application/json' }, '/_emulator/faults', 'PUT');
  expect(put.status).toBe(200);
  expect((await rawPost(endpoint, '', {}, '/_emulator/faults', 'GET')).json).toEqual({ rateLimits: { GetId: 0.001 } });

  const bad = await rawPost(endpoint, JSON.stringify({ internalErrorRate: 2 }), {}, '/_emulator/faults', 'PUT');
  expect(bad.status).toBe(400);
  expect(bad.json).toMatchObject({ __type: 'InvalidFaultConfiguration', message: 'internalErrorRate must be a number between 0 and 1.' });
  const badRule = await rawPost(endpoint, JSON.stringify({ rules: [{ operation: 'GetId', kind: 'explode' }] }), {}, '/_emulator/faults', 'PUT');
  expect(badRule.json.message).toBe('rules[0].kind must be one of internal-error, throttle, drop.');
  expect(() => ctx.emulator().setFaults({ dropConnectionRate: -1 })).toThrow('dropConnectionRate must be a number between 0 and 1.');

  const poolId = await createPool(ctx.client());
  const stats = await rawPost(endpoint, '', {}, '/_emulator/stats', 'GET');
  expect(stats.json).toMatchObject({ calls: { CreateIdentityPool: 1 }, succeeded: { CreateIdentityPool: 1 }, merges: 0 });
  await rawPost(endpoint, '', {}, '/_emulator/stats/reset');
  expect(ctx.emulator().stats()).toEqual({ calls: {}, succeeded: {}, throttled: {}, faulted: {}, merges: 0 });

  await rawPost(endpoint, '', {}, '/_emulator/reset');
  await expect(ctx.client().send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
});

test('the quota preset carries the published rates and leaves unlisted operations unthrottled', async () => {
  const preset = quotaPreset();
  expect(preset.rateLimits).toMatchObject({ GetId: 25, GetOpenIdTokenForDeveloperIdentity: 50, ListIdentities: 5, MergeDeveloperIdentities: 5 });
  const emulator = await startEmulator({ faults: preset });
  const client = clientFor(emulator);
  try {
    // CreateIdentityPool has no published quota, so it is never throttled.
    for (let i = 0; i < 30; i += 1) await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: `p${i}`, AllowUnauthenticatedIdentities: true }));
    expect(emulator.stats().throttled.CreateIdentityPool).toBeUndefined();
  } finally {
    client.destroy();
    await emulator.stop();
  }
});
