// Cognito's limit on the linked logins of a merged identity, as a pure count:
// merge-checks.ts reads what it needs and asks here whether the merge fits.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';

/** Cognito's limit on linked logins (public logins + developer user ids) of source and destination together. */
export const MAX_LINKED_LOGINS = 20;

export interface LinkedLogins {
  /** Whether developer user ids count toward the limit (`count_developer_ids_as_linked_logins`). */
  countDeveloperIds: boolean;
  srcUsers: readonly string[];
  dstUsers: readonly string[];
  /** Every user the plans of this process move into the destination (planned-merges.ts), this merge's included. */
  joining: Iterable<string>;
  srcPublic: number;
  /** The pool's public providers, when known: at most one destination login each. */
  poolPublicProviders: number | undefined;
  limit: number;
}

/** What was counted, for the diagnostic. */
export interface Counted {
  srcUsers: number;
  dstUsers: number;
  srcPublic: number;
  dstPublic: number;
  otherPlanned: number;
  total: number;
  limit: number;
}

export type LoginLimitVerdict =
  | { verdict: 'within' }
  /** Only the destination's public logins can decide: read them and ask again. */
  | { verdict: 'read-destination' }
  | { verdict: 'over'; counted: Counted };

/**
 * Whether the merge stays within the limit. Without `dstPublic` (not read) the
 * pool's public providers bound the destination's public logins; when that
 * bound may be passed but the rest fits, the answer is to read them.
 */
export function judgeLinkedLogins(n: LinkedLogins, dstPublic?: number): LoginLimitVerdict {
  const srcUsers = n.countDeveloperIds ? n.srcUsers : [];
  const dstUsers = n.countDeveloperIds ? n.dstUsers : [];
  const inPlace = new Set([...dstUsers, ...srcUsers]);
  const otherPlanned = n.countDeveloperIds ? [...n.joining].filter((u) => !inPlace.has(u)).length : 0;
  const developerIds = srcUsers.length + dstUsers.length + otherPlanned;
  const known = developerIds + n.srcPublic;
  if (dstPublic === undefined) {
    if (n.poolPublicProviders !== undefined && known + n.poolPublicProviders <= n.limit) return { verdict: 'within' };
    if (known <= n.limit) return { verdict: 'read-destination' };
  }
  const counted = { srcUsers: srcUsers.length, dstUsers: dstUsers.length, srcPublic: n.srcPublic, dstPublic: dstPublic ?? 0, otherPlanned, limit: n.limit };
  const total = known + counted.dstPublic;
  return total <= n.limit ? { verdict: 'within' } : { verdict: 'over', counted: { ...counted, total } };
}

export function tooManyLogins(countDeveloperIds: boolean, n: Counted): Diagnostic {
  const counted = countDeveloperIds
    ? `The source identity has ${n.srcUsers} developer user(s) and ${n.srcPublic} public login(s); the destination identity has ${n.dstUsers} and ${n.dstPublic}` +
      (n.otherPlanned > 0 ? `, and other merges in this plan move ${n.otherPlanned} more developer user(s) into it. ` : '. ')
    : `The source identity has ${n.srcPublic} public login(s) and the destination identity ${n.dstPublic} (developer user ids not counted). `;
  const setting = countDeveloperIds
    ? ' AWS does not document whether developer user ids count toward this limit; if your merges show they do not, set `count_developer_ids_as_linked_logins = false` in the provider block.'
    : '';
  return errorDiag(
    'Too many linked logins for a merge',
    counted +
      `Together that is ${n.total} linked logins, and Cognito allows at most ${n.limit} on a merged identity. ` +
      'Unlink some logins (UnlinkDeveloperIdentity/UnlinkIdentity) or merge into a different destination.' +
      setting,
    'source_user_identifier',
  );
}
