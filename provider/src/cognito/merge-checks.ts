// Plan-time checks of a merge against the pool and Cognito's login limit.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { RequestContext } from '../framework/provider';
import type { RegionSession } from './clients';
import type { PoolInfo } from './cognito-api';
import { apiErrorDiagnostic, classifyError } from './errors';
import type { IdentityView } from './merge-rule';
import { poolNotFoundDiagnostic } from './merged-identity-diagnostics';

/** Cognito's limit on linked logins (public logins + developer user ids) of source and destination together. */
const MAX_LINKED_LOGINS = 20;

/**
 * The pool must exist and use this developer provider. DescribeIdentityPool
 * needs its own IAM permission, so when it is denied the check is skipped
 * (the merge itself reports a wrong provider name).
 */
export async function checkPool(
  session: RegionSession,
  poolId: string,
  provider: string | undefined,
  ctx: RequestContext,
): Promise<{ problem?: Diagnostic; info?: PoolInfo }> {
  let info: PoolInfo;
  try {
    info = await session.directory.describePool(poolId, ctx.signal);
  } catch (err) {
    const kind = classifyError(err, ctx.signal);
    if (kind === 'not-found') return { problem: poolNotFoundDiagnostic(poolId, session) };
    if (kind === 'aborted') {
      const call = { action: 'check the identity pool', operation: 'DescribeIdentityPool', endpoint: session.endpoint, redactor: session.redactor };
      return { problem: apiErrorDiagnostic(err, call, ctx.signal) };
    }
    ctx.log.debug('DescribeIdentityPool failed; skipping the developer provider check', { kind });
    return {};
  }
  if (info.developerProvider === undefined) {
    return {
      problem: errorDiag(
        'Identity pool has no developer provider',
        `Identity pool "${poolId}" has no developer provider name, so it has no developer users to merge. Set one on the pool (it cannot be changed afterwards).`,
        'identity_pool_id',
      ),
    };
  }
  if (provider !== undefined && provider !== info.developerProvider) {
    return {
      problem: errorDiag(
        'Wrong developer provider name',
        `Identity pool "${poolId}" uses the developer provider name "${info.developerProvider}", not "${provider.slice(0, 128)}".`,
        'developer_provider_name',
      ),
    };
  }
  return { info };
}

export interface LoginCount {
  session: RegionSession;
  poolId: string;
  provider: string | undefined;
  pool: PoolInfo | undefined;
  countDeveloperIds: boolean;
}

/**
 * Cognito refuses a merge when source and destination together have more than
 * 20 linked logins. Public-provider logins count; whether developer user ids
 * count is not documented, so that is a provider setting
 * (`count_developer_ids_as_linked_logins`, default true: the cautious reading).
 * Users that other merges of the same plan move into the destination count too.
 * The destination's public logins are read only when they could tip the
 * balance: an identity has at most one login per public provider of the pool.
 */
export async function checkLinkedLogins(c: LoginCount, src: IdentityView, dst: IdentityView, ctx: RequestContext): Promise<Diagnostic | undefined> {
  const srcUsers = c.countDeveloperIds ? src.users : [];
  const dstUsers = c.countDeveloperIds ? dst.users : [];
  // Users that other merges planned in this run move into the same identity (planned-merges.ts).
  const joining = c.countDeveloperIds ? c.session.plannedMerges.add(c.poolId, dst.identityId, srcUsers) : new Set<string>();
  const inPlace = new Set([...dstUsers, ...srcUsers]);
  const otherPlanned = [...joining].filter((u) => !inPlace.has(u)).length;
  const developerIds = srcUsers.length + dstUsers.length + otherPlanned;
  const srcPublic = src.publicLogins ?? 0;
  if (c.pool !== undefined && developerIds + srcPublic + c.pool.publicProviders <= MAX_LINKED_LOGINS) return undefined;
  let dstPublic = 0;
  if (developerIds + srcPublic <= MAX_LINKED_LOGINS) {
    try {
      const logins = await c.session.directory.loginsOfIdentity(dst.identityId, ctx.signal);
      dstPublic = logins.filter((name) => name !== c.provider).length;
    } catch (err) {
      const kind = classifyError(err, ctx.signal);
      if (kind === 'aborted') {
        const call = { action: 'count the linked logins', operation: 'DescribeIdentity', endpoint: c.session.endpoint, redactor: c.session.redactor };
        return apiErrorDiagnostic(err, call, ctx.signal);
      }
      ctx.log.debug('DescribeIdentity failed; counting developer user ids only', { kind });
    }
  }
  const total = developerIds + srcPublic + dstPublic;
  if (total <= MAX_LINKED_LOGINS) return undefined;
  return tooManyLogins(c.countDeveloperIds, { srcUsers: srcUsers.length, dstUsers: dstUsers.length, srcPublic, dstPublic, otherPlanned, total });
}

interface Counted {
  srcUsers: number;
  dstUsers: number;
  srcPublic: number;
  dstPublic: number;
  otherPlanned: number;
  total: number;
}

function tooManyLogins(countDeveloperIds: boolean, n: Counted): Diagnostic {
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
      `Together that is ${n.total} linked logins, and Cognito allows at most ${MAX_LINKED_LOGINS} on a merged identity. ` +
      'Unlink some logins (UnlinkDeveloperIdentity/UnlinkIdentity) or merge into a different destination.' +
      setting,
    'source_user_identifier',
  );
}
