// Reading and building cognitoidentity_merged_identity objects: the merge
// key, known attribute values, and the attributes besides the key.

import { isUnknown, knownString, type CtyValue, type ObjectValue } from '../framework/values';
import { formatResourceId, type MergeKey } from './resource-id';

/** The attributes that say which merge this is; changing any of them means a new merge. */
export const KEY_ATTRIBUTES = ['identity_pool_id', 'developer_provider_name', 'source_user_identifier', 'destination_user_identifier'] as const;

/** The merge key when all four attributes are known strings. */
export function knownKey(obj: ObjectValue): MergeKey | undefined {
  const [pool, provider, src, dst] = KEY_ATTRIBUTES.map((n) => knownString(obj, n));
  if (pool === undefined || provider === undefined || src === undefined || dst === undefined) return undefined;
  return { identityPoolId: pool, developerProviderName: provider, sourceUserIdentifier: src, destinationUserIdentifier: dst };
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
