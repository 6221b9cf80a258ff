// Plan-time checks of a merge against the pool and Cognito's login limit.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { RequestContext } from '../framework/provider';
import { callThrough, type RegionSession } from './clients';
import type { PoolInfo } from './cognito-api';
import { apiErrorDiagnostic, classifyError } from './errors';
import { judgeLinkedLogins, MAX_LINKED_LOGINS, tooManyLogins, type LinkedLogins } from './linked-login-limit';
import type { IdentityView } from './merge-rule';
import { poolNotFoundDiagnostic } from './merged-identity-diagnostics';

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
      const call = callThrough(session, { action: 'check the identity pool', operation: 'DescribeIdentityPool' });
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
 * The count itself is linked-login-limit.ts.
 */
export async function checkLinkedLogins(c: LoginCount, src: IdentityView, dst: IdentityView, ctx: RequestContext): Promise<Diagnostic | undefined> {
  // Users that other merges planned in this run move into the same identity (planned-merges.ts).
  const joining = c.countDeveloperIds ? c.session.plannedMerges.add(c.poolId, dst.identityId, src.users) : new Set<string>();
  const logins: LinkedLogins = {
    countDeveloperIds: c.countDeveloperIds,
    srcUsers: src.users,
    dstUsers: dst.users,
    joining,
    srcPublic: src.publicLogins ?? 0,
    poolPublicProviders: c.pool?.publicProviders,
    limit: MAX_LINKED_LOGINS,
  };
  let verdict = judgeLinkedLogins(logins);
  if (verdict.verdict === 'read-destination') {
    const dstPublic = await destinationPublicLogins(c, dst, ctx);
    if (typeof dstPublic !== 'number') return dstPublic;
    verdict = judgeLinkedLogins(logins, dstPublic);
  }
  return verdict.verdict === 'over' ? tooManyLogins(c.countDeveloperIds, verdict.counted) : undefined;
}

/** The destination's public logins; 0 when they cannot be read (developer user ids are still counted). */
async function destinationPublicLogins(c: LoginCount, dst: IdentityView, ctx: RequestContext): Promise<number | Diagnostic> {
  try {
    const logins = await c.session.directory.loginsOfIdentity(dst.identityId, ctx.signal);
    return logins.filter((name) => name !== c.provider).length;
  } catch (err) {
    const kind = classifyError(err, ctx.signal);
    if (kind === 'aborted') {
      const call = callThrough(c.session, { action: 'count the linked logins', operation: 'DescribeIdentity' });
      return apiErrorDiagnostic(err, call, ctx.signal);
    }
    ctx.log.debug('DescribeIdentity failed; counting developer user ids only', { kind });
    return 0;
  }
}
