// PlanResourceChange for a new cognitoidentity_merged_identity: reads both
// identities, applies the rule of merge-rule.ts, and shows in the plan every
// user that would move. Plan never changes anything in Cognito.

import type { Diagnostic } from '../framework/diagnostics';
import type { PlanResult, RequestContext } from '../framework/provider';
import { isUnknown, knownString, UNKNOWN, type ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import { classifyError } from './errors';
import { viewOfUser } from './identity-views';
import { checkLinkedLogins, checkPool } from './merge-checks';
import { planVerdict, type IdentityView } from './merge-rule';
import { refusalDiagnostic } from './merge-rule-diagnostics';
import { setupDiagnostic } from './merged-identity-setup';
import { userLookupDiagnostic } from './merged-identity-diagnostics';
import { encodePrivate } from './merged-identity-private';
import { ledgerKeyOf, recordPlan, replayPlan } from './merged-identity-plan-replay';
import { knownKey } from './merged-identity-state';
import { formatResourceId, type MergeKey } from './resource-id';

type Role = 'source_user_identifier' | 'destination_user_identifier';

export async function planCreate(clients: CognitoClients, config: ObjectValue, proposed: ObjectValue, ctx: RequestContext): Promise<PlanResult> {
  const key = knownKey(config);
  const planned: ObjectValue = {
    ...proposed,
    id: key ? formatResourceId(key) : UNKNOWN,
    identity_id: UNKNOWN,
    developer_user_identifiers: UNKNOWN,
    moving_users: UNKNOWN,
    moving_public_logins: UNKNOWN,
  };
  const poolId = knownString(config, 'identity_pool_id');
  if (poolId === undefined) return { plannedState: planned, diagnostics: [] };

  let session: RegionSession;
  try {
    session = await clients.forPool(poolId);
  } catch (err) {
    if (classifyError(err) === 'not-ready') {
      // The provider block is not known yet; apply plans again with it known and checks everything then.
      ctx.log.debug('provider configuration not known at plan; skipping Cognito checks');
      return { plannedState: planned, diagnostics: [] };
    }
    return { plannedState: planned, diagnostics: [setupDiagnostic(err, clients, poolId, ctx)] };
  }
  // Declared before any lookup, so the other merges planned meanwhile see this one (planned-merges.ts).
  if (key) session.plannedMerges.declare(poolId, key.sourceUserIdentifier, key.destinationUserIdentifier);

  const ledgerKey = key ? ledgerKeyOf(clients, session, config) : undefined;
  const replayed = ledgerKey === undefined ? undefined : replayPlan(clients, session, { ledgerKey, planned, poolId });
  if (replayed) {
    ctx.log.debug('repeating the plan this Terraform run already made of this merge (its final plan); apply checks Cognito again');
    return replayed;
  }
  const result = await planChecked(clients, session, { config, planned, poolId, key }, ctx);
  if (ledgerKey !== undefined) recordPlan(clients, ledgerKey, result);
  return result;
}

interface Planning {
  config: ObjectValue;
  /** The planned object so far: the configuration, everything Cognito decides unknown. */
  planned: ObjectValue;
  poolId: string;
  key: MergeKey | undefined;
}

/** The plan of a new merge from what Cognito holds now: the pool, both identities, the rule, the login count. */
async function planChecked(clients: CognitoClients, session: RegionSession, p: Planning, ctx: RequestContext): Promise<PlanResult> {
  const { config, planned, key } = p;
  const configured = knownString(config, 'developer_provider_name');
  const pool = await checkPool(session, p.poolId, configured, ctx);
  if (pool.problem) return { plannedState: planned, diagnostics: [pool.problem] };
  const provider = pool.info?.developerProvider ?? configured;
  // Consent to move unnamed users must rest on seeing them, so then the source's identity is read by id.
  const allow = config['allow_moving_unnamed_logins'];
  const consent = allow === true || isUnknown(allow);
  const read = await readBoth(session, p, { provider, consent }, ctx);
  if ('diagnostics' in read) return { plannedState: planned, diagnostics: dedupe(read.diagnostics) };
  const { dst, srcNow } = read;
  if (dst !== undefined) planned.identity_id = dst.identityId;
  if (!key || dst === undefined || srcNow === undefined) return { plannedState: planned, diagnostics: [] };

  const src = beforeThisApply(session, key, srcNow, dst);
  const intent = { source: key.sourceUserIdentifier, destination: key.destinationUserIdentifier, allowUnnamed: consent };
  const verdict = planVerdict(intent, src, dst, session.plannedMerges.othersOf(p.poolId, key.sourceUserIdentifier, key.destinationUserIdentifier));
  if (verdict.verdict === 'refuse') {
    return { plannedState: planned, diagnostics: verdict.refusals.map((r) => refusalDiagnostic(key, r)) };
  }
  if (verdict.verdict === 'adopt') {
    ctx.log.info('source already resolves to the destination identity; apply will adopt it without merging', { identity_id: dst.identityId });
    planned.moving_users = [];
    planned.moving_public_logins = 0;
    return { plannedState: planned, plannedPrivate: encodePrivate({ adopt: true, source: src, destination: dst }), diagnostics: [] };
  }
  planned.moving_users = verdict.moving;
  planned.moving_public_logins = verdict.movingPublicLogins;
  const limits = { session, poolId: p.poolId, provider, pool: pool.info, countDeveloperIds: clients.settings.countDeveloperIdsAsLinkedLogins };
  const limit = await checkLinkedLogins(limits, src, dst, ctx);
  return { plannedState: planned, plannedPrivate: encodePrivate({ source: src, destination: dst }), diagnostics: limit ? [limit] : [] };
}

type BothViews = { dst: IdentityView | undefined; srcNow: IdentityView | undefined } | { diagnostics: Diagnostic[] };

/**
 * Both identities as Cognito holds them now (undefined for a user not yet
 * known), or the diagnostics of the lookups that failed. `consent` is
 * allow_moving_unnamed_logins, true while unknown.
 */
async function readBoth(
  session: RegionSession,
  p: Planning,
  { provider, consent }: { provider: string | undefined; consent: boolean },
  ctx: RequestContext,
): Promise<BothViews> {
  const diagnostics: Diagnostic[] = [];
  const view = async (role: Role, withPublicLogins: boolean): Promise<IdentityView | undefined> => {
    const user = knownString(p.config, role);
    if (user === undefined) return undefined;
    try {
      // One lookup per user where Cognito lists the identity with it; apply re-reads by identity id (identity-views.ts).
      const listedByUserIsEnough = role === 'destination_user_identifier' || !consent;
      const options = { developerProvider: provider ?? '', withPublicLogins, listedByUserIsEnough };
      return await viewOfUser(session.directory, { poolId: p.poolId, user }, options, ctx.signal);
    } catch (err) {
      diagnostics.push(userLookupDiagnostic(err, session, { poolId: p.poolId, user, attribute: role }, ctx.signal));
      return undefined;
    }
  };
  const [dst, srcNow] = await Promise.all([view('destination_user_identifier', false), view('source_user_identifier', provider !== undefined)]);
  return diagnostics.length > 0 ? { diagnostics } : { dst, srcNow };
}

/**
 * Apply plans every resource again just before applying it, and Terraform
 * refuses the apply if that plan differs from the one the user reviewed. When
 * an earlier merge of this same apply already moved the source, its identity
 * as it was before that merge is what the reviewed plan showed.
 */
function beforeThisApply(session: RegionSession, key: MergeKey, src: IdentityView, dst: IdentityView): IdentityView {
  if (src.identityId !== dst.identityId) return src;
  return session.journal.movedBy(key.identityPoolId, key.sourceUserIdentifier, dst.identityId)?.from ?? src;
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.summary}\u0000${d.detail}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
