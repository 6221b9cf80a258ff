// Starts the Cognito Identity emulator for a test file and sets up identity
// pools and developer users in it through the real AWS SDK over HTTP, with
// the harness the demo and the benchmarks share (examples/demo:
// local-emulator.ts, seed.ts).

import { randomUUID } from 'node:crypto';
import {
  type CognitoIdentityClient,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  type LookupDeveloperIdentityCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import type { EmulatorOptions } from '../../emulator/src/types';
import { startLocalEmulator, type LocalEmulator } from '../../examples/demo/local-emulator';
import { createDeveloperPool, registerDeveloperUser } from '../../examples/demo/seed';
import { tupleOf, type Tuple } from './lists';

export { REGION } from '../../examples/demo/local-emulator';

export type TestEmulator = LocalEmulator;

/**
 * An emulator that verifies SigV4 signatures against the dummy key pair, and
 * an SDK client signed with it that tries each call once.
 */
export function startTestEmulator(options: Pick<EmulatorOptions, 'faults' | 'loginLimitCounts' | 'lookupByUserLists'> = {}): Promise<TestEmulator> {
  return startLocalEmulator(options, { maxAttempts: 1 });
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

/** A pool whose users are a tuple of N when N is a literal: `const [dst, src] = pool.users` needs no check. */
export type TestPoolOf<N extends number> = Omit<TestPool, 'users'> & { users: Tuple<DeveloperUser, N> };

/** A fresh identity pool with a developer provider and `userCount` developer users (user-0, user-1, ...). */
export async function createPoolWithUsers<N extends number>(client: CognitoIdentityClient, userCount: N): Promise<TestPoolOf<N>> {
  const suffix = randomUUID().slice(0, 8);
  const { poolId, providerName } = await createDeveloperPool(client, `pool_${suffix}`, `login.test.${suffix}`);
  const users: DeveloperUser[] = [];
  for (let i = 0; i < userCount; i++) {
    users.push(await createDeveloperUser(client, poolId, providerName, `user-${i}`));
  }
  return { poolId, providerName, users: tupleOf(users, userCount, 'the created users') };
}

export async function createDeveloperUser(client: CognitoIdentityClient, poolId: string, providerName: string, userId: string): Promise<DeveloperUser> {
  return { userId, identityId: await registerDeveloperUser(client, { poolId, providerName }, userId) };
}

/** The identity a developer user resolves to now, with every user id linked to it. */
export async function lookupUser(client: CognitoIdentityClient, poolId: string, userId: string): Promise<{ identityId: string; userIds: string[] }> {
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
