/** Shared setup for the emulator suites: a running emulator and an SDK client pointed at it. */
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type CreateIdentityPoolCommandInput,
} from '@aws-sdk/client-cognito-identity';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src';

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'emulator-test-secret' };
export const DEV_PROVIDER = 'login.example.app';

export function clientFor(
  emulator: RunningEmulator,
  overrides: { maxAttempts?: number; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): CognitoIdentityClient {
  return new CognitoIdentityClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: overrides.credentials ?? DUMMY_CREDENTIALS,
    maxAttempts: overrides.maxAttempts ?? 1,
  });
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

export async function createPool(
  client: CognitoIdentityClient,
  extra: Partial<CreateIdentityPoolCommandInput> = {},
): Promise<string> {
  const out = await client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: 'test pool',
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: DEV_PROVIDER,
      SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
      ...extra,
    }),
  );
  if (!out.IdentityPoolId) throw new Error('CreateIdentityPool returned no IdentityPoolId');
  return out.IdentityPoolId;
}

/** Registers a developer user (creating its identity) and returns the identity id. */
export async function registerUser(client: CognitoIdentityClient, poolId: string, userId: string, extraLogins: Record<string, string> = {}): Promise<string> {
  const out = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV_PROVIDER]: userId, ...extraLogins } }),
  );
  if (!out.IdentityId) throw new Error('GetOpenIdTokenForDeveloperIdentity returned no IdentityId');
  return out.IdentityId;
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
