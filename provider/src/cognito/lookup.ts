// Lookups with request coalescing and a very short cache.
//
// Many merged_identity resources usually share one destination identity, and
// Terraform refreshes them in parallel. Without help each refresh would page
// through the same LookupDeveloperIdentity list. Here concurrent identical
// lookups share one request, and a result is reused for a few seconds.
//
// Freshness is tracked with a sequence number rather than wall time: every
// request and every invalidation takes the next number. A caller that must see
// the effect of something it just did (a merge) passes `startedAfter` = a
// number taken after that action; it then only joins requests, or reuses
// results, that started later. A merge this process performs invalidates the
// identities involved, and an older in-flight request never refills them.

import type { CognitoApi, PoolInfo, UserLookup } from './cognito-api';

export interface Freshness {
  /** Only accept a request that started after this sequence number (see SequenceClock). */
  startedAfter?: number;
}

export class SequenceClock {
  private value = 0;
  next(): number {
    return ++this.value;
  }
}

interface Entry<T> {
  seq: number;
  at: number;
  value: T;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

export class CoalescingCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly flights = new Map<string, { seq: number; promise: Promise<T> }>();
  private readonly invalidatedAt = new Map<string, number>();

  constructor(
    private readonly clock: SequenceClock,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The value for `key`: cached, shared with an identical request in flight, or fetched.
   * A joined request still honours the caller's own abort signal.
   */
  get(key: string, fetch: () => Promise<T>, signal: AbortSignal, freshness: Freshness = {}): Promise<T> {
    const after = freshness.startedAfter ?? 0;
    const cached = this.entries.get(key);
    if (cached && cached.seq > after && this.now() - cached.at <= this.ttlMs) return Promise.resolve(cached.value);
    const flight = this.flights.get(key);
    if (flight && flight.seq > after) return raceAbort(flight.promise, signal);

    const seq = this.clock.next();
    const promise = fetch().then((value) => {
      if ((this.invalidatedAt.get(key) ?? 0) < seq) this.entries.set(key, { seq, at: this.now(), value });
      return value;
    });
    this.flights.set(key, { seq, promise });
    const clear = () => {
      if (this.flights.get(key)?.seq === seq) this.flights.delete(key);
    };
    promise.then(clear, clear);
    return promise;
  }

  /** Stores a value learnt by another request (that started at `seq`), unless invalidated since. */
  prime(key: string, value: T, seq: number): void {
    const current = this.entries.get(key);
    if ((this.invalidatedAt.get(key) ?? 0) < seq && (!current || current.seq < seq)) {
      this.entries.set(key, { seq, at: this.now(), value });
    }
  }

  invalidate(key: string): void {
    this.entries.delete(key);
    this.invalidatedAt.set(key, this.clock.next());
  }
}

/** Cache lifetime: long enough to serve one parallel refresh, short enough not to hide drift. */
export const LOOKUP_TTL_MS = 3000;
/**
 * Which identity a user resolves to changes only through merges and unlinks;
 * this process's own merges invalidate it, so it may live a little longer and
 * serve every resource that shares a destination during one plan or apply.
 */
export const USER_TTL_MS = 15_000;
/** Pool settings are read once per run. */
export const POOL_TTL_MS = 10 * 60 * 1000;

const key = (poolId: string, id: string) => `${poolId}\u0000${id}`;

/** Who is linked to whom in Cognito, as seen through one region's API. */
export class IdentityDirectory {
  readonly clock = new SequenceClock();
  private readonly byUser: CoalescingCache<UserLookup>;
  private readonly byIdentity: CoalescingCache<string[]>;
  private readonly loginsByIdentity: CoalescingCache<string[]>;
  private readonly pools: CoalescingCache<PoolInfo>;

  constructor(
    readonly api: CognitoApi,
    ttlMs: number = LOOKUP_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.byUser = new CoalescingCache(this.clock, Math.max(ttlMs, USER_TTL_MS), now);
    this.byIdentity = new CoalescingCache(this.clock, ttlMs, now);
    this.loginsByIdentity = new CoalescingCache(this.clock, ttlMs, now);
    // A pool's developer provider name can never change; its login providers rarely do.
    this.pools = new CoalescingCache(this.clock, POOL_TTL_MS, now);
  }

  /** A sequence number: requests started after it see everything done before it. */
  mark(): number {
    return this.clock.next();
  }

  /** The identity of a developer user (and its user list when Cognito sent it whole). */
  lookupUser(poolId: string, user: string, signal: AbortSignal, freshness?: Freshness): Promise<UserLookup> {
    // The by-user answer's list is not used for an identity's list: AWS does
    // not document that it holds every user of the identity, and what a merge
    // moves must not rest on that reading.
    return this.byUser.get(key(poolId, user), () => this.api.lookupUser(poolId, user, signal), signal, freshness);
  }

  async identityOfUser(poolId: string, user: string, signal: AbortSignal, freshness?: Freshness): Promise<string> {
    return (await this.lookupUser(poolId, user, signal, freshness)).identityId;
  }

  /** Every developer user id of an identity, read by identity id (all pages). */
  usersOfIdentity(poolId: string, identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<string[]> {
    return this.byIdentity.get(
      key(poolId, identityId),
      () => this.api.usersOfIdentity(poolId, identityId, signal),
      signal,
      freshness,
    );
  }

  /** The provider names linked to an identity (DescribeIdentity). */
  loginsOfIdentity(identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<string[]> {
    return this.loginsByIdentity.get(identityId, () => this.api.loginsOfIdentity(identityId, signal), signal, freshness);
  }

  describePool(poolId: string, signal: AbortSignal): Promise<PoolInfo> {
    return this.pools.get(poolId, () => this.api.describePool(poolId, signal), signal);
  }

  /** Forget what a merge (or an attempted merge) may have changed. */
  invalidateMerge(poolId: string, movedUsers: readonly string[], identityIds: string[]): void {
    // A merge moves every user of the source's identity, not only the source.
    for (const user of movedUsers) this.byUser.invalidate(key(poolId, user));
    for (const id of identityIds) {
      this.byIdentity.invalidate(key(poolId, id));
      this.loginsByIdentity.invalidate(id);
    }
  }
}
