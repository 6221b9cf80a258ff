// ReadResource and ImportResourceState for cognitoidentity_merged_identity.
//
// A merge is present while its two users resolve to one identity. Only a
// definite answer from Cognito makes it "gone" (the users are on different
// identities, or a user or the pool no longer exists); any other failure is an
// error that keeps the state as it was, because Terraform would otherwise
// plan to merge again.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { ImportResult, ReadRequest, ReadResult, RequestContext } from '../framework/provider';
import type { CtyValue, ObjectValue } from '../framework/values';
import type { CognitoClients, RegionSession } from './clients';
import { classifyError, isPoolNotFound } from './errors';
import { setupDiagnostic } from './merged-identity-setup';
import { describeUser, poolNotFoundDiagnostic, userLookupDiagnostic } from './merged-identity-diagnostics';
import type { IdentityDirectory } from './lookup';
import { extrasOf, knownKey, mergedIdentityObject, NO_EXTRAS } from './merged-identity-state';
import { parseResourceId, RESOURCE_ID_FORMAT, type MergeKey } from './resource-id';
import { checkString, POOL_ID_RULE, PROVIDER_NAME_RULE, USER_ID_RULE } from './validation';

export async function readMergedIdentity(clients: CognitoClients, req: ReadRequest, ctx: RequestContext): Promise<ReadResult> {
  const current = req.currentState;
  const keep = (diag: Diagnostic): ReadResult => ({ newState: current, private: req.private, diagnostics: [diag] });
  const key = knownKey(current);
  if (!key) {
    return keep(
      errorDiag('Corrupt state', 'The stored state lacks one of the identifying attributes; remove it with `terraform state rm` and import it again.'),
    );
  }
  let session: RegionSession;
  try {
    session = await clients.forPool(key.identityPoolId);
  } catch (err) {
    return keep(setupDiagnostic(err, clients, key.identityPoolId, ctx));
  }
  const directory = session.directory;
  const poolId = key.identityPoolId;

  let identityId: string;
  let users: string[];
  try {
    ({ identityId, users } = await identityOfBoth(directory, key, current['identity_id'], ctx.signal));
  } catch (err) {
    if (classifyError(err, ctx.signal) === 'not-found') return gone(ctx, key, 'the source user or the pool no longer exists');
    return keep(userLookupDiagnostic(err, session, { poolId, user: key.sourceUserIdentifier, attribute: 'source_user_identifier' }, ctx.signal));
  }
  if (!users.includes(key.destinationUserIdentifier)) return gone(ctx, key, 'the two users are no longer on the same identity');
  return {
    newState: mergedIdentityObject(key, { ...extrasOf(current), identity_id: identityId, developer_user_identifiers: users }),
    private: req.private,
    diagnostics: [],
  };
}

/**
 * The identity the source is on now, and its users. The stored identity is
 * read first: when its list holds both users, the merge is there, and every
 * resource merged into that identity shares this one read (lookup.ts), so a
 * refresh costs one call per destination. Otherwise the read is keyed on the
 * users: after a chain, an out-of-band merge of the whole identity or an
 * app's implicit merge, the two users share an identity with a new id, and
 * the merge is still there. A lookup by user that lists the destination
 * settles it in one call; otherwise the identity's own list does (AWS does
 * not document whether the by-user answer lists every user of the identity).
 */
async function identityOfBoth(
  directory: IdentityDirectory,
  key: MergeKey,
  stored: CtyValue | undefined,
  signal: AbortSignal,
): Promise<{ identityId: string; users: string[] }> {
  const poolId = key.identityPoolId;
  if (typeof stored === 'string' && stored !== '') {
    // A disabled identity may be "not found"; then the lookup by user says where the source went.
    const users = await directory.usersOfIdentity(poolId, stored, signal).catch((err: unknown) => {
      if (classifyError(err, signal) === 'not-found') return [] as string[];
      throw err;
    });
    if (users.includes(key.sourceUserIdentifier) && users.includes(key.destinationUserIdentifier)) return { identityId: stored, users };
  }
  const found = await directory.lookupUser(poolId, key.sourceUserIdentifier, signal);
  const users = found.users?.includes(key.destinationUserIdentifier) ? found.users : await directory.usersOfIdentity(poolId, found.identityId, signal);
  return { identityId: found.identityId, users };
}

