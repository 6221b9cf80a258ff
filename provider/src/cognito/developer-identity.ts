// The cognitoidentity_developer_identity data source: one identity and all
// of its developer user ids, found by a developer user id or an identity id.

import { errorDiag, warningDiag, type Diagnostic } from '../framework/diagnostics';
import type { DataSourceType, RequestContext } from '../framework/provider';
import { knownString, type ObjectValue } from '../framework/values';
import { callThrough, type CognitoClients, type RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError, isPoolNotFound } from './errors';
import { setupDiagnostic } from './merged-identity-setup';
import { describeUser, poolNotFoundDiagnostic } from './merged-identity-diagnostics';
import { liftStopListenerLimit } from './request-context';
import { developerIdentitySchema } from './schemas';
import { validateDeveloperIdentityConfig } from './validation';

type ReadOutcome = { state: ObjectValue | null; diagnostics: Diagnostic[] };

/** Where the lookups go: one pool, through one Region's session. */
interface Lookup {
  poolId: string;
  session: RegionSession;
  ctx: RequestContext;
}

async function readDeveloperIdentity(clients: CognitoClients, config: ObjectValue, ctx: RequestContext): Promise<ReadOutcome> {
  const problems = validateDeveloperIdentityConfig(config);
  if (problems.length > 0) return { state: null, diagnostics: problems };
  const poolId = knownString(config, 'identity_pool_id') ?? '';
  let session: RegionSession;
  try {
    session = await clients.forPool(poolId);
  } catch (err) {
    return { state: null, diagnostics: [setupDiagnostic(err, clients, poolId, ctx)] };
  }
  return lookUpIdentity({ poolId, session, ctx }, config);
}

/** By the identity id when given, else through the developer user's identity. */
async function lookUpIdentity(lookup: Lookup, config: ObjectValue): Promise<ReadOutcome> {
  const { poolId, session, ctx } = lookup;
  const user = knownString(config, 'developer_user_identifier');
  let identityId = knownString(config, 'identity_id');
  if (identityId === undefined && user !== undefined) {
    try {
      identityId = await session.directory.identityOfUser(poolId, user, ctx.signal);
    } catch (err) {
      return lookupFailure(lookup, err, `developer user ${describeUser(user)}`, 'developer_user_identifier');
    }
  }
  if (identityId === undefined) return { state: null, diagnostics: validateDeveloperIdentityConfig(config) };
  let users: string[];
  try {
    users = await session.directory.usersOfIdentity(poolId, identityId, ctx.signal);
  } catch (err) {
    return lookupFailure(lookup, err, `identity "${identityId}"`, user === undefined ? 'identity_id' : 'developer_user_identifier');
  }
  return {
    state: {
      id: identityId,
      identity_pool_id: poolId,
      developer_user_identifier: user ?? null,
      identity_id: identityId,
      developer_user_identifiers: users,
    },
    diagnostics: users.length === 0 ? [noUsersWarning(identityId, poolId)] : [],
  };
}

function lookupFailure(lookup: Lookup, err: unknown, what: string, attribute: string): ReadOutcome {
  const { poolId, session, ctx } = lookup;
  if (isPoolNotFound(err)) return { state: null, diagnostics: [poolNotFoundDiagnostic(poolId, session)] };
  if (classifyError(err, ctx.signal) === 'not-found') {
    return {
      state: null,
      diagnostics: [errorDiag('Developer identity not found', `There is no ${what} in identity pool "${poolId}" (Region ${session.region}).`, attribute)],
    };
  }
  const call = callThrough(session, { action: `look up ${what}`, operation: 'LookupDeveloperIdentity', attribute });
  return { state: null, diagnostics: [apiErrorDiagnostic(err, call, ctx.signal)] };
}

/** An empty list is a valid answer, but rarely the one wanted: say what it usually means. */
function noUsersWarning(identityId: string, poolId: string): Diagnostic {
  return warningDiag(
    'Identity has no developer users',
    `Identity "${identityId}" in identity pool "${poolId}" has no developer user ids, so \`developer_user_identifiers\` is empty. ` +
      'This usually means it was merged into another identity (Cognito then disables it and moves its users), or its users were unlinked. ' +
      'To find the identity a user is on now, look it up by `developer_user_identifier`.',
    'identity_id',
  );
}

export const developerIdentityDataSource: DataSourceType<CognitoClients> = {
  schema: developerIdentitySchema,
  validate: (config) => ({ diagnostics: validateDeveloperIdentityConfig(config) }),
  read: (clients, config, ctx) => readDeveloperIdentity(clients, config, liftStopListenerLimit(ctx)),
};
