/**
 * Developer-authenticated identities: GetOpenIdTokenForDeveloperIdentity,
 * LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity.
 */
import { conflict, forbiddenIdentity, invalidParameter, notAuthorized, notFound } from '../errors';
import { paginate } from '../pagination';
import type {
  GetOpenIdTokenForDeveloperIdentityInput,
  LookupDeveloperIdentityInput,
  MergeDeveloperIdentitiesInput,
  UnlinkDeveloperIdentityInput,
} from '../inputs';
import { type IdentityRecord, type PoolRecord, type Store } from '../store';
import { issueOpenIdToken } from '../tokens';
import { requireIdentity } from './identities';
import { classifyLogins, resolveAndLink } from './logins';
import { defineOperation, type Operation, type Output } from './operation';
import { requirePool } from './pools';

/** Linked logins of source and destination together (what counts: EmulatorOptions.loginLimitCounts). */
const MAX_LINKED_LOGINS = 20;
/** TokenDuration default: 15 minutes. */
const DEFAULT_TOKEN_SECONDS = 15 * 60;

function requireDeveloperProvider(pool: PoolRecord, providerName: string): void {
  if (pool.DeveloperProviderName !== providerName) {
    throw notAuthorized('This identity pool does not support the specified developer provider.');
  }
}

function requireDeveloperUser(store: Store, pool: PoolRecord, userId: string): IdentityRecord {
  const identity = store.identityOfDeveloperUser(pool.IdentityPoolId, userId);
  if (!identity) {
    throw notFound(`Developer user identifier '${userId}' not found in identity pool '${pool.IdentityPoolId}'.`);
  }
  return identity;
}

export const developerOperations: Operation[] = [
  defineOperation<GetOpenIdTokenForDeveloperIdentityInput>('GetOpenIdTokenForDeveloperIdentity', 'sigv4', true, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    const entries = classifyLogins(pool, input.Logins, true);
    if (entries.length === 0) throw invalidParameter('Logins must contain at least one login.');
    let target: IdentityRecord | undefined;
    if (input.IdentityId !== undefined) {
      target = requireIdentity(store, input.IdentityId, pool.IdentityPoolId);
      if (target.disabled) throw forbiddenIdentity(target.identityId);
    }
    const identity = resolveAndLink(store, pool, entries, target);
    const amr = entries.some((e) => e.kind === 'developer') ? ['authenticated', pool.DeveloperProviderName ?? ''] : ['authenticated'];
    return {
      IdentityId: identity.identityId,
      Token: issueOpenIdToken(pool.IdentityPoolId, identity.identityId, input.TokenDuration ?? DEFAULT_TOKEN_SECONDS, amr),
    };
  }),

  defineOperation<LookupDeveloperIdentityInput>('LookupDeveloperIdentity', 'sigv4', false, (input, { store, lookupByUserLists }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    let identity: IdentityRecord;
    if (input.IdentityId !== undefined) {
      identity = requireIdentity(store, input.IdentityId, pool.IdentityPoolId);
      if (input.DeveloperUserIdentifier !== undefined && !identity.developerUserIds.includes(input.DeveloperUserIdentifier)) {
        throw conflict(`Developer user identifier '${input.DeveloperUserIdentifier}' is not linked to identity '${identity.identityId}'.`);
      }
      // The API Reference: when both match, "the response returns both values and is the same as the request".
      if (input.DeveloperUserIdentifier !== undefined) {
        return { IdentityId: identity.identityId, DeveloperUserIdentifierList: [input.DeveloperUserIdentifier] };
      }
    } else if (input.DeveloperUserIdentifier !== undefined) {
      identity = requireDeveloperUser(store, pool, input.DeveloperUserIdentifier);
      if (lookupByUserLists === 'given') return { IdentityId: identity.identityId, DeveloperUserIdentifierList: [input.DeveloperUserIdentifier] };
    } else {
      throw invalidParameter('Either IdentityId or DeveloperUserIdentifier must be specified.');
    }
    const page = paginate(identity.developerUserIds, `lookup/${identity.identityId}`, input.MaxResults, input.NextToken);
    const out: Output = { IdentityId: identity.identityId, DeveloperUserIdentifierList: page.items };
    if (page.nextToken) out.NextToken = page.nextToken;
    return out;
  }),

  defineOperation<MergeDeveloperIdentitiesInput>('MergeDeveloperIdentities', 'sigv4', true, (input, ctx) => {
    const { store } = ctx;
    const pool = requirePool(store, input.IdentityPoolId);
    requireDeveloperProvider(pool, input.DeveloperProviderName);
    const destination = requireDeveloperUser(store, pool, input.DestinationUserIdentifier);
    const source = requireDeveloperUser(store, pool, input.SourceUserIdentifier);
    // Already on the destination identity (including source == destination): nothing to do.
    if (source === destination) return { IdentityId: destination.identityId };

    const total = ctx.loginsTowardLimit(source) + ctx.loginsTowardLimit(destination);
    if (total > MAX_LINKED_LOGINS) {
      throw invalidParameter(`The source and destination identities together have ${total} linked logins; at most ${MAX_LINKED_LOGINS} are allowed.`);
    }
    for (const [provider, tokenHash] of Object.entries(source.logins)) {
      const existing = Object.hasOwn(destination.logins, provider) ? destination.logins[provider] : undefined;
      if (existing !== undefined && existing !== tokenHash) {
        throw conflict(`Both identities are linked to different users of provider '${provider}'.`);
      }
    }
    store.mergeInto(source, destination);
    ctx.onMerge();
    return { IdentityId: destination.identityId };
  }),

  defineOperation<UnlinkDeveloperIdentityInput>('UnlinkDeveloperIdentity', 'sigv4', true, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    requireDeveloperProvider(pool, input.DeveloperProviderName);
    const identity = requireIdentity(store, input.IdentityId, pool.IdentityPoolId);
    const owner = requireDeveloperUser(store, pool, input.DeveloperUserIdentifier);
    if (owner !== identity) {
      throw conflict(`Developer user identifier '${input.DeveloperUserIdentifier}' is not linked to identity '${identity.identityId}'.`);
    }
    store.unlinkDeveloperUser(identity, input.DeveloperUserIdentifier);
    return {};
  }),
];
