/**
 * The identity-side operations an app calls after it has an identity id:
 * GetOpenIdToken, GetCredentialsForIdentity and UnlinkIdentity (all public,
 * unsigned, per the model), and the pool's principal-tag maps. Credentials are
 * well-formed and clearly fake: nothing here talks to STS.
 */
import { randomBytes } from 'node:crypto';
import { forbiddenIdentity, invalidParameter, notAuthorized } from '../errors';
import type { GetCredentialsForIdentityInput, GetOpenIdTokenInput, PrincipalTagMapInput, UnlinkIdentityInput } from '../inputs';
import { hashToken, type IdentityRecord, type PoolRecord, type Store } from '../store';
import { issueOpenIdToken, verifyOpenIdToken } from '../tokens';
import { requireIdentity } from './identities';
import { defineOperation, epochSeconds, type Operation } from './operation';
import { requirePool } from './pools';

const COGNITO_LOGIN = 'cognito-identity.amazonaws.com';
const OPEN_ID_TOKEN_SECONDS = 600;
const CREDENTIALS_SECONDS = 3600;

/**
 * The identity, after the Logins prove the caller may act for it: a token this
 * emulator issued for it, or one of its public logins. An identity with no
 * logins at all is an unauthenticated one, allowed only where the pool allows those.
 */
function provenIdentity(store: Store, identityId: string, logins: { [provider: string]: string } = {}): { identity: IdentityRecord; pool: PoolRecord } {
  const identity = requireIdentity(store, identityId);
  const pool = requirePool(store, identity.poolId);
  if (identity.disabled) throw forbiddenIdentity(identityId);
  const linked = Object.keys(identity.logins).length + identity.developerUserIds.length;
  if (linked === 0 && Object.keys(logins).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities) throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
    return { identity, pool };
  }
  const proves = Object.entries(logins).some(([provider, value]) =>
    provider === COGNITO_LOGIN ? verifyOpenIdToken(value)?.sub === identityId : identity.logins[provider] === hashToken(value),
  );
  if (!proves) throw notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
  return { identity, pool };
}

function fakeCredentials(): { [key: string]: unknown } {
  const token = (n: number): string =>
    randomBytes(n)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, 'A');
  return {
    AccessKeyId: `ASIAEMULATOR${randomBytes(4).toString('hex').toUpperCase()}`,
    SecretKey: `emulator/${token(24)}`,
    SessionToken: `emulator-session/${token(48)}`,
    Expiration: epochSeconds(Date.now() + CREDENTIALS_SECONDS * 1000),
  };
}

/** Principal-tag maps per pool and provider; kept in memory only (not in the state file). */
const tagMaps = new WeakMap<Store, Map<string, { UseDefaults: boolean; PrincipalTags: { [key: string]: string } }>>();

function tagMapsOf(store: Store): Map<string, { UseDefaults: boolean; PrincipalTags: { [key: string]: string } }> {
  let maps = tagMaps.get(store);
  if (!maps) tagMaps.set(store, (maps = new Map()));
  return maps;
}

export const credentialOperations: Operation[] = [
  defineOperation<GetOpenIdTokenInput>('GetOpenIdToken', 'none', false, (input, { store }) => {
    const { identity, pool } = provenIdentity(store, input.IdentityId, input.Logins);
    const amr = Object.keys(input.Logins ?? {}).length > 0 ? ['authenticated'] : ['unauthenticated'];
    return { IdentityId: identity.identityId, Token: issueOpenIdToken(pool.IdentityPoolId, identity.identityId, OPEN_ID_TOKEN_SECONDS, amr) };
  }),

  defineOperation<GetCredentialsForIdentityInput>('GetCredentialsForIdentity', 'none', false, (input, { store }) => {
    const { identity } = provenIdentity(store, input.IdentityId, input.Logins);
    return { IdentityId: identity.identityId, Credentials: fakeCredentials() };
  }),

  defineOperation<UnlinkIdentityInput>('UnlinkIdentity', 'none', true, (input, { store }) => {
    const { identity } = provenIdentity(store, input.IdentityId, input.Logins);
    const developerProvider = store.pools.get(identity.poolId)?.DeveloperProviderName;
    for (const provider of input.LoginsToRemove) {
      if (provider === developerProvider) throw invalidParameter('Developer identities are unlinked with UnlinkDeveloperIdentity.');
      store.unlinkLogin(identity, provider);
    }
    return {};
  }),

  defineOperation<PrincipalTagMapInput>('GetPrincipalTagAttributeMap', 'sigv4', false, (input, { store }) => {
    requirePool(store, input.IdentityPoolId);
    const map = tagMapsOf(store).get(`${input.IdentityPoolId}\u0000${input.IdentityProviderName}`);
    return {
      IdentityPoolId: input.IdentityPoolId,
      IdentityProviderName: input.IdentityProviderName,
      UseDefaults: map?.UseDefaults ?? true,
      PrincipalTags: map?.PrincipalTags ?? {},
    };
  }),

  defineOperation<PrincipalTagMapInput>('SetPrincipalTagAttributeMap', 'sigv4', true, (input, { store }) => {
    requirePool(store, input.IdentityPoolId);
    const map = { UseDefaults: input.UseDefaults ?? false, PrincipalTags: input.PrincipalTags ?? {} };
    tagMapsOf(store).set(`${input.IdentityPoolId}\u0000${input.IdentityProviderName}`, map);
    return { IdentityPoolId: input.IdentityPoolId, IdentityProviderName: input.IdentityProviderName, ...map };
  }),
];
