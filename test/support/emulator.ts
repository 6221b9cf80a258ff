// Starts the Cognito Identity emulator for a test file and sets up identity
// pools and developer users in it through the real AWS SDK over HTTP.

import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  type LookupDeveloperIdentityCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import { startEmulator } from '../../emulator/src/index';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/src/types';
import { TEST_ACCESS_KEY, TEST_SECRET_KEY } from './terraform';

export const REGION = 'us-east-1';

export interface TestEmulator {
  emulator: RunningEmulator;
  client: CognitoIdentityClient;
  stop(): Promise<void>;
}

/**
 * An emulator that verifies SigV4 signatures against the test key pair, and
 * an SDK client signed with it.
 */
export async function startTestEmulator(options: Pick<EmulatorOptions, 'faults' | 'loginLimitCounts' | 'lookupByUserLists'> = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({
    ...options,
    credentials: { accessKeyId: TEST_ACCESS_KEY, secretAccessKey: TEST_SECRET_KEY },
    region: REGION,
  });
  const client = new CognitoIdentityClient({
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: { accessKeyId: TEST_ACCESS_KEY, secretAccessKey: TEST_SECRET_KEY },
    maxAttempts: 1,
  });
  return {
    emulator,
    client,
    async stop() {
      client.destroy();
      await emulator.stop();
    },
  };
}

export interface DeveloperUser {
  userId: string;
  identityId: string;
}

export interface TestPool {
  poolId: string;
  providerName: string;
  users: DeveloperUser[];
}

/** A fresh identity pool with a developer provider and `userCount` developer users (user-0, user-1, ...). */
export async function createPoolWithUsers(client: CognitoIdentityClient, userCount: number): Promise<TestPool> {
  const suffix = randomUUID().slice(0, 8);
  const providerName = `login.test.${suffix}`;
  const created = await client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: `pool_${suffix}`,
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: providerName,
    }),
  );
  const poolId = required(created.IdentityPoolId, 'CreateIdentityPool IdentityPoolId');
  const users: DeveloperUser[] = [];
  for (let i = 0; i < userCount; i++) {
    users.push(await createDeveloperUser(client, poolId, providerName, `user-${i}`));
  }
  return { poolId, providerName, users };
}

export async function createDeveloperUser(
  client: CognitoIdentityClient,
  poolId: string,
  providerName: string,
  userId: string,
): Promise<DeveloperUser> {
  const out = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [providerName]: userId } }),
  );
  return { userId, identityId: required(out.IdentityId, 'GetOpenIdTokenForDeveloperIdentity IdentityId') };
}

/** The identity a developer user resolves to now, with every user id linked to it. */
export async function lookupUser(
  client: CognitoIdentityClient,
  poolId: string,
  userId: string,
): Promise<{ identityId: string; userIds: string[] }> {
  const userIds: string[] = [];
  let identityId = '';
  let next: string | undefined;
  do {
    const out: LookupDeveloperIdentityCommandOutput = await client.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: userId, MaxResults: 60, NextToken: next }),
    );
    identityId = required(out.IdentityId, 'LookupDeveloperIdentity IdentityId');
    userIds.push(...(out.DeveloperUserIdentifierList ?? []));
    next = out.NextToken;
  } while (next);
  return { identityId, userIds };
}

/** Merges `source` into `destination` outside Terraform, as another tool or a person would. */
export async function mergeOutOfBand(client: CognitoIdentityClient, pool: TestPool, source: string, destination: string): Promise<void> {
  await client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: pool.poolId,
      DeveloperProviderName: pool.providerName,
      SourceUserIdentifier: source,
      DestinationUserIdentifier: destination,
    }),
  );
}

function required<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`emulator response lacks ${what}`);
  return v;
}
