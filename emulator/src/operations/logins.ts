/**
 * Logins maps: which entries are developer logins and which public-provider logins, and how a
 * set of logins resolves to (and links onto) one identity.
 */
import { conflict, notAuthorized, ServiceError } from '../errors';
import type { StringMap } from '../inputs';
import { hashToken, linkedLoginCount, type IdentityRecord, type PoolRecord, type Store } from '../store';

export type LoginEntry = { kind: 'developer'; provider: string; userId: string } | { kind: 'public'; provider: string; tokenHash: string };

const WELL_KNOWN_PUBLIC = new Set(['graph.facebook.com', 'accounts.google.com', 'www.amazon.com', 'api.twitter.com', 'www.digits.com', 'appleid.apple.com']);

function configuredPublicProviders(pool: PoolRecord): Set<string> {
  const names = new Set<string>(Object.keys(pool.SupportedLoginProviders ?? {}));
  for (const p of pool.CognitoIdentityProviders ?? []) if (p.ProviderName) names.add(p.ProviderName);
  for (const arn of pool.OpenIdConnectProviderARNs ?? []) {
    names.add(arn);
    const host = arn.split('oidc-provider/')[1];
    if (host) names.add(host);
  }
  for (const arn of pool.SamlProviderARNs ?? []) names.add(arn);
  return names;
}

const unsupportedProvider = (): ServiceError => notAuthorized('Token is not from a supported provider of this identity pool.');

/** Splits a Logins map; `allowDeveloper` is false for GetId, where the developer provider is refused. */
export function classifyLogins(pool: PoolRecord, logins: StringMap, allowDeveloper: boolean): LoginEntry[] {
  const publicProviders = configuredPublicProviders(pool);
  return Object.entries(logins).map(([provider, value]): LoginEntry => {
    if (provider === 'cognito-identity.amazonaws.com') {
      throw notAuthorized("Invalid login token. Can't pass in a Cognito token.");
    }
    if (provider === pool.DeveloperProviderName) {
      if (!allowDeveloper) throw unsupportedProvider();
      return { kind: 'developer', provider, userId: value };
    }
    if (publicProviders.has(provider)) return { kind: 'public', provider, tokenHash: hashToken(value) };
    if (!allowDeveloper || WELL_KNOWN_PUBLIC.has(provider) || provider.startsWith('cognito-idp.')) {
      throw unsupportedProvider();
    }
    throw notAuthorized('This identity pool does not support the specified developer provider.');
  });
}

function ownerOf(store: Store, poolId: string, entry: LoginEntry): IdentityRecord | undefined {
  return entry.kind === 'developer' ? store.identityOfDeveloperUser(poolId, entry.userId) : store.identityOfLogin(poolId, entry.provider, entry.tokenHash);
}

/** An implicit merge, checked but not yet made: `owner` takes every login of `others`. */
interface ImplicitMerge {
  owner: IdentityRecord;
  others: IdentityRecord[];
  /** The owner's logins (provider -> token hash) once the merge is made. */
  logins: Map<string, string>;
}

/**
 * Logins of several identities in one GetId or GetOpenIdTokenForDeveloperIdentity
 * call merge them, as the developer guide says: one identity owns the result
 * and the others are disabled, exactly as MergeDeveloperIdentities would leave
 * them. AWS does not say which one owns it (UNCONFIRMED); the oldest does, so
 * the id an app stored first keeps working. This only checks; nothing changes
 * until the caller has checked the rest of the request too.
 */
function planImplicitMerge(store: Store, poolId: string, identities: IdentityRecord[]): ImplicitMerge {
  // identitiesOf lists in creation order (also after a state file reload).
  const [owner, ...others] = store.identitiesOf(poolId).filter((i) => identities.includes(i));
  if (!owner) throw new Error(`planImplicitMerge: none of the ${identities.length} identities is in pool ${poolId}`);
  const logins = new Map(Object.entries(owner.logins));
  for (const [provider, tokenHash] of others.flatMap((o) => Object.entries(o.logins))) {
    if ((logins.get(provider) ?? tokenHash) !== tokenHash) {
      throw conflict(`The logins belong to identities linked to different users of provider '${provider}'.`);
    }
    logins.set(provider, tokenHash);
  }
  return { owner, others, logins };
}

/** Refuses a request that names an identity (`target`) its logins do not fit. */
function checkTarget(target: IdentityRecord, entries: LoginEntry[], owners: (IdentityRecord | undefined)[]): void {
  entries.forEach((entry, i) => {
    const owner = owners[i];
    if (owner === undefined || owner === target) return;
    if (entry.kind === 'developer') {
      throw new ServiceError('DeveloperUserAlreadyRegisteredException', 'The developer user identifier is already registered under a different identity ID.');
    }
    throw conflict(`The login for provider '${entry.provider}' is already linked to a different identity.`);
  });
  if (linkedLoginCount(target) > 0 && !owners.some((o) => o === target)) {
    throw notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
  }
}

/** A new public login may not join an identity that already holds another user of its provider. */
function checkNewPublicLogins(entries: LoginEntry[], owners: (IdentityRecord | undefined)[], held: ReadonlyMap<string, string>): void {
  entries.forEach((entry, i) => {
    if (owners[i] !== undefined || entry.kind !== 'public') return;
    if (held.has(entry.provider)) throw conflict(`The identity is already linked to a different user of provider '${entry.provider}'.`);
  });
}

/**
 * Finds the identity the logins belong to (or `target` when given), checks the linking rules,
 * links the entries not yet linked, and returns the identity. Creates one when none matches.
 * Every check comes before the first change, so a refused call leaves the state as it was.
 */
export function resolveAndLink(store: Store, pool: PoolRecord, entries: LoginEntry[], target?: IdentityRecord): IdentityRecord {
  const owners = entries.map((e) => ownerOf(store, pool.IdentityPoolId, e));
  let identity: IdentityRecord | undefined = target;
  let merge: ImplicitMerge | undefined;
  if (target) checkTarget(target, entries, owners);
  else {
    const distinct = [...new Set(owners.filter((o): o is IdentityRecord => o !== undefined))];
    merge = distinct.length > 1 ? planImplicitMerge(store, pool.IdentityPoolId, distinct) : undefined;
    identity = merge?.owner ?? distinct[0];
  }
  checkNewPublicLogins(entries, owners, merge?.logins ?? new Map(Object.entries(identity?.logins ?? {})));
  if (merge) for (const other of merge.others) store.mergeInto(other, merge.owner);
  const result = identity ?? store.createIdentity(pool.IdentityPoolId);
  entries.forEach((entry, i) => {
    if (owners[i] !== undefined) return;
    if (entry.kind === 'developer') store.linkDeveloperUser(result, entry.userId);
    else store.linkLogin(result, entry.provider, entry.tokenHash);
  });
  return result;
}
