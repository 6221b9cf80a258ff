// Reads the two identities of a merge from Cognito as merge-rule.ts sees
// them: the identity id, every developer user on it, and how many public
// logins it has.

import type { Stamped } from './coalescing-cache';
import type { Freshness, IdentityDirectory } from './lookup';
import type { IdentityView } from './merge-rule';
import { classifyError } from './errors';

export interface ViewOptions {
  /** The pool's developer provider name: its entry in DescribeIdentity's Logins is not a public login. */
  developerProvider: string;
  /** Whether to read public logins (DescribeIdentity) at all. */
  withPublicLogins: boolean;
  /**
   * Plan only: take the users a complete lookup by user listed, even while it
   * is not known whether such a lookup lists the whole identity (lookup.ts).
   * Apply never does: it reads the identity by id before merging, so a list
   * that left someone out stops the merge there.
   */
  listedByUserIsEnough?: boolean;
  freshness?: Freshness;
}

/**
 * The identity `user` resolves to now. Errors propagate (the caller names the
 * attribute); only a DescribeIdentity that is not allowed makes publicLogins null.
 */
export async function viewOfUser(
  directory: IdentityDirectory,
  at: { poolId: string; user: string },
  options: ViewOptions,
  signal: AbortSignal,
): Promise<IdentityView> {
  const { poolId, user } = at;
  const found = await directory.lookupUser(poolId, user, signal, options.freshness);
  const identityId = found.identityId;
  const listed = options.listedByUserIsEnough === true ? found.users : undefined;
  const [users, publicLogins] = await Promise.all([
    listed ?? directory.usersOfIdentity(poolId, identityId, signal, options.freshness),
    options.withPublicLogins ? publicLoginsOf(directory, identityId, options, signal) : Promise.resolve(null),
  ]);
  const partial = listed !== undefined && !directory.wholeListsByUser;
  return partial ? { identityId, users, publicLogins, partial } : { identityId, users, publicLogins };
}

async function publicLoginsOf(directory: IdentityDirectory, identityId: string, options: ViewOptions, signal: AbortSignal): Promise<number | null> {
  return (await publicLoginsRead(directory, identityId, options, signal)).count;
}

/** The identity's public logins, and when they were read (undefined when not read). */
async function publicLoginsRead(
  directory: IdentityDirectory,
  identityId: string,
  options: ViewOptions,
  signal: AbortSignal,
): Promise<{ count: number | null; sentAt?: number }> {
  try {
    const logins = await directory.loginsOfIdentityStamped(identityId, signal, options.freshness);
    return { count: logins.value.filter((name) => name !== options.developerProvider).length, sentAt: logins.sentAt };
  } catch (err) {
    // Denied (DescribeIdentity needs its own IAM permission): unknown, which merge-rule.ts treats with care.
    if (classifyError(err, signal) === 'auth') return { count: null };
    throw err;
  }
}

export interface MergeUsers {
  poolId: string;
  source: string;
  destination: string;
}

/** Both identities of a merge, the destination's users with when they were read, and when the oldest read was sent. */
export interface ViewsNow {
  source: IdentityView;
  destination: IdentityView;
  destinationRead: Stamped<readonly string[]>;
  oldestReadAt: number;
}

/**
 * Both identities of a merge as they are now, read by the identity ids plan
 * saw: two list reads in the usual case, or none when recent enough reads are
 * cached (options.freshness). Only a user that left its planned identity
 * costs a lookup, to say where it went (and then the merge is off anyway).
 */
export async function viewsNow(
  directory: IdentityDirectory,
  m: MergeUsers & { planned: { source: IdentityView; destination: IdentityView } },
  options: ViewOptions,
  signal: AbortSignal,
): Promise<ViewsNow> {
  const { planned } = m;
  const strict = { ...options, listedByUserIsEnough: false };
  const [srcRead, dstRead] = await Promise.all([
    directory.usersOfIdentityStamped(m.poolId, planned.source.identityId, signal, options.freshness),
    directory.usersOfIdentityStamped(m.poolId, planned.destination.identityId, signal, options.freshness),
  ]);
  const oldestReadAt = Math.min(srcRead.sentAt, dstRead.sentAt);
  const destination: IdentityView = dstRead.value.includes(m.destination)
    ? { identityId: planned.destination.identityId, users: dstRead.value, publicLogins: null }
    : await viewOfUser(directory, { poolId: m.poolId, user: m.destination }, { ...strict, withPublicLogins: false }, signal);
  const base = { destination, destinationRead: { ...dstRead, value: destination.users }, oldestReadAt };
  if (destination.users.includes(m.source)) return { ...base, source: destination };
  if (!srcRead.value.includes(m.source)) return { ...base, source: await viewOfUser(directory, { poolId: m.poolId, user: m.source }, strict, signal) };
  const logins = options.withPublicLogins ? await publicLoginsRead(directory, planned.source.identityId, options, signal) : { count: null };
  const source = { identityId: planned.source.identityId, users: srcRead.value, publicLogins: logins.count };
  return { ...base, source, oldestReadAt: Math.min(oldestReadAt, logins.sentAt ?? oldestReadAt) };
}
