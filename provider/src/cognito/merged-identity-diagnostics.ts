// Diagnostics shared by the plan, apply and read of
// cognitoidentity_merged_identity and by the data sources.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import { callThrough, type RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError, isPoolNotFound } from './errors';

/** A user id to put in a sentence: quoted whole, or (when long) its start and its length. */
export function describeUser(user: string): string {
  const chars = [...user];
  return chars.length <= 80 ? `"${user}"` : `"${chars.slice(0, 40).join('')}…" (${chars.length} characters)`;
}

/**
 * A diagnostic for a failed lookup of a developer user: a missing pool is
 * reported on identity_pool_id, a missing user on the user's attribute.
 */
export interface UserLookup {
  poolId: string;
  user: string;
  /** The attribute that names the user. */
  attribute: 'source_user_identifier' | 'destination_user_identifier';
}

export function userLookupDiagnostic(err: unknown, session: RegionSession, lookup: UserLookup, signal: AbortSignal): Diagnostic {
  const { poolId, user, attribute } = lookup;
  if (isPoolNotFound(err)) return poolNotFoundDiagnostic(poolId, session);
  const role = attribute === 'source_user_identifier' ? 'source' : 'destination';
  if (classifyError(err) === 'not-found') {
    return errorDiag(
      `Unknown ${role} developer user`,
      `There is no developer user ${describeUser(user)} in identity pool "${poolId}" (Region ${session.region}); create it first (GetOpenIdTokenForDeveloperIdentity), then plan again.`,
      attribute,
    );
  }
  return apiErrorDiagnostic(
    err,
    callThrough(session, {
      action: `look up the ${role} developer user ${describeUser(user)}`,
      operation: 'LookupDeveloperIdentity',
      attribute,
    }),
    signal,
  );
}

export function poolNotFoundDiagnostic(poolId: string, session: RegionSession): Diagnostic {
  return errorDiag(
    'Identity pool not found',
    `Identity pool "${poolId}" does not exist in Region ${session.region} (endpoint ${session.endpoint}). Check \`identity_pool_id\` and the provider's \`region\`/\`endpoint\`.`,
    'identity_pool_id',
  );
}
