// ApplyResourceChange for cognitoidentity_merged_identity.
//
// Create checks both identities against what the final plan saw and merges
// (merged-identity-merge.ts), then reads the result back
// (merged-identity-read-back.ts). A source that already resolves to the
// destination identity is adopted without a merge, so re-running an apply
// that was interrupted is safe. Once a merge has succeeded, the new state is
// always returned, even together with an error, so Terraform never loses
// track of an irreversible change. Update only changes on_destroy; destroy
// makes no API call at all.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { ApplyRequest, ApplyResult, RequestContext } from '../framework/provider';
import { isUnknown, type ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import type { PlannedMerge } from './merge-rule';
import { destroyRefusedDiagnostic, replacementWarning } from './merged-identity-plan';
import { checkAndMerge, prepareCheck, type Merged } from './merged-identity-merge';
import { readBackMerge, type ReadBack } from './merged-identity-read-back';
import { setupDiagnostic } from './merged-identity-setup';
import { decodePrivate } from './merged-identity-private';
import { extrasOf, knownKey, mergedIdentityObject } from './merged-identity-state';
import type { MergeKey } from './resource-id';
import { onDestroyOf } from './validation';

/** The longest a read-back waits for other merges into the same destination. */
const READ_BACK_BATCH_MS = 2000;

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
  const replaces = decodePrivate(plannedPrivate).replaces;
  return { newState: null, diagnostics: replaces ? [replacementWarning(replaces.merge)] : [] };
}

async function applyCreate(clients: CognitoClients, req: ApplyRequest, planned: ObjectValue, ctx: RequestContext): Promise<ApplyResult> {
  const key = knownKey(planned);
  if (!key) {
    return failed(
      errorDiag(
        'Incomplete configuration',
        'All of identity_pool_id, developer_provider_name, source_user_identifier and destination_user_identifier must be known at apply.',
      ),
    );
  }
  let session: RegionSession;
  try {
    session = await clients.forPool(key.identityPoolId);
  } catch (err) {
    return failed(setupDiagnostic(err, clients, key.identityPoolId, ctx));
  }
  const fromPlan = decodePrivate(req.plannedPrivate);
  if (!fromPlan.source || !fromPlan.destination) {
    // Plan always records both identities once it knows the users; without them there is nothing to check against.
    return failed(
      errorDiag(
        'Plan did not record the identities',
        'The plan of this merge holds no record of the two identities, so apply cannot check them again before merging. Run terraform plan again.',
      ),
    );
  }
  const merged = await mergeInTurn(session, key, { source: fromPlan.source, destination: fromPlan.destination }, ctx);
  if ('failed' in merged) return failed(merged.failed);
  const { identityId, diagnostics } = merged;
  const readBack = await readBackInTurn(session, key, identityId, ctx);
  if ('error' in readBack) diagnostics.push(readBack.error);
  const state = mergedIdentityObject(key, {
    ...extrasOf(planned),
    identity_id: identityId,
    developer_user_identifiers: readBack.users,
    // What plan showed is what moved: the check compared it with Cognito just before the merge.
    moving_users: isUnknown(planned['moving_users']) ? [] : (planned['moving_users'] ?? []),
    moving_public_logins: isUnknown(planned['moving_public_logins']) ? null : (planned['moving_public_logins'] ?? null),
  });
  return { newState: state, diagnostics };
}

/** The last check and the merge, together, after every earlier merge of this pool in this process. */
async function mergeInTurn(session: RegionSession, key: MergeKey, seen: PlannedMerge, ctx: RequestContext): Promise<Merged> {
  const mergeDone = session.journal.expect(key.identityPoolId, seen.destination.identityId);
  try {
    const turn = { destination: seen.destination.identityId, prepare: () => prepareCheck(session, key, seen, ctx) };
    return await session.journal.exclusive(key.identityPoolId, () => checkAndMerge(session, key, seen, ctx), turn);
  } finally {
    mergeDone();
  }
}

/**
 * The read-back. Under throttling, merges into the same destination that are
 * already queued land first, so their read-backs share one read; without
 * throttling a read costs less than the wait.
 */
async function readBackInTurn(session: RegionSession, key: MergeKey, identityId: string, ctx: RequestContext): Promise<ReadBack> {
  if (session.pacer.rateOf('LookupDeveloperIdentity') !== Infinity) {
    await session.journal.settled(key.identityPoolId, identityId, READ_BACK_BATCH_MS);
  }
  return readBackMerge(session, key, identityId, ctx);
}

function failed(diag: Diagnostic): ApplyResult {
  return { newState: null, diagnostics: [diag] };
}
