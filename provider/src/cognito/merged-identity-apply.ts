// ApplyResourceChange for cognitoidentity_merged_identity.
//
// Create looks both users up first: a source that already resolves to the
// destination identity is adopted without a merge, so re-running an apply
// that was interrupted is safe. Once a merge has succeeded, the new state is
// always returned, even together with an error, so Terraform never loses
// track of an irreversible change. Update only changes on_destroy; destroy
// makes no API call at all.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { ApplyRequest, ApplyResult, RequestContext } from '../framework/provider';
import type { ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError } from './errors';
import { destroyRefusedDiagnostic, destroyWarning, setupDiagnostic } from './merged-identity-plan';
import { describeUser, knownKey, knownString, mergedIdentityObject, userLookupDiagnostic } from './merged-identity-state';
import type { MergeKey } from './resource-id';
import { onDestroyOf } from './validation';

/** How long to wait for a merge to show up in lookups before giving up. */
export const READ_BACK_DEADLINE_MS = 10_000;

export async function applyMergedIdentity(clients: CognitoClients, req: ApplyRequest, ctx: RequestContext): Promise<ApplyResult> {
  if (req.plannedState === null) return applyDestroy(req.priorState);
  if (req.priorState !== null) {
    // Only on_destroy can change in place; it lives in state alone.
    return { newState: req.plannedState, private: req.plannedPrivate, diagnostics: [] };
  }
  return applyCreate(clients, req.plannedState, ctx);
}

function applyDestroy(prior: ObjectValue | null): ApplyResult {
  if (prior === null) return { newState: null, diagnostics: [] };
  if (onDestroyOf(prior) === 'error') return { newState: prior, diagnostics: [destroyRefusedDiagnostic(prior)] };
  return { newState: null, diagnostics: [destroyWarning(prior)] };
}

async function applyCreate(clients: CognitoClients, planned: ObjectValue, ctx: RequestContext): Promise<ApplyResult> {
  const key = knownKey(planned);
  if (!key) {
    return {
      newState: null,
      diagnostics: [errorDiag('Incomplete configuration', 'All of identity_pool_id, developer_provider_name, source_user_identifier and destination_user_identifier must be known at apply.')],
    };
  }
  const poolId = key.identityPoolId;
  let session: RegionSession;
  try {
    session = await clients.forPool(poolId);
  } catch (err) {
    return { newState: null, diagnostics: [setupDiagnostic(err, clients, poolId, ctx)] };
  }
  const dir = session.directory;
  const plannedIdentity = knownString(planned, 'identity_id');

  // Looked up again in this process: what plan saw may be stale, and this decides whether to merge.
  // (Terraform re-plans just before apply, so these are usually answered by that plan's lookups,
  // at most a few seconds old; a re-run apply starts a new process and asks Cognito afresh.)
  let dstIdentity: string;
  let srcIdentity: string;
  try {
    dstIdentity = await dir.identityOfUser(poolId, key.destinationUserIdentifier, ctx.signal);
  } catch (err) {
    return failed(userLookupDiagnostic(err, session, poolId, key.destinationUserIdentifier, 'destination_user_identifier', ctx.signal));
  }
  if (plannedIdentity !== undefined && plannedIdentity !== dstIdentity) {
    return failed(destinationMovedDiagnostic(key, plannedIdentity, dstIdentity));
  }
  try {
    srcIdentity = await dir.identityOfUser(poolId, key.sourceUserIdentifier, ctx.signal);
  } catch (err) {
    return failed(userLookupDiagnostic(err, session, poolId, key.sourceUserIdentifier, 'source_user_identifier', ctx.signal));
  }

  let identityId = dstIdentity;
  const diagnostics: Diagnostic[] = [];
  if (srcIdentity === dstIdentity) {
    ctx.log.info('source already merged into the destination identity; adopting without a merge', { identity_id: dstIdentity });
  } else {
    try {
      identityId = await session.api.merge(key, ctx.signal);
    } catch (err) {
      // Whatever happened, the cached view of these identities is no longer trustworthy.
      dir.invalidateMerge(poolId, key.sourceUserIdentifier, [dstIdentity, srcIdentity]);
      return failed(mergeFailedDiagnostic(err, key, session, ctx.signal));
    }
    dir.invalidateMerge(poolId, key.sourceUserIdentifier, [dstIdentity, srcIdentity, identityId]);
    ctx.log.info('merged developer identities', { identity_id: identityId, disabled_identity_id: srcIdentity });
    if (plannedIdentity !== undefined && identityId !== plannedIdentity) {
      diagnostics.push(destinationMovedDiagnostic(key, plannedIdentity, identityId));
    }
  }

  const readBack = await readBackMerge(session, key, identityId, ctx);
  if ('error' in readBack) diagnostics.push(readBack.error);
  const state = mergedIdentityObject(key, planned['on_destroy'], identityId, readBack.users);
  return { newState: state, diagnostics };
}

function failed(diag: Diagnostic): ApplyResult {
  return { newState: null, diagnostics: [diag] };
}

function destinationMovedDiagnostic(key: MergeKey, planned: string, actual: string): Diagnostic {
  return errorDiag(
    'Destination identity changed since plan',
    `The destination developer user ${describeUser(key.destinationUserIdentifier)} resolved to identity "${planned}" at plan time but now resolves to "${actual}" (it was merged or relinked in the meantime). Run terraform plan again.`,
    'destination_user_identifier',
  );
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
      lastUsers = await dir.usersOfIdentity(key.identityPoolId, identityId, ctx.signal, { startedAfter: after });
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
