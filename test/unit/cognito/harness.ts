// Shared setup for the Cognito logic tests: a real emulator over HTTP, users
// seeded through the AWS SDK, and the provider configured against it. The
// tests then call the resource methods directly with framework values.

import { randomUUID } from 'node:crypto';
import { type CognitoIdentityClient, LookupDeveloperIdentityCommand, UnlinkDeveloperIdentityCommand } from '@aws-sdk/client-cognito-identity';
import type { RunningEmulator } from '../../../emulator/src/index';
import { LOCAL_CREDENTIALS } from '../../../examples/demo/local-emulator';
import { createDeveloperPool, registerDeveloperUser } from '../../../examples/demo/seed';
import { REGION, startTestEmulator } from '../../support/emulator';
import type { Diagnostic } from '../../../provider/src/framework/diagnostics';
import type { Logger, RequestContext } from '../../../provider/src/framework/provider';
import type { CtyValue, ObjectValue } from '../../../provider/src/framework/values';
import type { CognitoClients } from '../../../provider/src/cognito/clients';
import { cognitoProvider } from '../../../provider/src/cognito/provider';
import { formatResourceId } from '../../../provider/src/cognito/resource-id';

export { REGION };
// The keys the shared emulator verifies signatures against (examples/demo/local-emulator.ts).
export const ACCESS_KEY = LOCAL_CREDENTIALS.accessKeyId;
export const SECRET_KEY = LOCAL_CREDENTIALS.secretAccessKey;

export interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps what it is told, so tests can check no secret was logged. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function context(signal: AbortSignal = new AbortController().signal): RequestContext & { log: ReturnType<typeof recordingLogger> } {
  return { signal, log: recordingLogger() };
}

export interface Harness {
  emulator: RunningEmulator;
  sdk: CognitoIdentityClient;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const { emulator, client, stop } = await startTestEmulator();
  return { emulator, sdk: client, stop };
}

/** Every provider attribute, null unless given. */
export function providerConfig(overrides: { [name: string]: CtyValue } = {}): ObjectValue {
  return {
    region: null,
    profile: null,
    access_key: null,
    secret_key: null,
    token: null,
    endpoint: null,
    max_retries: null,
    retry_mode: null,
    ...overrides,
  };
}

/** The provider configured against the emulator; fails the test on any diagnostic. */
export async function configure(endpoint: string, overrides: { [name: string]: CtyValue } = {}): Promise<CognitoClients> {
  const result = await cognitoProvider.configure(
    providerConfig({ endpoint, region: REGION, access_key: ACCESS_KEY, secret_key: SECRET_KEY, max_retries: 3, ...overrides }),
    '1.11.4',
    context(),
  );
  if (!result.client) throw new Error(`configure failed: ${JSON.stringify(result.diagnostics)}`);
  return result.client;
}

export interface Pool {
  poolId: string;
  provider: string;
}

export async function createPool(sdk: CognitoIdentityClient, publicProviders: string[] = []): Promise<Pool> {
  const suffix = randomUUID().slice(0, 8);
  const { poolId, providerName } = await createDeveloperPool(sdk, `unit_${suffix}`, `login.unit.${suffix}`, {
    SupportedLoginProviders: Object.fromEntries(publicProviders.map((p) => [p, `app-${suffix}`])),
  });
  return { poolId, provider: providerName };
}

/** Registers a developer user (plus optional public logins on the same identity); returns its identity id. */
export async function createUser(sdk: CognitoIdentityClient, pool: Pool, user: string, extraLogins: Record<string, string> = {}): Promise<string> {
  return registerDeveloperUser(sdk, { poolId: pool.poolId, providerName: pool.provider }, user, extraLogins);
}

export async function identityOf(sdk: CognitoIdentityClient, pool: Pool, user: string): Promise<string | undefined> {
  const out = await sdk.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: pool.poolId, DeveloperUserIdentifier: user }));
  return out.IdentityId;
}

export async function unlink(sdk: CognitoIdentityClient, pool: Pool, identityId: string, user: string): Promise<void> {
  await sdk.send(
    new UnlinkDeveloperIdentityCommand({
      IdentityPoolId: pool.poolId,
      IdentityId: identityId,
      DeveloperProviderName: pool.provider,
      DeveloperUserIdentifier: user,
    }),
  );
}

/** A merged_identity config object (every attribute present). */
export function mergeConfig(pool: Pool, source: CtyValue, destination: CtyValue, extra: { [name: string]: CtyValue } = {}): ObjectValue {
  return {
    id: null,
    identity_pool_id: pool.poolId,
    developer_provider_name: pool.provider,
    source_user_identifier: source,
    destination_user_identifier: destination,
    on_destroy: null,
    allow_moving_unnamed_logins: null,
    identity_id: null,
    developer_user_identifiers: null,
    moving_users: null,
    moving_public_logins: null,
    ...extra,
  };
}

export function errors(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.severity === 'error');
}

/** Attribute names the diagnostics point at. */
export function attributesOf(diags: Diagnostic[]): string[] {
  return diags.flatMap((d) => (d.attribute ?? []).map((s) => ('attribute' in s ? s.attribute : '?')));
}

export function text(diags: Diagnostic[]): string {
  return diags.map((d) => `${d.summary}: ${d.detail ?? ''}`).join('\n');
}

/** The state a successful apply would store for this merge. */
export function stateFor(pool: Pool, source: string, destination: string, identityId: string | null, users: string[] | null = null): ObjectValue {
  return mergeConfig(pool, source, destination, {
    id: formatResourceId({
      identityPoolId: pool.poolId,
      developerProviderName: pool.provider,
      sourceUserIdentifier: source,
      destinationUserIdentifier: destination,
    }),
    identity_id: identityId,
    developer_user_identifiers: users,
  });
}
