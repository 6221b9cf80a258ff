// The emulator the Terraform benchmarks run against, and their test data:
// one identity pool with a developer provider, and developer users grouped
// as destinations with their sources. Starting the emulator and seeding go
// through the harness the demo and the tests share (examples/demo).

import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { EmulatorStats, FaultConfig } from '../../emulator/src';
import { startLocalEmulator, type LocalEmulator } from '../../examples/demo/local-emulator';
import { createDeveloperPool, registerDeveloperUsers } from '../../examples/demo/seed';

/** MergeDeveloperIdentities refuses identities with more than 20 linked logins together. */
export const MAX_SOURCES_PER_DESTINATION = 19;
/** Users created at once while seeding. */
const SEED_CONCURRENCY = 16;

/** The shared harness's emulator (examples/demo/local-emulator.ts): dummy keys verified, a client signed with them. */
export type BenchEmulator = LocalEmulator;

export async function startBenchEmulator(faults?: FaultConfig): Promise<BenchEmulator> {
  // The SDK's notice about future Node versions says nothing about the figures; keep tables readable.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return startLocalEmulator({ faults });
}

/** One merge to declare: `source` merges into `destination`'s identity. */
export interface MergePair {
  key: string;
  source: string;
  destination: string;
}

export interface SeededPool {
  poolId: string;
  providerName: string;
  pairs: MergePair[];
}

/** Checks a --sources-per-destination value before any work starts. */
export function checkSourcesPerDestination(k: number): number {
  if (k > MAX_SOURCES_PER_DESTINATION) {
    throw new Error(`--sources-per-destination must be at most ${MAX_SOURCES_PER_DESTINATION} (a merge fails past 20 linked logins per identity), got ${k}.`);
  }
  return k;
}

/**
 * `count` merge pairs, `sourcesPerDestination` sources for each destination
 * (the last destination may get fewer).
 */
export function mergePairs(count: number, sourcesPerDestination: number): MergePair[] {
  if (sourcesPerDestination < 1 || sourcesPerDestination > MAX_SOURCES_PER_DESTINATION) {
    throw new Error(`sources per destination must be 1..${MAX_SOURCES_PER_DESTINATION} (20 linked logins at most), got ${sourcesPerDestination}`);
  }
  const pad = (n: number): string => String(n).padStart(4, '0');
  const pairs: MergePair[] = [];
  for (let i = 0; i < count; i++) {
    const d = Math.floor(i / sourcesPerDestination);
    const s = i % sourcesPerDestination;
    pairs.push({ key: `m${pad(i)}`, source: `src-${pad(d)}-${String(s).padStart(2, '0')}`, destination: `dst-${pad(d)}` });
  }
  return pairs;
}

/** A fresh pool whose developer users are every source and destination of the pairs. */
export async function seedPool(client: CognitoIdentityClient, name: string, pairs: readonly MergePair[]): Promise<SeededPool> {
  const pool = await createDeveloperPool(client, `bench_${name}`, `login.bench.${name}`);
  const users = [...new Set(pairs.flatMap((p) => [p.destination, p.source]))];
  await registerDeveloperUsers(client, pool, users, SEED_CONCURRENCY);
  return { ...pool, pairs: [...pairs] };
}

/** Every API call the emulator received, whatever the outcome. */
export function totalCalls(stats: EmulatorStats): number {
  return Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
}
