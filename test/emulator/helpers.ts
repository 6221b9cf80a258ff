/**
 * Shared setup for the emulator suites: a running emulator and an SDK client
 * pointed at it, signed with the harness's dummy keys; pools and users are
 * made by the harness the demo, the other tests and the benchmarks share
 * (examples/demo: local-emulator.ts, seed.ts).
 */
import {
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  type CognitoIdentityClient,
  type CreateIdentityPoolCommandInput,
} from '@aws-sdk/client-cognito-identity';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src';
import { localClient, type LocalClientOptions } from '../../examples/demo/local-emulator';
import { createDeveloperPool, registerDeveloperUser } from '../../examples/demo/seed';

export const DEV_PROVIDER = 'login.example.app';

/** A client of `emulator` signed with LOCAL_CREDENTIALS (or `overrides.credentials`), one attempt per call unless told. */
export function clientFor(emulator: RunningEmulator, overrides: LocalClientOptions = {}): CognitoIdentityClient {
  return localClient(emulator.endpoint, { ...overrides, maxAttempts: overrides.maxAttempts ?? 1 });
}

/** Starts an emulator (and a client) before all tests of a suite; stops it after. */
export function useEmulator(options: EmulatorOptions = {}): { emulator: () => RunningEmulator; client: () => CognitoIdentityClient } {
  let emulator: RunningEmulator | undefined;
  let client: CognitoIdentityClient | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
    client = clientFor(emulator);
  });
  afterAll(async () => {
    client?.destroy();
    await emulator?.stop();
  });
  return {
    emulator: () => {
      if (!emulator) throw new Error('emulator not started');
      return emulator;
    },
    client: () => {
      if (!client) throw new Error('client not created');
      return client;
    },
  };
}

export async function createPool(client: CognitoIdentityClient, extra: Partial<CreateIdentityPoolCommandInput> = {}): Promise<string> {
  const pool = await createDeveloperPool(client, 'test pool', DEV_PROVIDER, {
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
    ...extra,
  });
  return pool.poolId;
}

/** Registers a developer user (creating its identity) and returns the identity id. */
export async function registerUser(client: CognitoIdentityClient, poolId: string, userId: string, extraLogins: Record<string, string> = {}): Promise<string> {
  return registerDeveloperUser(client, { poolId, providerName: DEV_PROVIDER }, userId, extraLogins);
}

/** Posts a raw request (for what the SDK would never send). */
export async function rawPost(
  endpoint: string,
  body: string | Buffer,
  headers: Record<string, string>,
  path = '/',
  method = 'POST',
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(endpoint + path, { method, body: method === 'GET' ? undefined : body, headers });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { unparsed: text };
  }
  return { status: res.status, headers: res.headers, json };
}

export const jsonHeaders = (operation: string): Record<string, string> => ({
  'Content-Type': 'application/x-amz-json-1.1',
  'X-Amz-Target': `AWSCognitoIdentityService.${operation}`,
});

/** A pool id of the right form that no pool has. */
export const MISSING_POOL = 'us-east-1:00000000-0000-0000-0000-000000000000';

/** MergeDeveloperIdentities of `source` into `destination`. */
export function mergeDevelopers(client: CognitoIdentityClient, poolId: string, source: string, destination: string, provider = DEV_PROVIDER) {
  return client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: provider,
      SourceUserIdentifier: source,
      DestinationUserIdentifier: destination,
    }),
  );
}

/** LookupDeveloperIdentity with `input`. */
export function lookupDeveloper(
  client: CognitoIdentityClient,
  input: { IdentityPoolId: string; IdentityId?: string; DeveloperUserIdentifier?: string; MaxResults?: number; NextToken?: string },
) {
  return client.send(new LookupDeveloperIdentityCommand(input));
}
