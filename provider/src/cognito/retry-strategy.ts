// How Cognito calls are retried.
//
// The SDK's StandardRetryStrategy shares a 500-token retry bucket per client:
// every throttled retry costs 5 tokens and only successes refill it, so a long
// throttling storm (many resources at high -parallelism against a low rate
// limit) empties it and the SDK then gives up on the first throttle. Here
// throttling is always retried, up to the configured attempts, with full
// jitter so that parallel callers spread out instead of retrying in lockstep.
// Other transient failures (5xx, connection reset, timeouts) get a few short
// retries only, so an unreachable endpoint fails fast. Client errors
// (validation, not found, conflict, auth) are never retried.
//
// The strategy does not sleep itself: it hands the delay to the SDK's retry
// middleware, which races the wait against the call's abort signal, so
// StopProvider interrupts a backoff at once.

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

/** The adaptive mode's client-side rate limiter (the SDK's DefaultRateLimiter fits). */
export interface SendRateLimiter {
  getSendToken(): Promise<void>;
  updateClientSendingRate(info: RetryErrorInfo | Record<string, never>): void;
}

export interface RetryPolicy {
  /** Attempts per call including the first, for throttling. */
  maxAttempts: number;
  /** Attempts per call for other transient errors; never more than maxAttempts. */
  transientMaxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxAttempts'> = {
  transientMaxAttempts: 4,
  baseDelayMs: 150,
  maxDelayMs: 5000,
};

class AttemptToken implements RetryToken {
  constructor(
    private readonly retries: number,
    private readonly delayMs: number,
  ) {}
  getRetryCount(): number {
    return this.retries;
  }
  getRetryDelay(): number {
    return this.delayMs;
  }
}

/** Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^retry)]. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry, 30));
  return Math.floor(random() * ceiling);
}

export class CognitoRetryStrategy implements RetryStrategyV2 {
  readonly mode: 'standard' | 'adaptive';

  constructor(
    private readonly policy: RetryPolicy,
    private readonly rateLimiter?: SendRateLimiter,
    private readonly random: () => number = Math.random,
  ) {
    this.mode = rateLimiter ? 'adaptive' : 'standard';
  }

  /** Attempts allowed for this kind of failure (1 = do not retry). */
  attemptsFor(errorType: RetryErrorInfo['errorType']): number {
    if (errorType === 'THROTTLING') return this.policy.maxAttempts;
    if (errorType === 'TRANSIENT') return Math.min(this.policy.maxAttempts, this.policy.transientMaxAttempts);
    return 1;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    await this.rateLimiter?.getSendToken();
    return new AttemptToken(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    this.rateLimiter?.updateClientSendingRate(info);
    const attemptsSoFar = token.getRetryCount() + 1;
    if (attemptsSoFar >= this.attemptsFor(info.errorType)) {
      // The middleware rethrows the call's own error, not this one.
      throw new Error('no retry: attempts exhausted or error not retryable');
    }
    let delay = backoffDelay(token.getRetryCount(), this.policy, this.random);
    if (info.retryAfterHint instanceof Date) {
      const hinted = info.retryAfterHint.getTime() - Date.now();
      delay = Math.max(delay, Math.min(hinted, this.policy.maxDelayMs));
    }
    await this.rateLimiter?.getSendToken();
    return new AttemptToken(attemptsSoFar, delay);
  }

  recordSuccess(): void {
    this.rateLimiter?.updateClientSendingRate({});
  }
}
