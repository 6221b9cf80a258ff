// The rule of docs/resources/merged_identity.md, "What a merge moves", as pure
// functions: no Cognito calls, no Terraform types. Cognito merges identities,
// so what moves is everything on the source's identity, and the verdicts here
// decide whether that may happen (at plan) and whether it is still what plan
// showed (at apply).

/** One identity as read from Cognito. */
export interface IdentityView {
  identityId: string;
  /** Every developer user id on it. */
  users: readonly string[];
  /** Public logins (Google, Facebook, ...) on it; null when they could not be read. */
  publicLogins: number | null;
  /**
   * Set when `users` is what a lookup by user listed while it was not known
   * whether such a lookup lists the whole identity (lookup.ts): it may lack
   * users, so apply's read by identity id may rightly find more.
   */
  partial?: boolean;
}

/** The other merges one provider process plans (creates only), for the one-source and no-chain rules. */
export interface OtherMerges {
  /** Destinations other merges move this source into. */
  sameSource: readonly string[];
  /** Sources other merges move into this merge's source (this source is their destination). */
  intoSource: readonly string[];
  /** Destinations other merges move this merge's destination into (this destination is their source). */
  destinationMovesTo: readonly string[];
}

export interface MergeIntent {
  source: string;
  destination: string;
  /** allow_moving_unnamed_logins: consent to move what the configuration does not name. */
  allowUnnamed: boolean;
}

export type Refusal =
  | { rule: 'unnamed'; users: string[]; publicLogins: number }
  | { rule: 'public-logins-unknown' }
  | { rule: 'same-source'; destinations: string[] }
  | { rule: 'chain'; intoSource: string[]; destinationMovesTo: string[] };

export type PlanVerdict =
  { verdict: 'merge'; moving: string[]; movingPublicLogins: number | null } | { verdict: 'adopt' } | { verdict: 'refuse'; refusals: Refusal[] };

/** Whether plan may propose this merge, given both identities and the other merges of the plan. */
export function planVerdict(intent: MergeIntent, source: IdentityView, destination: IdentityView, others: OtherMerges): PlanVerdict {
  const refusals: Refusal[] = [];
  if (others.sameSource.length > 0) refusals.push({ rule: 'same-source', destinations: [...others.sameSource] });
  if (others.intoSource.length > 0 || others.destinationMovesTo.length > 0) {
    refusals.push({ rule: 'chain', intoSource: [...others.intoSource], destinationMovesTo: [...others.destinationMovesTo] });
  }
  if (source.identityId === destination.identityId) {
    // Nothing moves, so the consent rules have nothing to guard; the cross-merge rules still hold.
    return refusals.length > 0 ? { verdict: 'refuse', refusals } : { verdict: 'adopt' };
  }
  const moving = movingUsers(intent.source, source.users);
  if (!intent.allowUnnamed) {
    const unnamed = moving.filter((u) => u !== intent.source);
    const publicLogins = source.publicLogins ?? 0;
    if (unnamed.length > 0 || publicLogins > 0) refusals.push({ rule: 'unnamed', users: unnamed, publicLogins });
    else if (source.publicLogins === null) refusals.push({ rule: 'public-logins-unknown' });
  }
  if (refusals.length > 0) return { verdict: 'refuse', refusals };
  return { verdict: 'merge', moving, movingPublicLogins: source.publicLogins };
}

/**
 * The source first, then every other user on its identity, sorted: a lookup by
 * user and one by identity need not list them in the same order, and the final
 * plan at apply must show the very list that plan showed.
 */
function movingUsers(source: string, usersOnSourceIdentity: readonly string[]): string[] {
  return [source, ...usersOnSourceIdentity.filter((u) => u !== source).sort()];
}

/** What the final plan saw, kept in private state for apply. */
export interface PlannedMerge {
  source: IdentityView;
  destination: IdentityView;
}

export type Change =
  | { what: 'destination-moved'; planned: string; now: string }
  | { what: 'source-moved'; planned: string; now: string }
  | { what: 'source-users'; added: string[]; removed: string[] }
  | { what: 'source-public-logins'; planned: number; now: number | null }
  | { what: 'destination-users'; added: string[]; removed: string[] };

export type ApplyVerdict = { verdict: 'merge' } | { verdict: 'adopt' } | { verdict: 'changed'; changes: Change[] };

/**
 * Whether apply may call MergeDeveloperIdentities now. `arrived` are the users
 * that merges earlier in this apply moved into the planned destination identity:
 * they explain a destination that grew, and nothing else does.
 */
export function applyVerdict(planned: PlannedMerge, source: IdentityView, destination: IdentityView, arrived: readonly string[]): ApplyVerdict {
  if (destination.identityId !== planned.destination.identityId) {
    return { verdict: 'changed', changes: [{ what: 'destination-moved', planned: planned.destination.identityId, now: destination.identityId }] };
  }
  // Already together (an earlier merge of this apply, or an interrupted run): merging again would move nothing.
  if (source.identityId === destination.identityId) return { verdict: 'adopt' };
  const changes: Change[] = [];
  if (source.identityId !== planned.source.identityId) {
    changes.push({ what: 'source-moved', planned: planned.source.identityId, now: source.identityId });
  }
  const src = difference(planned.source.users, source.users);
  if (src.added.length > 0 || src.removed.length > 0) changes.push({ what: 'source-users', ...src });
  const plannedLogins = planned.source.publicLogins;
  if (plannedLogins !== null && source.publicLogins !== plannedLogins) {
    changes.push({ what: 'source-public-logins', planned: plannedLogins, now: source.publicLogins });
  }
  // A destination list plan may have seen only in part cannot tell who joined since; its identity was checked above.
  if (planned.destination.partial !== true) {
    const dst = difference([...planned.destination.users, ...arrived], destination.users);
    const removed = dst.removed.filter((u) => planned.destination.users.includes(u));
    if (dst.added.length > 0 || removed.length > 0) changes.push({ what: 'destination-users', added: dst.added, removed });
  }
  return changes.length > 0 ? { verdict: 'changed', changes } : { verdict: 'merge' };
}

function difference(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return { added: [...is].filter((u) => !was.has(u)), removed: [...was].filter((u) => !is.has(u)) };
}
