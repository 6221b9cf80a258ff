// ApplyResourceChange for cognitoidentity_merged_identity.
//
// Create reads both identities afresh and compares them with what the final
// plan saw (merge-rule.ts): anything else moved in the meantime stops it. A
// source that already resolves to the destination identity is adopted without
// a merge, so re-running an apply that was interrupted is safe. Once a merge has succeeded, the new state is
// always returned, even together with an error, so Terraform never loses
// track of an irreversible change. Update only changes on_destroy; destroy
// makes no API call at all.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { ApplyRequest, ApplyResult, RequestContext } from '../framework/provider';
import { isUnknown, type ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError } from './errors';
import { destroyRefusedDiagnostic, replacementWarning } from './merged-identity-plan';
import { setupDiagnostic } from './merged-identity-setup';
import { viewsNow, type ViewsNow } from './identity-views';
import { applyVerdict, type PlannedMerge } from './merge-rule';
import { changedDiagnostic } from './merge-rule-diagnostics';
import { decodeNotes, describeUser, extrasOf, knownKey, mergedIdentityObject, userLookupDiagnostic } from './merged-identity-state';
import type { Freshness, IdentityDirectory } from './lookup';
import type { MergeKey } from './resource-id';
import { onDestroyOf } from './validation';

/**
 * The oldest a read may be when apply checks a merge against it. Cognito has
 * no conditional merge, so some gap between the last check and the merge is
 * unavoidable; this bounds it. Within it, apply reuses the reads of the final
 * plan Terraform made just before (which Terraform itself compared with the
 * reviewed plan) and what this process's own merges are known to have changed.
 */
export const RECHECK_MAX_AGE_MS = 2000;

/** How long to wait for a merge to show up in lookups before giving up. */
export const READ_BACK_DEADLINE_MS = 10_000;

export async function applyMergedIdentity(clients: CognitoClients, req: ApplyRequest, ctx: RequestContext): Promise<ApplyResult> {
  if (req.plannedState === null) return applyDestroy(req.priorState, req.plannedPrivate);
  if (req.priorState !== null) {
    // Only on_destroy can change in place; it lives in state alone.
    return { newState: req.plannedState, private: req.plannedPrivate, diagnostics: [] };
  }
  return applyCreate(clients, req, req.plannedState, ctx);
}

function applyDestroy(prior: ObjectValue | null, plannedPrivate: Uint8Array): ApplyResult {
  if (prior === null) return { newState: null, diagnostics: [] };
  if (onDestroyOf(prior) === 'error') return { newState: prior, diagnostics: [destroyRefusedDiagnostic(prior)] };
  // Plan already warned that the merge stays (plan_destroy), once per resource; but the
  // destroy half of a forced replacement (-replace) could not (merged-identity-plan.ts).
  const replaces = decodeNotes(plannedPrivate).replaces;
  return { newState: null, diagnostics: replaces ? [replacementWarning(replaces.merge)] : [] };
}

async function applyCreate(clients: CognitoClients, req: ApplyRequest, planned: ObjectValue, ctx: RequestContext): Promise<ApplyResult> {
  const key = knownKey(planned);
  if (!key) {
    return failed(errorDiag('Incomplete configuration', 'All of identity_pool_id, developer_provider_name, source_user_identifier and destination_user_identifier must be known at apply.'));
  }
  let session: RegionSession;
  try {
    session = await clients.forPool(key.identityPoolId);
  } catch (err) {
    return failed(setupDiagnostic(err, clients, key.identityPoolId, ctx));
  }
  const notes = decodeNotes(req.plannedPrivate);
  if (!notes.source || !notes.destination) {
    // Plan always records both identities once it knows the users; without them there is nothing to check against.
    return failed(errorDiag('Plan did not record the identities', 'The plan of this merge holds no record of the two identities, so apply cannot check them again before merging. Run terraform plan again.'));
  }
  const seen: PlannedMerge = { source: notes.source, destination: notes.destination };
  // The last check and the merge run together, after every earlier merge of this pool in this process.
  const merged = await session.journal.exclusive(key.identityPoolId, () => checkAndMerge(session, key, seen, ctx));
  if ('failed' in merged) return failed(merged.failed);
  const { identityId, diagnostics } = merged;

  const readBack = await readBackMerge(session, key, identityId, ctx);
  if ('error' in readBack) diagnostics.push(readBack.error);
  const state = mergedIdentityObject(key, {
    ...extrasOf(planned),
    identity_id: identityId,
    developer_user_identifiers: readBack.users,
    // What plan showed is what moved: the check compared it with Cognito just before the merge.
    moving_users: isUnknown(planned['moving_users']) ? [] : planned['moving_users'],
    moving_public_logins: isUnknown(planned['moving_public_logins']) ? null : planned['moving_public_logins'],
  });
  return { newState: state, diagnostics };
}

type Merged = { failed: Diagnostic } | { identityId: string; diagnostics: Diagnostic[] };

