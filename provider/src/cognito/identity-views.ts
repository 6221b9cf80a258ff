// Reads the two identities of a merge from Cognito as merge-rule.ts sees
// them: the identity id, every developer user on it, and how many public
// logins it has.

import type { Freshness, IdentityDirectory } from './lookup';
import type { IdentityView } from './merge-rule';
import { classifyError } from './errors';

export interface ViewOptions {
  /** The pool's developer provider name: its entry in DescribeIdentity's Logins is not a public login. */
  developerProvider: string;
  /** Whether to read public logins (DescribeIdentity) at all. */
  withPublicLogins: boolean;
  freshness?: Freshness;
}

/**
 * The identity `user` resolves to now. Errors propagate (the caller names the
 * attribute); only a DescribeIdentity that is not allowed makes publicLogins null.
 */
export async function viewOfUser(
  dir: IdentityDirectory,
  poolId: string,
  user: string,
  options: ViewOptions,
  signal: AbortSignal,
): Promise<IdentityView> {
  const identityId = await dir.identityOfUser(poolId, user, signal, options.freshness);
  const [users, publicLogins] = await Promise.all([
    dir.usersOfIdentity(poolId, identityId, signal, options.freshness),
    options.withPublicLogins ? publicLoginsOf(dir, identityId, options, signal) : Promise.resolve(null),
  ]);
  return { identityId, users, publicLogins };
}

async function publicLoginsOf(dir: IdentityDirectory, identityId: string, options: ViewOptions, signal: AbortSignal): Promise<number | null> {
  try {
    const logins = await dir.loginsOfIdentity(identityId, signal, options.freshness);
    return logins.filter((name) => name !== options.developerProvider).length;
  } catch (err) {
    // Denied (DescribeIdentity needs its own IAM permission): unknown, which merge-rule.ts treats with care.
    if (classifyError(err, signal) === 'auth') return null;
    throw err;
  }
}

export interface MergeUsers {
  poolId: string;
  source: string;
  destination: string;
}

/**
 * Both identities of a merge as they are now, read by the identity ids plan
 * saw: two list reads in the usual case. Only a user that left its planned
 * identity costs a lookup, to say where it went.
 */
export async function viewsNow(
  dir: IdentityDirectory,
  m: MergeUsers,
  planned: { source: IdentityView; destination: IdentityView },
  options: ViewOptions,
  signal: AbortSignal,
): Promise<{ source: IdentityView; destination: IdentityView }> {
  const [srcUsers, dstUsers] = await Promise.all([
    dir.usersOfIdentity(m.poolId, planned.source.identityId, signal, options.freshness),
    dir.usersOfIdentity(m.poolId, planned.destination.identityId, signal, options.freshness),
  ]);
  const destination: IdentityView = dstUsers.includes(m.destination)
    ? { identityId: planned.destination.identityId, users: dstUsers, publicLogins: null }
    : await viewOfUser(dir, m.poolId, m.destination, { ...options, withPublicLogins: false }, signal);
  if (destination.users.includes(m.source)) return { source: destination, destination };
  if (!srcUsers.includes(m.source)) return { source: await viewOfUser(dir, m.poolId, m.source, options, signal), destination };
  const publicLogins = options.withPublicLogins ? await publicLoginsOf(dir, planned.source.identityId, options, signal) : null;
  return { source: { identityId: planned.source.identityId, users: srcUsers, publicLogins }, destination };
}
