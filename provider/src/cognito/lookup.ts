// Who is linked to whom, read through LookupDeveloperIdentity with request
// coalescing and a very short cache (coalescing-cache.ts).
//
// Many merged_identity resources usually share one destination identity, and
// Terraform plans and refreshes them in parallel. Here concurrent identical
// lookups share one request, and a result is reused for a few seconds. A
// merge this process performs invalidates the identities involved.
//
// A lookup by user answers with the user's identity and a list of developer
// users. AWS documents that list as "the list of developer user identifiers
// associated with an identity ID", but not that a lookup by user returns all
// of them rather than only the user asked about. What a merge moves must be
// right under both readings, so an identity's users are read by identity id
// until Cognito itself has shown that a lookup by user lists the whole
// identity: one answer naming a user other than the one asked about settles
// it for this process, and from then on one lookup by user tells both the
// identity and all its users (a second call saved per identity).

import { CoalescingCache, SequenceClock, type Freshness, type Stamped } from './coalescing-cache';
import type { CognitoApi, PoolInfo, UserLookup } from './cognito-api';
import { withSendHook } from './pacing-middleware';

export { CoalescingCache, SequenceClock, type Freshness } from './coalescing-cache';

/**
 * Cache lifetime of lookups within one process (one Terraform walk). A merge
 * is checked against reads at most RECHECK_MAX_AGE_MS old whatever this says
 * (merged-identity-merge.ts), and this process's own merges invalidate what
 * they change, so the cache only serves plans and refreshes: it lets every
 * resource of a fan-in share one read of the destination however long a
 * throttled walk takes.
 */
const LOOKUP_TTL_MS = 60_000;
/** Pool settings are read once per run. */
const POOL_TTL_MS = 10 * 60 * 1000;

const key = (poolId: string, id: string) => `${poolId}\u0000${id}`;

/** Who is linked to whom in Cognito, as seen through one region's API. */
export class IdentityDirectory {
  readonly clock = new SequenceClock();
  private readonly byUser: CoalescingCache<UserLookup>;
  private readonly byIdentity: CoalescingCache<string[]>;
  private readonly loginsByIdentity: CoalescingCache<string[]>;
  private readonly pools: CoalescingCache<PoolInfo>;
  /** Set once Cognito answered a lookup by user with another user of the identity (see the header). */
  private byUserListsWholeIdentity = false;

  constructor(
    readonly api: CognitoApi,
    ttlMs: number = LOOKUP_TTL_MS,
    now: () => number = Date.now,
    private readonly onEvidence?: (message: string) => void,
  ) {
    const lateBinding = api.reportsSends === true;
    this.byUser = new CoalescingCache(this.clock, { ttlMs, now, lateBinding });
    this.byIdentity = new CoalescingCache(this.clock, { ttlMs, now, lateBinding });
    this.loginsByIdentity = new CoalescingCache(this.clock, { ttlMs, now, lateBinding });
    // A pool's developer provider name can never change; its login providers rarely do.
    this.pools = new CoalescingCache(this.clock, { ttlMs: POOL_TTL_MS, now, lateBinding });
  }

  /** A sequence number: requests started after it see everything done before it. */
  mark(): number {
    return this.clock.next();
  }

  /** Whether lookups by user are known (from Cognito's own answers) to list every user of the identity. */
  get wholeListsByUser(): boolean {
    return this.byUserListsWholeIdentity;
  }

  /**
   * The identity of a developer user, and the users Cognito listed with it.
   * When those are known to be the whole identity, they also answer the next
   * usersOfIdentity of that identity.
   */
  async lookupUser(poolId: string, user: string, signal: AbortSignal, freshness?: Freshness): Promise<UserLookup> {
    const fetch = (sent: () => void) => withSendHook(sent, () => this.api.lookupUser(poolId, user, signal));
    const stamped = await this.byUser.getStamped(key(poolId, user), fetch, signal, freshness);
    const { value } = stamped;
    const listed = value.users;
    if (listed === undefined) return value;
    if (!this.byUserListsWholeIdentity && listed.some((u) => u !== user)) {
      this.byUserListsWholeIdentity = true;
      this.onEvidence?.("a lookup by developer user listed other users of its identity; lookups by user now also give the identity's users");
    }
    if (this.byUserListsWholeIdentity) this.byIdentity.prime(key(poolId, value.identityId), listed, stamped);
    return value;
  }

  async identityOfUser(poolId: string, user: string, signal: AbortSignal, freshness?: Freshness): Promise<string> {
    return (await this.lookupUser(poolId, user, signal, freshness)).identityId;
  }

  /** Every developer user id of an identity, read by identity id (all pages). */
  async usersOfIdentity(poolId: string, identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<string[]> {
    return (await this.usersOfIdentityStamped(poolId, identityId, signal, freshness)).value;
  }

  /** Like usersOfIdentity, with when the answer was read. */
  usersOfIdentityStamped(poolId: string, identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<Stamped<string[]>> {
    const fetch = (sent: () => void) => withSendHook(sent, () => this.api.usersOfIdentity(poolId, identityId, signal));
    return this.byIdentity.getStamped(key(poolId, identityId), fetch, signal, freshness);
  }

  /** The provider names linked to an identity (DescribeIdentity). */
  async loginsOfIdentity(identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<string[]> {
    return (await this.loginsOfIdentityStamped(identityId, signal, freshness)).value;
  }

  /** Like loginsOfIdentity, with when the answer was read. */
  loginsOfIdentityStamped(identityId: string, signal: AbortSignal, freshness?: Freshness): Promise<Stamped<string[]>> {
    const fetch = (sent: () => void) => withSendHook(sent, () => this.api.loginsOfIdentity(identityId, signal));
    return this.loginsByIdentity.getStamped(identityId, fetch, signal, freshness);
  }

  describePool(poolId: string, signal: AbortSignal): Promise<PoolInfo> {
    const fetch = (sent: () => void) => withSendHook(sent, () => this.api.describePool(poolId, signal));
    return this.pools.get(poolId, fetch, signal);
  }

  /**
   * What a merge this process made changed: the moved users resolve elsewhere
   * and the source's identity is disabled, so those are forgotten. The
   * destination's identity now holds its users and the moved ones; when it was
   * read recently, that sum replaces the read (keeping the read's age), so the
   * next merge into it can be checked without waiting for another read.
   */
  recordMerge(poolId: string, moved: { users: readonly string[]; identityId: string }, destination: Stamped<readonly string[]> & { identityId: string }): void {
    this.invalidateMerge(poolId, moved.users, [moved.identityId]);
    const users = [...new Set([...destination.value, ...moved.users])];
    this.byIdentity.derive(key(poolId, destination.identityId), destination, users);
    this.loginsByIdentity.invalidate(destination.identityId);
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
