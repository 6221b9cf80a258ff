// What ConfigureProvider produces: the settings, and one SDK client (with its
// lookup directory) per Region, created on first use. The AWS SDK is loaded
// only then, so the provider process starts fast and `terraform validate`
// never pays for it.

import type { Logger } from '../framework/provider';
import { callLogPlugin } from './call-log-middleware';
import { SdkCognitoApi, type CognitoApi } from './cognito-api';
import { credentialsNotFound } from './credential-errors';
import { errorName, ProviderNotReadyError, Redactor, type CallContext } from './errors';
import { IdentityDirectory } from './lookup';
import { MergeJournal } from './merge-journal';
import { OperationPacer } from './pacer';
import { pacingPlugin } from './pacing-middleware';
import { PlannedMerges } from './planned-merges';
import { PlanLedger } from './plan-ledger';
import { openRunLedger } from './plan-ledger-file';
import { describeEndpoint, type ProviderSettings } from './provider-config';
import { regionMismatch } from './region-check';
import { CognitoRetryStrategy, DEFAULT_RETRY_POLICY } from './retry-strategy';

/** Everything a resource needs to talk to Cognito about one identity pool. */
export interface RegionSession {
  region: string;
  /** Where calls go, for messages. */
  endpoint: string;
  redactor: Redactor;
  directory: IdentityDirectory;
  api: CognitoApi;
  /** Users the plans of this process move into each identity (for the 20-login check). */
  plannedMerges: PlannedMerges;
  /** Merges this process made, and the lock around each merge's last check. */
  journal: MergeJournal;
  /** The send rates learnt from throttling, per operation (shared by every call of this session). */
  pacer: OperationPacer;
}

/** A failed call's context for apiErrorDiagnostic: what was being done, plus where this session sends calls and what it redacts. */
export function callThrough(session: Pick<RegionSession, 'endpoint' | 'redactor'>, call: Omit<CallContext, 'endpoint' | 'redactor'>): CallContext {
  return { ...call, endpoint: session.endpoint, redactor: session.redactor };
}

/** What every client of one provider process shares: the secrets to redact, the Region's pacer, the log. */
export interface ApiDeps {
  redactor: Redactor;
  pacer: OperationPacer;
  log?: Logger;
}

/** Builds the API for a Region; replaced in tests that inject faults. */
export type ApiFactory = (region: string, settings: ProviderSettings, deps: ApiDeps) => Promise<CognitoApi>;

export const sdkApiFactory: ApiFactory = async (region, settings, { redactor, pacer, log }) => {
  const sdk = await import('@aws-sdk/client-cognito-identity');
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  const { DefaultRateLimiter } = await import('@smithy/core/retry');

  const fixed = settings.credentials;
  const chain = fixed ? async () => fixed : fromNodeProviderChain(settings.profile ? { profile: settings.profile } : {});
  // Remember whatever credentials the chain resolves, so no message can echo them.
  const credentials = async () => {
    const c = await chain().catch((err: unknown) => {
      throw errorName(err) === 'CredentialsProviderError' ? credentialsNotFound(settings.profile) : err;
    });
    redactor.add(c.accessKeyId, c.secretAccessKey, c.sessionToken);
    return c;
  };
  const retryStrategy = new CognitoRetryStrategy(
    { ...DEFAULT_RETRY_POLICY, maxAttempts: settings.maxAttempts },
    settings.retryMode === 'adaptive' ? new DefaultRateLimiter() : undefined,
  );
  const client = new sdk.CognitoIdentityClient({
    region,
    // Unset: the SDK itself honours AWS_ENDPOINT_URL_COGNITO_IDENTITY, then AWS_ENDPOINT_URL.
    endpoint: settings.endpoint,
    credentials,
    maxAttempts: settings.maxAttempts,
    retryStrategy,
    // So an endpoint that accepts connections but never answers fails, instead of hanging (provider block settings).
    requestHandler: { connectionTimeout: settings.connectTimeoutMs, requestTimeout: settings.requestTimeoutMs, throwOnRequestTimeout: true },
  });
  // One adaptive send rate per operation for the whole process (pacer.ts).
  client.middlewareStack.use(pacingPlugin(pacer));
  if (log) client.middlewareStack.use(callLogPlugin(log, region));
  return new SdkCognitoApi(sdk, client);
};

export class CognitoClients {
  private readonly sessions = new Map<string, Promise<RegionSession>>();
  readonly redactor = new Redactor();
  private planLedger: PlanLedger | undefined;

  constructor(
    readonly settings: ProviderSettings,
    readonly log?: Logger,
    private readonly apiFactory: ApiFactory = sdkApiFactory,
  ) {
    const c = settings.credentials;
    this.redactor.add(c?.accessKeyId, c?.secretAccessKey, c?.sessionToken);
  }

  /** The plans of this Terraform run (plan-ledger.ts), opened when a plan first needs it. */
  get ledger(): PlanLedger {
    this.planLedger ??= new PlanLedger(openRunLedger());
    return this.planLedger;
  }

  /** The Region calls about this pool go to: the provider's, else the pool id's prefix. */
  regionFor(poolId: string): string {
    return this.settings.region ?? poolId.split(':')[0] ?? poolId;
  }

  endpointFor(poolId: string): string {
    return describeEndpoint(this.settings, this.regionFor(poolId));
  }

  /** Throws ProviderNotReadyError while the provider block holds unknown values. */
  forPool(poolId: string): Promise<RegionSession> {
    if (this.settings.unknownAttributes.length > 0) {
      return Promise.reject(new ProviderNotReadyError(this.settings.unknownAttributes));
    }
    const mismatch = regionMismatch(this.settings, poolId);
    if (mismatch) return Promise.reject(mismatch);
    const region = this.regionFor(poolId);
    let session = this.sessions.get(region);
    if (!session) {
      const pacer = new OperationPacer();
      session = this.apiFactory(region, this.settings, { redactor: this.redactor, pacer, log: this.log }).then((api) => ({
        region,
        pacer,
        endpoint: describeEndpoint(this.settings, region),
        redactor: this.redactor,
        directory: new IdentityDirectory(api, undefined, undefined, (message) => this.log?.info(message, { region })),
        plannedMerges: new PlannedMerges(),
        journal: new MergeJournal(),
        api,
      }));
      // A failed setup is not cached, so the next call tries again.
      session.catch(() => this.sessions.delete(region));
      this.sessions.set(region, session);
    }
    return session;
  }
}
