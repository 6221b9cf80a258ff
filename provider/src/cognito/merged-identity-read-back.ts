// The read-back after a merge: the merged identity's users, read through
// LookupDeveloperIdentity once the source shows up on it (bounded wait).

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { RequestContext } from '../framework/provider';
import { callThrough, type RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError } from './errors';
import type { Freshness, IdentityDirectory } from './lookup';
import type { MergeKey } from './resource-id';

/** How long to wait for a merge to show up in lookups before giving up. */
const READ_BACK_DEADLINE_MS = 10_000;

export type ReadBack = { users: string[] } | { users: string[]; error: Diagnostic };

/**
 * Waits (bounded) until a lookup of the merged identity lists the source, and
 * returns its developer user ids. On failure the best known list is returned
 * with an error, because the merge itself already happened.
 */
export async function readBackMerge(session: RegionSession, key: MergeKey, identityId: string, ctx: RequestContext): Promise<ReadBack> {
  const directory = session.directory;
  const deadline = Date.now() + READ_BACK_DEADLINE_MS;
  let lastUsers: string[] | undefined;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    const after = directory.mark();
    try {
      lastUsers = await readMergedUsers(directory, key, identityId, { signal: ctx.signal, freshness: { startedAfter: after } });
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
  return { users: lastUsers ?? [key.destinationUserIdentifier, key.sourceUserIdentifier], error: readBackFailure(session, identityId, lastError, ctx) };
}

/** Why the read-back gave up: the last error, or the source never showing up. */
function readBackFailure(session: RegionSession, identityId: string, lastError: unknown, ctx: RequestContext): Diagnostic {
  const call = callThrough(session, { action: 'read back the merged identity', operation: 'LookupDeveloperIdentity' });
  const detail =
    lastError !== undefined
      ? apiErrorDiagnostic(lastError, call, ctx.signal).detail
      : `After ${READ_BACK_DEADLINE_MS / 1000} s, LookupDeveloperIdentity still did not list the source on identity "${identityId}".`;
  return errorDiag(
    'Merged, but could not read the result back',
    `${detail} The merge itself succeeded and is recorded in state; run terraform apply (or refresh) again to complete it.`,
  );
}

/**
 * The users of the merged identity, read after the merge. Until Cognito has
 * shown that a lookup by user lists the whole identity, the source is looked
 * up by user first: its answer (the source, the destination and the rest)
 * usually shows exactly that, and then it is the whole read. Otherwise, and
 * from then on, the identity is read by id, where the reads of several merges
 * into one destination coalesce.
 */
async function readMergedUsers(
  directory: IdentityDirectory,
  key: MergeKey,
  identityId: string,
  { signal, freshness }: { signal: AbortSignal; freshness: Freshness },
): Promise<string[]> {
  if (!directory.wholeListsByUser) await directory.lookupUser(key.identityPoolId, key.sourceUserIdentifier, signal, freshness);
  return directory.usersOfIdentity(key.identityPoolId, identityId, signal, freshness);
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