async function checkAndMerge(session: RegionSession, key: MergeKey, seen: PlannedMerge, ctx: RequestContext): Promise<Merged> {
  const dir = session.directory;
  const poolId = key.identityPoolId;
  // What decides whether to merge: reads sent at most RECHECK_MAX_AGE_MS ago (usually the final plan's own), never older.
  const options = { developerProvider: key.developerProviderName, withPublicLogins: seen.source.publicLogins !== null, freshness: { sentWithinMs: RECHECK_MAX_AGE_MS } };
  let now: ViewsNow;
  try {
    now = await viewsNow(dir, { poolId, source: key.sourceUserIdentifier, destination: key.destinationUserIdentifier }, seen, options, ctx.signal);
  } catch (err) {
    return fail(userLookupDiagnostic(err, session, poolId, key.sourceUserIdentifier, 'source_user_identifier', ctx.signal));
  }
  const { source: srcNow, destination: dstNow } = now;
  const verdict = applyVerdict(seen, srcNow, dstNow, session.journal.arrivedAt(poolId, seen.destination.identityId));
  if (verdict.verdict === 'changed') return fail(changedDiagnostic(key, verdict.changes));

  let identityId = dstNow.identityId;
  const diagnostics: Diagnostic[] = [];
  if (verdict.verdict === 'adopt') {
    ctx.log.info('source already merged into the destination identity; adopting without a merge', { identity_id: identityId });
  } else {
    try {
      identityId = await session.api.merge(key, ctx.signal);
    } catch (err) {
      // Whatever happened, the cached view of these identities is no longer trustworthy.
      dir.invalidateMerge(poolId, srcNow.users, [dstNow.identityId, srcNow.identityId]);
      return fail(mergeFailedDiagnostic(err, key, session, ctx.signal));
    }
    session.journal.record(poolId, { from: srcNow, to: identityId });
    if (identityId === dstNow.identityId) dir.recordMerge(poolId, srcNow, { ...now.destinationRead, identityId });
    else dir.invalidateMerge(poolId, srcNow.users, [dstNow.identityId, srcNow.identityId, identityId]);
    ctx.log.info('merged developer identities', { identity_id: identityId, disabled_identity_id: srcNow.identityId, moved_users: srcNow.users.length });
    if (identityId !== seen.destination.identityId) {
      diagnostics.push(changedDiagnostic(key, [{ what: 'destination-moved', planned: seen.destination.identityId, now: identityId }]));
    }
  }

  return { identityId, diagnostics };
}

function failed(diag: Diagnostic): ApplyResult {
  return { newState: null, diagnostics: [diag] };
}

function fail(diag: Diagnostic): Merged {
  return { failed: diag };
}

function mergeFailedDiagnostic(err: unknown, key: MergeKey, session: RegionSession, signal: AbortSignal): Diagnostic {
  const diag = apiErrorDiagnostic(
    err,
    {
      action: `merge developer user ${describeUser(key.sourceUserIdentifier)} into ${describeUser(key.destinationUserIdentifier)}`,
      operation: 'MergeDeveloperIdentities',
      endpoint: session.endpoint,
      redactor: session.redactor,
    },
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

type ReadBack = { users: string[] } | { users: string[]; error: Diagnostic };

/**
 * Waits (bounded) until a lookup of the merged identity lists the source, and
 * returns its developer user ids. On failure the best known list is returned
 * with an error, because the merge itself already happened.
 */
async function readBackMerge(session: RegionSession, key: MergeKey, identityId: string, ctx: RequestContext): Promise<ReadBack> {
  const dir = session.directory;
  const deadline = Date.now() + READ_BACK_DEADLINE_MS;
  let lastUsers: string[] | undefined;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    const after = dir.mark();
    try {
      lastUsers = await readMergedUsers(dir, key, identityId, ctx.signal, { startedAfter: after });
      lastError = undefined;
      if (lastUsers.includes(key.sourceUserIdentifier)) return { users: lastUsers };
    } catch (err) {
      lastError = err;
      const kind = classifyError(err, ctx.signal);
      if (kind === 'aborted' || kind === 'auth') break;
    }
    const wait = Math.min(2000, 200 * 1.5 ** attempt);
    if (Date.now() + wait > deadline || !(await sleep(wait, ctx.signal))) break;
  }
  const users = lastUsers ?? [key.destinationUserIdentifier, key.sourceUserIdentifier];
  const detail =
    lastError !== undefined
      ? apiErrorDiagnostic(
          lastError,
          {
            action: 'read back the merged identity',
            operation: 'LookupDeveloperIdentity',
            endpoint: session.endpoint,
            redactor: session.redactor,
          },
          ctx.signal,
        ).detail
      : `After ${READ_BACK_DEADLINE_MS / 1000} s, LookupDeveloperIdentity still did not list the source on identity "${identityId}".`;
  return {
    users,
    error: errorDiag(
      'Merged, but could not read the result back',
      `${detail} The merge itself succeeded and is recorded in state; run terraform apply (or refresh) again to complete it.`,
    ),
  };
}

/**
 * The users of the merged identity, read after the merge. Until Cognito has
 * shown that a lookup by user lists the whole identity, the source is looked
 * up by user first: its answer (the source, the destination and the rest)
 * usually shows exactly that, and then it is the whole read. Otherwise, and
 * from then on, the identity is read by id, where the reads of several merges
 * into one destination coalesce.
 */
async function readMergedUsers(dir: IdentityDirectory, key: MergeKey, identityId: string, signal: AbortSignal, freshness: Freshness): Promise<string[]> {
  if (!dir.wholeListsByUser) await dir.lookupUser(key.identityPoolId, key.sourceUserIdentifier, signal, freshness);
  return dir.usersOfIdentity(key.identityPoolId, identityId, signal, freshness);
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
