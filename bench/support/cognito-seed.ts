// The emulator the Terraform benchmarks run against, and its test data:
// one identity pool with a developer provider, and developer users grouped
// as destinations with their sources, created through the AWS SDK over HTTP.

import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { startEmulator, type EmulatorStats, type FaultConfig, type RunningEmulator } from '../../emulator/src';

export const REGION = 'us-east-1';
/** Dummy keys known only to the emulator, which verifies SigV4 signatures made with them. */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIDLOCALBENCH000001', secretAccessKey: 'local-bench-secret-not-a-real-key' };
/** MergeDeveloperIdentities refuses identities with more than 20 linked logins together. */
export const MAX_SOURCES_PER_DESTINATION = 19;
/** Users created at once while seeding. */
const SEED_CONCURRENCY = 16;

export interface BenchEmulator {
  emulator: RunningEmulator;
  client: CognitoIdentityClient;
  stop(): Promise<void>;
}

export async function startBenchEmulator(faults?: FaultConfig): Promise<BenchEmulator> {
  // The SDK's notice about future Node versions says nothing about the figures; keep tables readable.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const emulator = await startEmulator({ region: REGION, credentials: BENCH_CREDENTIALS, faults });
  const client = new CognitoIdentityClient({ region: REGION, endpoint: emulator.endpoint, credentials: BENCH_CREDENTIALS });
  return {
    emulator,
    client,
    async stop() {
      client.destroy();
      await emulator.stop();
    },
  };
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

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
  }
}

/** A fresh pool whose developer users are every source and destination of the pairs. */
export async function seedPool(client: CognitoIdentityClient, name: string, pairs: readonly MergePair[]): Promise<SeededPool> {
  const providerName = `login.bench.${name}`;
  const created = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: `bench_${name}`, AllowUnauthenticatedIdentities: false, DeveloperProviderName: providerName }),
  );
  const poolId = created.IdentityPoolId;
  if (!poolId) throw new Error('CreateIdentityPool answered without IdentityPoolId');
  const users = [...new Set(pairs.flatMap((p) => [p.destination, p.source]))];
  await inBatches(users, SEED_CONCURRENCY, async (user) => {
    await client.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [providerName]: user } }));
  });
  return { poolId, providerName, pairs: [...pairs] };
}

/** Every API call the emulator received, whatever the outcome. */
export function totalCalls(stats: EmulatorStats): number {
  return Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
}
