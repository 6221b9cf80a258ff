// One adaptive send rate per Cognito operation, shared by every resource of
// the provider process (one pacer per Region session, i.e. per account and
// Region).
//
// Cognito's quotas are per operation and mostly unpublished, so the pacer
// starts unlimited and only learns a rate from throttling answers (AIMD):
// on a throttle the rate drops to 85 % of what was actually sent in the last
// second (counted by when requests went out, not when they asked), and every
// success adds a little back, about 0.15 requests per second each second. A
// gentle cut and a slow climb keep the rate near a fixed quota (as Cognito's
// are) most of the time (bench/RESULTS.md). Only a request sent after the
// last decrease can cause the next one: the others were sent at the old rate,
// so a burst of throttles counts once. Without throttling it never waits, so
// unthrottled runs pay nothing. Every attempt passes it, retries included,
// which turns a storm of independent retries into one orderly queue.

/** Slowest rate the pacer falls to, requests per second. */
export const MIN_RATE = 0.5;
const DECREASE = 0.85;
/** Rate gained per second of successes, requests per second. */
const INCREASE_PER_SECOND = 0.15;
const WINDOW_MS = 1000;

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

class Lane {
  /** Requests per second, or Infinity until the first throttle. */
  rate = Infinity;
  /** Token bucket; may go negative: each waiting caller holds a reservation. */
  private tokens = 0;
  private refilledAt = 0;
  private lastDecrease = -Infinity;
  /** When recent and queued requests go out. */
  private sent: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** How long the caller must wait before sending; reserves its slot. */
  reserve(): number {
    const now = this.clock.now();
    const wait = this.waitFor(now);
    // Kept as when the request goes out, not when it asked: callers queued long ago are not recent sends.
    this.sent = this.sent.filter((t) => t >= now - WINDOW_MS);
    this.sent.push(now + wait);
    return wait;
  }

  private waitFor(now: number): number {
    if (this.rate === Infinity) return 0;
    const capacity = Math.max(1, this.rate);
    this.tokens = Math.min(capacity, this.tokens + ((now - this.refilledAt) * this.rate) / 1000);
    this.refilledAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.rate;
  }

  throttled(sentAt: number): void {
    const now = this.clock.now();
    if (sentAt <= this.lastDecrease) return;
    this.lastDecrease = now;
    const recent = this.sent.filter((t) => t >= now - WINDOW_MS && t <= now).length;
    const base = this.rate === Infinity ? recent : Math.min(this.rate, Math.max(recent, MIN_RATE));
    const wasUnlimited = this.rate === Infinity;
    this.rate = Math.max(MIN_RATE, base * DECREASE);
    if (wasUnlimited) {
      this.tokens = 0;
      this.refilledAt = now;
    }
  }

  succeeded(): void {
    if (this.rate !== Infinity) this.rate += INCREASE_PER_SECOND / this.rate;
  }
}

export class OperationPacer {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly clock: Clock = realClock) {}

  private lane(operation: string): Lane {
    let lane = this.lanes.get(operation);
    if (!lane) {
      lane = new Lane(this.clock);
      this.lanes.set(operation, lane);
    }
    return lane;
  }

  /** Waits for this operation's next send slot; returns when the request goes out (for `throttled`). */
  async acquire(operation: string, signal?: AbortSignal): Promise<number> {
    const wait = this.lane(operation).reserve();
    if (wait > 0) await this.clock.sleep(wait, signal);
    return this.clock.now();
  }

  /** A request of `operation` sent at `sentAt` was throttled. */
  throttled(operation: string, sentAt: number): void {
    this.lane(operation).throttled(sentAt);
  }

  succeeded(operation: string): void {
    this.lane(operation).succeeded();
  }

  /** The learned rate (requests per second), Infinity while never throttled. */
  rateOf(operation: string): number {
    return this.lanes.get(operation)?.rate ?? Infinity;
  }
}
