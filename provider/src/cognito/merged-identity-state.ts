// Reading and building cognitoidentity_merged_identity objects, the private
// data carried from plan to apply, and the diagnostics shared by its steps.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import { isUnknown, type CtyValue, type ObjectValue } from '../framework/values';
import type { RegionSession } from './clients';
import { apiErrorDiagnostic, classifyError, isPoolNotFound } from './errors';
import type { IdentityView } from './merge-rule';
import type { OnDestroy } from './validation';
import { formatResourceId, type MergeKey } from './resource-id';

/** The attributes that say which merge this is; changing any of them means a new merge. */
export const KEY_ATTRIBUTES = [
  'identity_pool_id',
  'developer_provider_name',
  'source_user_identifier',
  'destination_user_identifier',
] as const;

/** The merge key when all four attributes are known strings. */
export function knownKey(obj: ObjectValue): MergeKey | undefined {
  const [pool, provider, src, dst] = KEY_ATTRIBUTES.map((n) => obj[n]);
  if (typeof pool !== 'string' || typeof provider !== 'string' || typeof src !== 'string' || typeof dst !== 'string') {
    return undefined;
  }
  return { identityPoolId: pool, developerProviderName: provider, sourceUserIdentifier: src, destinationUserIdentifier: dst };
}

export function knownString(obj: ObjectValue, name: string): string | undefined {
  const v = obj[name];
  return typeof v === 'string' ? v : undefined;
}

/** The attributes of this resource type that are not part of its key. */
export interface MergedIdentityExtras {
  on_destroy: CtyValue;
  allow_moving_unnamed_logins: CtyValue;
  identity_id: CtyValue;
  developer_user_identifiers: CtyValue;
  moving_users: CtyValue;
  moving_public_logins: CtyValue;
}

export const NO_EXTRAS: MergedIdentityExtras = {
  on_destroy: null,
  allow_moving_unnamed_logins: null,
  identity_id: null,
  developer_user_identifiers: null,
  moving_users: null,
  moving_public_logins: null,
};

/** A full object of this resource type. */
export function mergedIdentityObject(key: MergeKey, extras: MergedIdentityExtras): ObjectValue {
  return {
    id: formatResourceId(key),
    identity_pool_id: key.identityPoolId,
    developer_provider_name: key.developerProviderName,
    source_user_identifier: key.sourceUserIdentifier,
    destination_user_identifier: key.destinationUserIdentifier,
    ...extras,
  };
}

/** The non-key attributes of `obj`, each null when missing. */
export function extrasOf(obj: ObjectValue): MergedIdentityExtras {
  const pick = (name: keyof MergedIdentityExtras): CtyValue => obj[name] ?? null;
  return {
    on_destroy: pick('on_destroy'),
    allow_moving_unnamed_logins: pick('allow_moving_unnamed_logins'),
    identity_id: pick('identity_id'),
    developer_user_identifiers: pick('developer_user_identifiers'),
    moving_users: pick('moving_users'),
    moving_public_logins: pick('moving_public_logins'),
  };
}

/** Equal as Terraform sees it; an unknown never equals anything. */
export function sameValue(a: CtyValue | undefined, b: CtyValue | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  return (a ?? null) === (b ?? null);
}

/** What the final plan saw, for apply (which may run in another process). */
export interface PlanNotes {
  /** The source already resolved to the destination identity: nothing to merge. */
  adopt?: boolean;
  source?: IdentityView;
  destination?: IdentityView;
  /**
   * Set by an update plan for core's second plan call when it forces a
   * replacement (-replace=ADDR): that call has no prior state, only this.
   */
  replaces?: { onDestroy: OnDestroy; merge: string };
}

export function encodeNotes(notes: PlanNotes): Uint8Array {
  return Buffer.from(JSON.stringify(notes), 'utf8');
}

export function decodeNotes(bytes: Uint8Array | undefined): PlanNotes {
  if (!bytes || bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as PlanNotes) : {};
  } catch {
    return {};
  }
}

/** A user id to put in a sentence: quoted whole, or (when long) its start and its length. */
export function describeUser(user: string): string {
  const chars = [...user];
  return chars.length <= 80 ? `"${user}"` : `"${chars.slice(0, 40).join('')}…" (${chars.length} characters)`;
}

/**
 * A diagnostic for a failed lookup of a developer user: a missing pool is
 * reported on identity_pool_id, a missing user on the user's attribute.
 */
export function userLookupDiagnostic(
  err: unknown,
  session: RegionSession,
  poolId: string,
  user: string,
  attribute: 'source_user_identifier' | 'destination_user_identifier',
  signal: AbortSignal,
): Diagnostic {
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
    {
      action: `look up the ${role} developer user ${describeUser(user)}`,
      operation: 'LookupDeveloperIdentity',
      endpoint: session.endpoint,
      redactor: session.redactor,
      attribute,
    },
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
