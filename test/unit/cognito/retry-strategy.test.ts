import type { RetryErrorInfo } from '@smithy/types';
import { backoffDelay, CognitoRetryStrategy, DEFAULT_RETRY_POLICY } from '../../../provider/src/cognito/retry-strategy';
import { configure, context, createPool, createUser, startHarness, type Harness } from './harness';

const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 25 };
const info = (errorType: RetryErrorInfo['errorType']): RetryErrorInfo => ({ errorType });

/** Drives the strategy like the SDK middleware does; returns how many attempts it allowed. */
async function attemptsAllowed(strategy: CognitoRetryStrategy, errorType: RetryErrorInfo['errorType']): Promise<number> {
  let token = await strategy.acquireInitialRetryToken();
  let attempts = 1;
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, info(errorType));
      attempts++;
    } catch {
      return attempts;
    }
  }
}

describe('retry strategy', () => {
  it('keeps retrying throttling up to max attempts, call after call (no shared bucket to empty)', async () => {
    const strategy = new CognitoRetryStrategy(policy);
    // 40 calls x 24 throttled retries would empty the SDK's 500-token bucket many times over.
    for (let call = 0; call < 40; call++) expect(await attemptsAllowed(strategy, 'THROTTLING')).toBe(25);
  });

  it('never retries client errors', async () => {
    expect(await attemptsAllowed(new CognitoRetryStrategy(policy), 'CLIENT_ERROR')).toBe(1);
    expect(await attemptsAllowed(new CognitoRetryStrategy(policy), 'SERVER_ERROR')).toBe(1);
  });

  it('gives other transient errors a few attempts only', async () => {
    expect(await attemptsAllowed(new CognitoRetryStrategy(policy), 'TRANSIENT')).toBe(4);
    expect(await attemptsAllowed(new CognitoRetryStrategy({ ...policy, maxAttempts: 2 }), 'TRANSIENT')).toBe(2);
  });

  it('uses full-jitter exponential backoff capped at maxDelayMs', () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBeLessThan(150);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(Math.floor(0.999 * 1200));
    expect(backoffDelay(20, policy, () => 0.999)).toBe(Math.floor(0.999 * 5000));
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('honours a Retry-After hint, within the cap', async () => {
    const strategy = new CognitoRetryStrategy(policy, undefined, () => 0);
    const first = await strategy.acquireInitialRetryToken();
    const hinted = await strategy.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING', retryAfterHint: new Date(Date.now() + 60_000) });
    expect(hinted.getRetryDelay()).toBe(5000);
  });
});

describe('retries against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());
  afterEach(() => {
    h.emulator.setFaults({});
    h.emulator.resetStats();
  });

  it('gets every call through a throttling storm', async () => {
    const pool = await createPool(h.sdk);
    const identity = await createUser(h.sdk, pool, 'storm-user');
    const clients = await configure(h.emulator.endpoint, { max_retries: 25 });
    const session = await clients.forPool(pool.poolId);
    h.emulator.setFaults({ rateLimits: { LookupDeveloperIdentity: 4 } });
    const ctx = context();
    // The API, not the cached directory: every one of these is a real request.
    const results = await Promise.all(Array.from({ length: 24 }, () => session.api.usersOfIdentity(pool.poolId, identity, ctx.signal)));
    expect(results.every((users) => users.includes('storm-user'))).toBe(true);
    const stats = h.emulator.stats();
    expect(stats.succeeded.LookupDeveloperIdentity).toBe(24);
    expect(stats.throttled.LookupDeveloperIdentity).toBeGreaterThan(0);
  });

  it('does not retry a rejected merge', async () => {
    const pool = await createPool(h.sdk);
    await createUser(h.sdk, pool, 'a');
    await createUser(h.sdk, pool, 'b');
    const clients = await configure(h.emulator.endpoint, { max_retries: 25 });
    const session = await clients.forPool(pool.poolId);
    const merge = session.api.merge(
      { identityPoolId: pool.poolId, developerProviderName: 'not.the.provider', sourceUserIdentifier: 'a', destinationUserIdentifier: 'b' },
      context().signal,
    );
    await expect(merge).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(h.emulator.stats().calls.MergeDeveloperIdentities).toBe(1);
  });

  it('retries internal errors a few times, then reports them', async () => {
    const pool = await createPool(h.sdk);
    const identity = await createUser(h.sdk, pool, 'flaky');
    const clients = await configure(h.emulator.endpoint, { max_retries: 25 });
    const session = await clients.forPool(pool.poolId);
    h.emulator.setFaults({ rules: [{ operation: 'LookupDeveloperIdentity', kind: 'internal-error', count: 10 }] });
    const err = await session.api.usersOfIdentity(pool.poolId, identity, context().signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'InternalErrorException' });
    expect(h.emulator.stats().calls.LookupDeveloperIdentity).toBe(4);
  });
});
