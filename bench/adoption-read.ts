// The cost of finding a pool's existing merges: `terraform plan` of one
// cognitoidentity_merged_identities data source over a pool of N enabled
// identities (default 1000; one in ten holds a merged group of three users),
// side by side with the plan of one cognitoidentity_developer_identity lookup
// (Terraform and provider start-up alone), interleaved in one run. Then the
// same read under rate limits (ListIdentities at its published 5/s,
// LookupDeveloperIdentity at --rps), against the least time the limits allow.
// Usage: node dist/bench/adoption-read.js [--identities 1000] [--rounds 3] [--rps 50]

import { MergeDeveloperIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { registerDeveloperUser, registerDeveloperUsers } from '../examples/demo/seed';
import { parseOptions, positiveInt, runMain } from './support/args';
import { seedPool, startBenchEmulator, type BenchEmulator } from './support/cognito-seed';
import { providerHeader } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, formatRatio, median } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/adoption-read.js [--identities N] [--rounds R] [--rps L]  (defaults 1000, 3, 50)';
/** ListIdentities' published quota, requests per second. */
const LIST_RPS = 5;
const PAGE = 60;
const GROUP_EVERY = 10;

interface Pool {
  poolId: string;
  providerName: string;
  groups: number;
  firstUser: string;
}

/** N enabled identities; every GROUP_EVERY-th one gets two more users merged into it, out of band. */
async function seedMergedPool(cognito: BenchEmulator, identities: number): Promise<Pool> {
  const groups = Math.floor(identities / GROUP_EVERY);
  const pool = await seedPool(cognito.client, `adopt_${identities}`, []);
  const user = (i: number): string => `user-${String(i).padStart(5, '0')}`;
  await registerDeveloperUsers(
    cognito.client,
    pool,
    Array.from({ length: identities }, (_, i) => user(i)),
  );
  for (let g = 0; g < groups; g++) {
    for (const extra of [`${user(g)}-a`, `${user(g)}-b`]) {
      await registerDeveloperUser(cognito.client, pool, extra);
      await cognito.client.send(
        new MergeDeveloperIdentitiesCommand({
          IdentityPoolId: pool.poolId,
          DeveloperProviderName: pool.providerName,
          SourceUserIdentifier: extra,
          DestinationUserIdentifier: user(g),
        }),
      );
    }
  }
  return { poolId: pool.poolId, providerName: pool.providerName, groups, firstUser: user(0) };
}

function config(endpoint: string, body: string): string {
  return `${providerHeader(endpoint)}\n${body}`;
}

const listAll = (p: Pool): string => `data "cognitoidentity_merged_identities" "all" {
  identity_pool_id        = ${JSON.stringify(p.poolId)}
  developer_provider_name = ${JSON.stringify(p.providerName)}
}

output "groups" { value = length(data.cognitoidentity_merged_identities.all.identities) }
`;

const lookupOne = (p: Pool): string => `data "cognitoidentity_developer_identity" "one" {
  identity_pool_id          = ${JSON.stringify(p.poolId)}
  developer_user_identifier = ${JSON.stringify(p.firstUser)}
}
`;

type Dirs = { list: TerraformDir; one: TerraformDir };
type Medians = { list: number; one: number; calls: string };

/** Plans both configurations in turns, so drift in machine load hits both alike. */
async function interleavedPlans(dirs: Dirs, rounds: number, cognito: BenchEmulator, pool: Pool): Promise<Medians> {
  const list: number[] = [];
  const one: number[] = [];
  let calls = '';
  for (let r = 0; r < rounds; r++) {
    cognito.emulator.resetStats();
    const planned = await dirs.list.plan();
    list.push(planned.ms);
    const stats = cognito.emulator.stats().calls;
    calls = `ListIdentities ${stats.ListIdentities ?? 0}, LookupDeveloperIdentity ${stats.LookupDeveloperIdentity ?? 0}`;
    if (!planned.stdout.includes(`groups = ${pool.groups}`))
      throw new Error(`the data source did not find ${pool.groups} groups:\n${planned.stdout.slice(-2000)}`);
    one.push((await dirs.one.plan()).ms);
  }
  return { list: median(list), one: median(one), calls };
}

