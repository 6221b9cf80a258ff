/** Identities: GetId (public), DescribeIdentity, ListIdentities, DeleteIdentities. */
import { identityNotFound, notAuthorized } from '../errors';
import { paginate } from '../pagination';
import type { DeleteIdentitiesInput, DescribeIdentityInput, GetIdInput, ListIdentitiesInput } from '../inputs';
import type { IdentityRecord, Store } from '../store';
import { classifyLogins, resolveAndLink } from './logins';
import { defineOperation, epochSeconds, type Operation, type Output } from './operation';
import { requirePool } from './pools';

/** IdentityDescription: Logins lists provider names only (never tokens or user ids). */
function describeIdentity(store: Store, identity: IdentityRecord): Output {
  const logins = Object.keys(identity.logins);
  const developerProvider = store.pools.get(identity.poolId)?.DeveloperProviderName;
  if (identity.developerUserIds.length > 0 && developerProvider) logins.push(developerProvider);
  return {
    IdentityId: identity.identityId,
    Logins: logins,
    CreationDate: epochSeconds(identity.created),
    LastModifiedDate: epochSeconds(identity.lastModified),
  };
}

export function requireIdentity(store: Store, identityId: string, poolId?: string): IdentityRecord {
  const identity = store.identities.get(identityId);
  if (!identity || (poolId !== undefined && identity.poolId !== poolId)) throw identityNotFound(identityId);
  return identity;
}

export const identityOperations: Operation[] = [
  defineOperation<GetIdInput>('GetId', 'none', true, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    const entries = classifyLogins(pool, input.Logins ?? {}, false);
    if (entries.length === 0) {
      if (!pool.AllowUnauthenticatedIdentities) {
        throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
      }
      return { IdentityId: store.createIdentity(pool.IdentityPoolId).identityId };
    }
    return { IdentityId: resolveAndLink(store, pool, entries).identityId };
  }),

  defineOperation<DescribeIdentityInput>('DescribeIdentity', 'sigv4', false, (input, { store }) =>
    describeIdentity(store, requireIdentity(store, input.IdentityId)),
  ),

  defineOperation<ListIdentitiesInput>('ListIdentities', 'sigv4', false, (input, { store }) => {
    requirePool(store, input.IdentityPoolId);
    const all = store.identitiesOf(input.IdentityPoolId).filter((i) => !(input.HideDisabled && i.disabled));
    const scope = `identities/${input.IdentityPoolId}/${input.HideDisabled === true}`;
    const page = paginate(all, scope, input.MaxResults, input.NextToken);
    const out: Output = {
      IdentityPoolId: input.IdentityPoolId,
      Identities: page.items.map((i) => describeIdentity(store, i)),
    };
    if (page.nextToken) out.NextToken = page.nextToken;
    return out;
  }),

  // Unknown identity ids are ignored: the result enum has only AccessDenied/InternalServerError.
  defineOperation<DeleteIdentitiesInput>('DeleteIdentities', 'sigv4', true, (input, { store }) => {
    for (const id of input.IdentityIdsToDelete) store.deleteIdentity(id);
    return { UnprocessedIdentityIds: [] };
  }),
];
