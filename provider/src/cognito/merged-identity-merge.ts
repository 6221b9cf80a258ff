// The last check before a merge, and the merge: both identities compared with
// what the final plan saw (merge-rule.ts), then MergeDeveloperIdentities. Runs
// under the pool's lock (merge-journal.ts), so no other merge of this process
// comes between the check and the merge.
//
// Cognito has no conditional merge, so a change someone else makes between
// the reads a check rests on and the merge cannot be seen. That gap is
// bounded: the reads may be at most RECHECK_MAX_AGE_MS old when the merge
// request leaves (every attempt, retries included, after any wait for a send
// slot). Within it, the final plan's own reads serve, and so does what this
// process's merges are known to have added to a destination (lookup.ts); past
// it, the check reads again.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { RequestContext } from '../framework/provider';
import { callThrough, type RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError, errorName } from './errors';
import { viewsNow, type ViewsNow } from './identity-views';
import { applyVerdict, type PlannedMerge } from './merge-rule';
import { changedDiagnostic } from './merge-rule-diagnostics';
import { describeUser, userLookupDiagnostic } from './merged-identity-diagnostics';
import type { MergeKey } from './resource-id';

/** The oldest a read may be when the merge checked against it is sent. */
const RECHECK_MAX_AGE_MS = 5000;
/** Checks in a row whose reads aged past the bound before the merge could be sent. */
const MAX_STALE_CHECKS = 3;

export type Merged = { failed: Diagnostic } | { identityId: string; diagnostics: Diagnostic[] };

const STALE_CHECK = 'StaleCheckError';

function staleCheck(): Error {
  return Object.assign(new Error('the reads the merge was checked against are too old'), { name: STALE_CHECK });
}

/**
 * Makes sure the reads the check will need are at hand (recent enough, or read
 * now), while the merge still waits for the pool's lock: the check itself then
 * rarely waits on Cognito while every other merge of the pool waits on it.
 * Errors are left for the check to report.
 */
export async function prepareCheck(session: RegionSession, key: MergeKey, seen: PlannedMerge, ctx: RequestContext): Promise<void> {
  await readViews(session, key, seen, ctx.signal).catch(() => undefined);
}

/** Both identities as the check sees them: reads at most RECHECK_MAX_AGE_MS old, or new ones. */
function readViews(session: RegionSession, key: MergeKey, seen: PlannedMerge, signal: AbortSignal): Promise<ViewsNow> {
  const users = { poolId: key.identityPoolId, source: key.sourceUserIdentifier, destination: key.destinationUserIdentifier };
  const options = {
    developerProvider: key.developerProviderName,
    withPublicLogins: seen.source.publicLogins !== null,
    freshness: { sentWithinMs: RECHECK_MAX_AGE_MS },
  };
  return viewsNow(session.directory, { ...users, planned: seen }, options, signal);
}

export async function checkAndMerge(session: RegionSession, key: MergeKey, seen: PlannedMerge, ctx: RequestContext): Promise<Merged> {
  for (let check = 1; ; check++) {
    const result = await checkAndMergeOnce(session, key, seen, ctx);
    if (result !== 'stale') return result;
    ctx.log.debug('the reads of the last check aged out before the merge could be sent; checking again', { check });
    if (check >= MAX_STALE_CHECKS) {
      return fail(
        errorDiag(
          'Could not check the identities close enough to the merge',
          `${MAX_STALE_CHECKS} times in a row, the merge of ${describeUser(key.sourceUserIdentifier)} could not be sent within ${RECHECK_MAX_AGE_MS / 1000} s of the reads it was checked against (Cognito is throttling). Nothing was merged. Run terraform apply again, or lower -parallelism.`,
        ),
      );
    }
  }
}

async function checkAndMergeOnce(session: RegionSession, key: MergeKey, seen: PlannedMerge, ctx: RequestContext): Promise<Merged | 'stale'> {
  const poolId = key.identityPoolId;
  let now: ViewsNow;
  try {
    now = await readViews(session, key, seen, ctx.signal);
  } catch (err) {
    return fail(userLookupDiagnostic(err, session, { poolId, user: key.sourceUserIdentifier, attribute: 'source_user_identifier' }, ctx.signal));
  }
  const { source: srcNow, destination: dstNow } = now;
  const verdict = applyVerdict(seen, srcNow, dstNow, session.journal.arrivedAt(poolId, seen.destination.identityId));
  if (verdict.verdict === 'changed') return fail(changedDiagnostic(key, verdict.changes));
  if (verdict.verdict === 'adopt') {
    ctx.log.info('source already merged into the destination identity; adopting without a merge', { identity_id: dstNow.identityId });
    return { identityId: dstNow.identityId, diagnostics: [] };
  }

  return mergeChecked(session, key, { seen, now }, ctx);
}

/** MergeDeveloperIdentities for a merge the check passed, sent only while the check's reads are young enough. */
async function mergeChecked(
  session: RegionSession,
  key: MergeKey,
  check: { seen: PlannedMerge; now: ViewsNow },
  ctx: RequestContext,
): Promise<Merged | 'stale'> {
  const { seen, now } = check;
  const { directory } = session;
  const poolId = key.identityPoolId;
  const { source: srcNow, destination: dstNow } = now;
  const notAfter = now.oldestReadAt + RECHECK_MAX_AGE_MS;
  let identityId: string;
  try {
    identityId = await session.api.merge(key, ctx.signal, () => {
      if (Date.now() > notAfter) throw staleCheck();
    });
  } catch (err) {
    // Whatever happened, the cached view of these identities is no longer trustworthy.
    directory.invalidateMerge(poolId, srcNow.users, [dstNow.identityId, srcNow.identityId]);
    // Stopped before an attempt left: check again, afresh (an earlier attempt that got no answer shows up there as an adoption).
    if (errorName(err) === STALE_CHECK) return 'stale';
    return fail(mergeFailedDiagnostic(err, key, session, ctx.signal));
  }
  session.journal.record(poolId, { from: srcNow, to: identityId });
  if (identityId === dstNow.identityId) directory.recordMerge(poolId, srcNow, { ...now.destinationRead, identityId });
  else directory.invalidateMerge(poolId, srcNow.users, [dstNow.identityId, srcNow.identityId, identityId]);
  ctx.log.info('merged developer identities', { identity_id: identityId, disabled_identity_id: srcNow.identityId, moved_users: srcNow.users.length });
  const diagnostics: Diagnostic[] = [];
  if (identityId !== seen.destination.identityId) {
    diagnostics.push(changedDiagnostic(key, [{ what: 'destination-moved', planned: seen.destination.identityId, now: identityId }]));
  }
  return { identityId, diagnostics };
}

function fail(diag: Diagnostic): Merged {
  return { failed: diag };
}

function mergeFailedDiagnostic(err: unknown, key: MergeKey, session: RegionSession, signal: AbortSignal): Diagnostic {
  const diag = apiErrorDiagnostic(
    err,
    callThrough(session, {
      action: `merge developer user ${describeUser(key.sourceUserIdentifier)} into ${describeUser(key.destinationUserIdentifier)}`,
      operation: 'MergeDeveloperIdentities',
    }),
    signal,
  );
  const kind = classifyError(err, signal);
  if (kind === 'network' || kind === 'server' || kind === 'aborted' || kind === 'other') {
    // The request may have reached Cognito even though no answer came back.
    diag.detail =
      `${diag.detail ?? ''} The merge may or may not have been applied. Re-running terraform apply is safe: ` +
      'if the source already belongs to the destination identity, the provider adopts it instead of merging again.';
  }
  return diag;
}