function gone(ctx: RequestContext, key: MergeKey, why: string): ReadResult {
  ctx.log.info(`merge no longer present: ${why}`, { identity_pool_id: key.identityPoolId });
  return { newState: null, diagnostics: [] };
}

export async function importMergedIdentity(clients: CognitoClients, id: string, ctx: RequestContext): Promise<ImportResult> {
  const parsed = parseResourceId(id);
  if (!parsed.ok) {
    return refused(
      errorDiag(
        'Invalid import id',
        `${parsed.problem}. Expected "${RESOURCE_ID_FORMAT}", for example "us-east-1:1a2b3c4d-0000-0000-0000-000000000000,login.example.app,user-2,user-1".`,
      ),
    );
  }
  const key = parsed.key;
  const state = mergedIdentityObject(key, NO_EXTRAS);
  const problems = importIdProblems(state);
  if (problems.length > 0) return { state: null, diagnostics: problems };
  let session: RegionSession;
  try {
    session = await clients.forPool(key.identityPoolId);
  } catch (err) {
    return refused(setupDiagnostic(err, clients, key.identityPoolId, ctx));
  }
  return importMerge(session, key, state, ctx);
}

function refused(diag: Diagnostic): ImportResult {
  return { state: null, diagnostics: [diag] };
}

/** The id's parts checked as the attributes they become, reported against the id (there is no attribute to point at). */
function importIdProblems(state: ObjectValue): Diagnostic[] {
  return [
    ...checkString(state, 'identity_pool_id', POOL_ID_RULE),
    ...checkString(state, 'developer_provider_name', PROVIDER_NAME_RULE),
    ...checkString(state, 'source_user_identifier', USER_ID_RULE),
    ...checkString(state, 'destination_user_identifier', USER_ID_RULE),
  ].map((d) => ({ ...d, attribute: undefined, summary: `Invalid import id: ${d.summary.replace(/^Invalid /, '')}` }));
}

/** Imports the merge when both users are on one identity. */
async function importMerge(session: RegionSession, key: MergeKey, state: ObjectValue, ctx: RequestContext): Promise<ImportResult> {
  const directory = session.directory;
  let dstIdentity: string;
  let srcIdentity: string;
  try {
    [dstIdentity, srcIdentity] = await Promise.all([
      directory.identityOfUser(key.identityPoolId, key.destinationUserIdentifier, ctx.signal),
      directory.identityOfUser(key.identityPoolId, key.sourceUserIdentifier, ctx.signal),
    ]);
  } catch (err) {
    const refusal = lookupRefusal(err, session, key, ctx.signal);
    if (refusal) return refused(refusal);
    // Not a definite answer: import what the id says and let Read decide.
    ctx.log.warn('lookup during import failed; Read will look the identity up', { kind: classifyError(err) });
    return { state, diagnostics: [] };
  }
  if (srcIdentity !== dstIdentity) {
    return refused(
      errorDiag(
        'Cannot import: users are not merged',
        `Developer user ${describeUser(key.sourceUserIdentifier)} is on identity "${srcIdentity}" but ${describeUser(key.destinationUserIdentifier)} is on "${dstIdentity}", so there is no merge to import. Declare the resource and apply to merge them.`,
      ),
    );
  }
  // Import never merges, so this resource moved nothing; what shares the identity shows in developer_user_identifiers.
  return { state: { ...state, identity_id: dstIdentity, moving_users: [], moving_public_logins: 0 }, diagnostics: [] };
}

/** Why the import cannot go on, when Cognito's answer was definite: the pool or a user does not exist. */
function lookupRefusal(err: unknown, session: RegionSession, key: MergeKey, signal: AbortSignal): Diagnostic | undefined {
  if (isPoolNotFound(err)) return poolNotFoundDiagnostic(key.identityPoolId, session);
  if (classifyError(err, signal) !== 'not-found') return undefined;
  return errorDiag(
    'Cannot import: user not found',
    `Developer user ${describeUser(key.sourceUserIdentifier)} or ${describeUser(key.destinationUserIdentifier)} does not exist in identity pool "${key.identityPoolId}".`,
  );
}
