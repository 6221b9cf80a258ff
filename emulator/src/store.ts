/**
 * The emulator's state: identity pools and identities, plus the lookup indexes that are
 * rebuilt from them. The snapshot (`StateSnapshot`) is what the state file holds.
 *
 * Public-provider logins are keyed by a SHA-256 of the token, so no provider token is kept in
 * memory or written to disk; the emulator treats the token as the user's key for that provider.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IdentityPoolBody, StringMap } from './inputs';

/** A pool as CreateIdentityPool describes it (its tags kept apart), with its id, roles and role mappings. */
export interface PoolRecord extends Omit<IdentityPoolBody, 'IdentityPoolTags'> {
  IdentityPoolId: string;
  tags: StringMap;
  roles: StringMap;
  roleMappings: { [provider: string]: unknown };
}

export interface IdentityRecord {
  identityId: string;
  poolId: string;
  /** Epoch milliseconds. */
  created: number;
  lastModified: number;
  /** Merged away: kept and listed, owns no logins. */
  disabled: boolean;
  /** Public provider name -> SHA-256 (hex) of the provider token. */
  logins: StringMap;
  /** Developer user identifiers, in the order they were linked. */
  developerUserIds: string[];
}

export interface StateSnapshot {
  version: 1;
  pools: PoolRecord[];
  identities: IdentityRecord[];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function linkedLoginCount(identity: IdentityRecord): number {
  return publicLoginCount(identity) + identity.developerUserIds.length;
}

export function publicLoginCount(identity: IdentityRecord): number {
  return Object.keys(identity.logins).length;
}

const devKey = (poolId: string, userId: string): string => `${poolId}\u0000${userId}`;
const loginKey = (poolId: string, provider: string, tokenHash: string): string => `${poolId}\u0000${provider}\u0000${tokenHash}`;

/**
 * An identity whose last login was unlinked cannot go back to being
 * unauthenticated: it is disabled (an AWS SDK maintainer's answer in
 * amazon-archives/aws-sdk-unity#114; emulator/README.md, evidence table).
 */
function disableWhenNoLoginsLeft(identity: IdentityRecord): void {
  if (identity.developerUserIds.length === 0 && Object.keys(identity.logins).length === 0) identity.disabled = true;
}

export class Store {
  readonly pools = new Map<string, PoolRecord>();
  readonly identities = new Map<string, IdentityRecord>();
  /** (pool, developer user id) -> identity id */
  private readonly developerIndex = new Map<string, string>();
  /** (pool, provider, token hash) -> identity id */
  private readonly loginIndex = new Map<string, string>();

  constructor(readonly region: string) {}

  newId(): string {
    return `${this.region}:${randomUUID()}`;
  }

  /** Identity pools in insertion order. */
  listPools(): PoolRecord[] {
    return [...this.pools.values()];
  }

  /** Identities of one pool in creation order. */
  identitiesOf(poolId: string): IdentityRecord[] {
    return [...this.identities.values()].filter((i) => i.poolId === poolId);
  }

  deletePool(poolId: string): void {
    for (const identity of this.identitiesOf(poolId)) this.deleteIdentity(identity.identityId);
    this.pools.delete(poolId);
  }

  createIdentity(poolId: string): IdentityRecord {
    const now = Date.now();
    const identity: IdentityRecord = {
      identityId: this.newId(),
      poolId,
      created: now,
      lastModified: now,
      disabled: false,
      logins: {},
      developerUserIds: [],
    };
    this.identities.set(identity.identityId, identity);
    return identity;
  }

  deleteIdentity(identityId: string): void {
    const identity = this.identities.get(identityId);
    if (!identity) return;
    for (const userId of identity.developerUserIds) this.developerIndex.delete(devKey(identity.poolId, userId));
    for (const [provider, tokenHash] of Object.entries(identity.logins)) {
      this.loginIndex.delete(loginKey(identity.poolId, provider, tokenHash));
    }
    this.identities.delete(identityId);
  }

  identityOfDeveloperUser(poolId: string, userId: string): IdentityRecord | undefined {
    const id = this.developerIndex.get(devKey(poolId, userId));
    return id === undefined ? undefined : this.identities.get(id);
  }

  identityOfLogin(poolId: string, provider: string, tokenHash: string): IdentityRecord | undefined {
    const id = this.loginIndex.get(loginKey(poolId, provider, tokenHash));
    return id === undefined ? undefined : this.identities.get(id);
  }

  linkDeveloperUser(identity: IdentityRecord, userId: string): void {
    identity.developerUserIds.push(userId);
    this.developerIndex.set(devKey(identity.poolId, userId), identity.identityId);
    identity.lastModified = Date.now();
  }

  unlinkDeveloperUser(identity: IdentityRecord, userId: string): void {
    identity.developerUserIds = identity.developerUserIds.filter((u) => u !== userId);
    this.developerIndex.delete(devKey(identity.poolId, userId));
    identity.lastModified = Date.now();
    disableWhenNoLoginsLeft(identity);
  }

  linkLogin(identity: IdentityRecord, provider: string, tokenHash: string): void {
    // defineProperty, not assignment: a provider named "__proto__" must stay an ordinary key.
    Object.defineProperty(identity.logins, provider, { value: tokenHash, enumerable: true, writable: true, configurable: true });
    this.loginIndex.set(loginKey(identity.poolId, provider, tokenHash), identity.identityId);
    identity.lastModified = Date.now();
  }

  unlinkLogin(identity: IdentityRecord, provider: string): void {
    const tokenHash = Object.hasOwn(identity.logins, provider) ? identity.logins[provider] : undefined;
    if (tokenHash === undefined) return;
    this.loginIndex.delete(loginKey(identity.poolId, provider, tokenHash));
    delete identity.logins[provider];
    identity.lastModified = Date.now();
    disableWhenNoLoginsLeft(identity);
  }

  /** Moves every login and developer user id of `source` onto `destination`; disables `source`. */
  mergeInto(source: IdentityRecord, destination: IdentityRecord): void {
    for (const [provider, tokenHash] of Object.entries(source.logins)) this.linkLogin(destination, provider, tokenHash);
    for (const userId of source.developerUserIds) this.linkDeveloperUser(destination, userId);
    source.logins = {};
    source.developerUserIds = [];
    source.disabled = true;
    source.lastModified = Date.now();
  }

  clear(): void {
    this.pools.clear();
    this.identities.clear();
    this.developerIndex.clear();
    this.loginIndex.clear();
  }

  snapshot(): StateSnapshot {
    return { version: 1, pools: this.listPools(), identities: [...this.identities.values()] };
  }

  load(snapshot: StateSnapshot): void {
    this.clear();
    for (const pool of snapshot.pools) this.pools.set(pool.IdentityPoolId, pool);
    for (const identity of snapshot.identities) {
      this.identities.set(identity.identityId, identity);
      for (const userId of identity.developerUserIds) {
        this.developerIndex.set(devKey(identity.poolId, userId), identity.identityId);
      }
      for (const [provider, tokenHash] of Object.entries(identity.logins)) {
        this.loginIndex.set(loginKey(identity.poolId, provider, tokenHash), identity.identityId);
      }
    }
  }
}