/** The seeded pool and the two configurations over it, initialized. */
async function prepare(root: BenchRoot, cognito: BenchEmulator, n: number): Promise<{ pool: Pool; dirs: Dirs }> {
  const { mirrorDir } = installOurProvider(root);
  process.stdout.write(`Seeding a pool of ${n} identities, ${Math.floor(n / GROUP_EVERY)} of them merged groups of 3...\n`);
  const pool = await seedMergedPool(cognito, n);
  const endpoint = cognito.emulator.endpoint;
  const dirs = {
    list: TerraformDir.create(root, 'list', mirrorDir, config(endpoint, listAll(pool))),
    one: TerraformDir.create(root, 'one', mirrorDir, config(endpoint, lookupOne(pool))),
  };
  await dirs.list.init();
  await dirs.one.init();
  return { pool, dirs };
}

function printUnlimited(free: Medians, n: number, rounds: number): void {
  const readMs = Math.max(0, free.list - free.one);
  printTable(
    `terraform plan, no rate limits (median of ${rounds}, interleaved)`,
    ['configuration', 'wall time', 'calls per read'],
    [
      [`merged_identities over ${n} identities`, formatMs(free.list), free.calls],
      ['one developer_identity lookup (start-up alone)', formatMs(free.one), 'LookupDeveloperIdentity 1'],
      ['difference: the read itself', formatMs(readMs), `${(readMs / n).toFixed(2)} ms per identity`],
    ],
  );
}

/** One plan of the list configuration under the rate limits, against the least time they allow plus `startupMs`. */
async function measureLimited(list: TerraformDir, cognito: BenchEmulator, limits: { n: number; rps: number; startupMs: number }): Promise<void> {
  const { n, rps, startupMs } = limits;
  cognito.emulator.setFaults({ rateLimits: { ListIdentities: LIST_RPS, LookupDeveloperIdentity: rps } });
  cognito.emulator.resetStats();
  const limited = await list.plan();
  const stats = cognito.emulator.stats();
  const pages = Math.ceil(n / PAGE);
  // Each token bucket starts full (max(1, rate) tokens); past that, calls go at the rate.
  const floorMs = (Math.max(0, pages - LIST_RPS) / LIST_RPS + Math.max(0, n - rps) / rps) * 1000 + startupMs;
  const calls = Object.values(stats.calls).reduce((a, b) => a + b, 0);
  const throttled = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
  printTable(
    `The same plan under ListIdentities ${LIST_RPS}/s and LookupDeveloperIdentity ${rps}/s`,
    ['wall time', 'least time the limits allow (+ start-up)', 'ratio', 'throttled answers'],
    [
      [
        formatMs(limited.ms),
        formatMs(floorMs),
        formatRatio(limited.ms / floorMs),
        `${throttled} of ${calls} (${((100 * throttled) / Math.max(1, calls)).toFixed(1)} %)`,
      ],
    ],
  );
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['identities', 'rounds', 'rps'], USAGE);
  const n = positiveInt('identities', opts.identities, 1000);
  const rounds = positiveInt('rounds', opts.rounds, 3);
  const rps = positiveInt('rps', opts.rps, 50);
  const root = new BenchRoot('adoption');
  const cognito = await startBenchEmulator();
  try {
    const { pool, dirs } = await prepare(root, cognito, n);
    const free = await interleavedPlans(dirs, rounds, cognito, pool);
    printUnlimited(free, n, rounds);
    await measureLimited(dirs.list, cognito, { n, rps, startupMs: free.one });
  } finally {
    await cognito.stop();
    root.remove();
  }
}

if (require.main === module) runMain('adoption read benchmark', main);
