// The handful of Cognito Identity operations the provider uses, on top of one
// SDK client. Every call carries the caller's abort signal, so StopProvider
// interrupts it (and any retry backoff) at once. Errors are the SDK's own;
// errors.ts turns them into diagnostics.

import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { withCallSignal, withSendGuard } from './pacing-middleware';

type Sdk = typeof import('@aws-sdk/client-cognito-identity');

/** Cognito's largest page for lookups. */
const PAGE_SIZE = 60;
/** Guards against a service that never stops returning NextToken. */
const MAX_PAGES = 10_000;

export interface MergeRequest {
  identityPoolId: string;
  developerProviderName: string;
  sourceUserIdentifier: string;
  destinationUserIdentifier: string;
}

/** What a lookup by developer user id tells. */
export interface UserLookup {
  identityId: string;
  /**
   * The developer user ids the answer listed, when it held them all (no
   * NextToken). Whether that is every user of the identity or only the one
   * asked about, AWS does not say; lookup.ts decides when to rely on it.
   */
  users?: string[];
}

/** What DescribeIdentityPool tells about logins. */
export interface PoolInfo {
  developerProvider?: string;
  /** Public login providers configured on the pool: the most public logins one identity can have. */
  publicProviders: number;
}

/** One page of ListIdentities: the identity ids, and the token of the next page if any. */
export interface IdentityPage {
  identityIds: string[];
  nextToken?: string;
}

export interface CognitoApi {
  /** True when every request reports its send through withSendHook (pacing-middleware.ts). */
  readonly reportsSends?: boolean;
  /** The identity a developer user resolves to. Throws ResourceNotFoundException when unknown. */
  lookupUser(poolId: string, user: string, signal: AbortSignal): Promise<UserLookup>;
  /** Every developer user id linked to an identity, all pages. Throws ResourceNotFoundException when unknown. */
  usersOfIdentity(poolId: string, identityId: string, signal: AbortSignal): Promise<string[]>;
  /** MergeDeveloperIdentities; returns the surviving identity id. `guard` runs before each attempt is sent (withSendGuard). */
  merge(req: MergeRequest, signal: AbortSignal, guard?: () => void): Promise<string>;
  /** DescribeIdentity's Logins: the provider names linked to the identity. */
  loginsOfIdentity(identityId: string, signal: AbortSignal): Promise<string[]>;
  /** DescribeIdentityPool, reduced to what merges care about. */
  describePool(poolId: string, signal: AbortSignal): Promise<PoolInfo>;
  /** One page (60) of ListIdentities, disabled identities hidden. Throws ResourceNotFoundException for an unknown pool. */
  listIdentityPage(poolId: string, nextToken: string | undefined, signal: AbortSignal): Promise<IdentityPage>;
}

export class SdkCognitoApi implements CognitoApi {
  // Every call goes through the pacing middleware, which tells withSendHook.
  readonly reportsSends = true;

  constructor(
    private readonly sdk: Sdk,
    private readonly client: CognitoIdentityClient,
  ) {}

  async lookupUser(poolId: string, user: string, signal: AbortSignal): Promise<UserLookup> {
    const out = await withCallSignal(signal, () =>
      this.client.send(
        new this.sdk.LookupDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          DeveloperUserIdentifier: user,
          MaxResults: PAGE_SIZE,
        }),
        { abortSignal: signal },
      ),
    );
    if (!out.IdentityId) throw new Error('LookupDeveloperIdentity returned no IdentityId');
    const complete = !out.NextToken && out.DeveloperUserIdentifierList !== undefined;
    return {
      identityId: out.IdentityId,
      users: complete ? out.DeveloperUserIdentifierList : undefined,
    };
  }

  async usersOfIdentity(poolId: string, identityId: string, signal: AbortSignal): Promise<string[]> {
    const users: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await withCallSignal(signal, () =>
        this.client.send(
          new this.sdk.LookupDeveloperIdentityCommand({
            IdentityPoolId: poolId,
            IdentityId: identityId,
            MaxResults: PAGE_SIZE,
            NextToken: nextToken,
          }),
          { abortSignal: signal },
        ),
      );
      users.push(...(out.DeveloperUserIdentifierList ?? []));
      if (!out.NextToken || out.NextToken === nextToken) return users;
      nextToken = out.NextToken;
    }
    throw new Error(`LookupDeveloperIdentity kept returning NextToken after ${MAX_PAGES} pages`);
  }

  async merge(req: MergeRequest, signal: AbortSignal, guard: () => void = () => undefined): Promise<string> {
    const out = await withSendGuard(guard, () =>
      withCallSignal(signal, () =>
        this.client.send(
          new this.sdk.MergeDeveloperIdentitiesCommand({
            IdentityPoolId: req.identityPoolId,
            DeveloperProviderName: req.developerProviderName,
            SourceUserIdentifier: req.sourceUserIdentifier,
            DestinationUserIdentifier: req.destinationUserIdentifier,
          }),
          { abortSignal: signal },
        ),
      ),
    );
    if (!out.IdentityId) throw new Error('MergeDeveloperIdentities returned no IdentityId');
    return out.IdentityId;
  }

  async loginsOfIdentity(identityId: string, signal: AbortSignal): Promise<string[]> {
    const out = await withCallSignal(signal, () =>
      this.client.send(new this.sdk.DescribeIdentityCommand({ IdentityId: identityId }), {
        abortSignal: signal,
      }),
    );
    return out.Logins ?? [];
  }

  async describePool(poolId: string, signal: AbortSignal): Promise<PoolInfo> {
    const out = await withCallSignal(signal, () =>
      this.client.send(new this.sdk.DescribeIdentityPoolCommand({ IdentityPoolId: poolId }), {
        abortSignal: signal,
      }),
    );
    const publicProviders =
      Object.keys(out.SupportedLoginProviders ?? {}).length +
      (out.OpenIdConnectProviderARNs ?? []).length +
      (out.CognitoIdentityProviders ?? []).length +
      (out.SamlProviderARNs ?? []).length;
    return {
      developerProvider: out.DeveloperProviderName ?? undefined,
      publicProviders,
    };
  }

  async listIdentityPage(poolId: string, nextToken: string | undefined, signal: AbortSignal): Promise<IdentityPage> {
    const out = await withCallSignal(signal, () =>
      this.client.send(new this.sdk.ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: PAGE_SIZE, NextToken: nextToken, HideDisabled: true }), {
        abortSignal: signal,
      }),
    );
    const identityIds = (out.Identities ?? []).flatMap((i) => (i.IdentityId ? [i.IdentityId] : []));
    // A token equal to the one sent would loop for ever; treat it as the end.
    const next = out.NextToken && out.NextToken !== nextToken ? out.NextToken : undefined;
    return next === undefined ? { identityIds } : { identityIds, nextToken: next };
  }
}
