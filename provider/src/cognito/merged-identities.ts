// The cognitoidentity_merged_identities data source: every identity of a pool
// that holds several developer users, i.e. the merges the pool already has.
// It only reads (ListIdentities, then LookupDeveloperIdentity per identity),
// so adopting existing merges never changes Cognito.

import type { Diagnostic } from '../framework/diagnostics';
import type { DataSourceType, Logger, RequestContext } from '../framework/provider';
import { knownString, type ObjectValue } from '../framework/values';
import { callThrough, type CognitoClients, type RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError, isPoolNotFound } from './errors';
import { checkPool } from './merge-checks';
import { setupDiagnostic } from './merged-identity-setup';
import { poolNotFoundDiagnostic } from './merged-identity-diagnostics';
import { liftStopListenerLimit } from './request-context';
import { mergedIdentitiesSchema } from './schemas';
import { DEFAULT_MIN_DEVELOPER_USERS, validateMergedIdentitiesConfig } from './validation';

/** Lookups in flight at once. The shared pacer slows them further when Cognito throttles. */
const LOOKUP_CONCURRENCY = 8;
/** At most one progress line per this many milliseconds, so a large pool logs steadily but briefly. */
const PROGRESS_INTERVAL_MS = 5000;

type ReadOutcome = { state: ObjectValue | null; diagnostics: Diagnostic[] };

type Group = { identity_id: string; developer_user_identifiers: string[] };

/** A failed call, kept as data so the caller turns it into one diagnostic. */
class ReadFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly operation: string,
    readonly action: string,
  ) {
    super(action);
  }
}

/** Logs "what so far" at most every PROGRESS_INTERVAL_MS. */
function progress(log: Logger, message: string): (fields: Record<string, unknown>) => void {
  let last = Date.now();
  return (fields) => {
    if (Date.now() - last < PROGRESS_INTERVAL_MS) return;
    last = Date.now();
    log.info(message, fields);
  };
}

async function listIdentityIds(session: RegionSession, poolId: string, ctx: RequestContext): Promise<string[]> {
  const ids: string[] = [];
  const report = progress(ctx.log, 'listing identities');
  let token: string | undefined;
  let pages = 0;
  do {
    try {
      const page = await session.api.listIdentityPage(poolId, token, ctx.signal);
      ids.push(...page.identityIds);
      token = page.nextToken;
    } catch (err) {
      throw new ReadFailure(err, 'ListIdentities', `list the identities of identity pool "${poolId}"`);
    }
    report({ identity_pool_id: poolId, pages: ++pages, identities: ids.length });
  } while (token !== undefined);
  return ids;
}

/** The sorted developer users of one identity; none when it vanished since it was listed. */
async function usersOf(session: RegionSession, poolId: string, identityId: string, ctx: RequestContext): Promise<string[]> {
  try {
    const users = await session.directory.usersOfIdentity(poolId, identityId, ctx.signal);
    return [...users].sort();
  } catch (err) {
    // Deleted or unlinked between ListIdentities and the lookup: it holds no merge now.
    if (classifyError(err, ctx.signal) === 'not-found' && !isPoolNotFound(err)) return [];
    throw new ReadFailure(err, 'LookupDeveloperIdentity', `look up the developer users of identity "${identityId}"`);
  }
}

/** The identities of one pool to look up, and how many users make a merge. */
interface IdentityScan {
  poolId: string;
  ids: string[];
  min: number;
}

/** Looks up every identity, a few at a time, and keeps those with at least `min` users. */
async function groupsOf(session: RegionSession, { poolId, ids, min }: IdentityScan, ctx: RequestContext): Promise<Group[]> {
  const groups: Group[] = [];
  const report = progress(ctx.log, 'looking up identities');
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < ids.length) {
      const identityId = ids[next++] ?? '';
      const users = await usersOf(session, poolId, identityId, ctx).catch((err: unknown) => {
        failed = true;
        throw err;
      });
      if (users.length >= min) groups.push({ identity_id: identityId, developer_user_identifiers: users });
      report({ identity_pool_id: poolId, looked_up: ++done, of: ids.length, with_merges: groups.length });
    }
  };
  // One failure ends the read: the others stop taking work, and allSettled lets the ones in flight finish.
  const results = await Promise.allSettled(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, ids.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return groups.sort((a, b) => (a.identity_id < b.identity_id ? -1 : a.identity_id > b.identity_id ? 1 : 0));
}

function failureDiagnostic(err: unknown, session: RegionSession, poolId: string, ctx: RequestContext): Diagnostic {
  const failure = err instanceof ReadFailure ? err : new ReadFailure(err, 'ListIdentities', `read the identities of identity pool "${poolId}"`);
  if (isPoolNotFound(failure.failure)) return poolNotFoundDiagnostic(poolId, session);
  const call = callThrough(session, { action: failure.action, operation: failure.operation, attribute: 'identity_pool_id' });
  return apiErrorDiagnostic(failure.failure, call, ctx.signal);
}

async function readMergedIdentities(clients: CognitoClients, config: ObjectValue, ctx: RequestContext): Promise<ReadOutcome> {
  const problems = validateMergedIdentitiesConfig(config);
  if (problems.length > 0) return { state: null, diagnostics: problems };
  const poolId = knownString(config, 'identity_pool_id') ?? '';
  const provider = knownString(config, 'developer_provider_name') ?? '';
  const min = typeof config['min_developer_users'] === 'number' ? config['min_developer_users'] : DEFAULT_MIN_DEVELOPER_USERS;
  let session: RegionSession;
  try {
    session = await clients.forPool(poolId);
  } catch (err) {
    return { state: null, diagnostics: [setupDiagnostic(err, clients, poolId, ctx)] };
  }
  const pool = await checkPool(session, poolId, provider, ctx);
  if (pool.problem) return { state: null, diagnostics: [pool.problem] };
  const started = Date.now();
  try {
    const ids = await listIdentityIds(session, poolId, ctx);
    const groups = await groupsOf(session, { poolId, ids, min }, ctx);
    ctx.log.info('read the merged identities of the pool', {
      identity_pool_id: poolId,
      identities: ids.length,
      with_merges: groups.length,
      elapsed_ms: Date.now() - started,
    });
    const state = {
      id: poolId,
      identity_pool_id: poolId,
      developer_provider_name: provider,
      min_developer_users: config['min_developer_users'] ?? null,
      identities: groups,
    };
    return { state, diagnostics: [] };
  } catch (err) {
    return { state: null, diagnostics: [failureDiagnostic(err, session, poolId, ctx)] };
  }
}

export const mergedIdentitiesDataSource: DataSourceType<CognitoClients> = {
  schema: mergedIdentitiesSchema,
  validate: (config) => ({ diagnostics: validateMergedIdentitiesConfig(config) }),
  read: (clients, config, ctx) => readMergedIdentities(clients, config, liftStopListenerLimit(ctx)),
};
