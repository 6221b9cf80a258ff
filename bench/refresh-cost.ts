// Refresh cost: Cognito API calls a no-change `terraform plan` makes per
// merged identity. N merges are applied, the emulator's counters are reset,
// and the plan (which refreshes every resource) runs; its calls are counted
// by the emulator. Measured with many sources per destination (the goal) and
// with one source per destination for contrast.
// Usage: node dist/bench/refresh-cost.js [--n 100] [--sources-per-destination 10]

import { parseOptions, positiveInt, runMain } from './support/args';
import { checkSourcesPerDestination, mergePairs, seedPool, startBenchEmulator, totalCalls, type BenchEmulator } from './support/cognito-seed';
import { mergedIdentityConfig } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, goalLabel, timed } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/refresh-cost.js [--n N] [--sources-per-destination K]  (defaults 100 and 10)';
const GOAL_CALLS_PER_RESOURCE = 1.1;

interface RefreshCost {
  k: number;
  destinations: number;
  calls: number;
  byOperation: string;
  planMs: number;
}

/** What every measurement runs with: the bench root, our provider's mirror and the emulator. */
interface Rig {
  root: BenchRoot;
  mirrorDir: string;
  cognito: BenchEmulator;
}

async function measure({ root, mirrorDir, cognito }: Rig, n: number, k: number): Promise<RefreshCost> {
  process.stdout.write(`N=${n}, ${k} source(s) per destination: seeding and applying...\n`);
  const pool = await seedPool(cognito.client, `refresh_${n}_${k}`, mergePairs(n, k));
  const dir = TerraformDir.create(root, `refresh-${k}`, mirrorDir, mergedIdentityConfig(cognito.emulator.endpoint, pool.poolId, pool.providerName, pool.pairs));
  await dir.init();
  await dir.apply();

  cognito.emulator.resetStats();
  const { result: changed, ms: planMs } = await timed(() => dir.planHasChanges());
  if (changed) throw new Error(`${k} source(s) per destination: the plan after apply is not empty`);
  const stats = cognito.emulator.stats();
  const byOperation = Object.entries(stats.calls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, count]) => `${op} ${count}`)
    .join(', ');
  return { k, destinations: new Set(pool.pairs.map((p) => p.destination)).size, calls: totalCalls(stats), byOperation: byOperation || 'none', planMs };
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['n', 'sources-per-destination'], USAGE);
  const n = positiveInt('n', opts.n, 100);
  const many = checkSourcesPerDestination(positiveInt('sources-per-destination', opts['sources-per-destination'], 10));

  const root = new BenchRoot('refresh');
  const cognito = await startBenchEmulator();
  try {
    const rig: Rig = { root, mirrorDir: installOurProvider(root).mirrorDir, cognito };
    const primary = await measure(rig, n, many);
    const results = [primary];
    if (many !== 1) results.push(await measure(rig, n, 1));

    printTable(
      `No-change terraform plan of ${n} merged identities: Cognito API calls counted by the emulator`,
      ['sources per destination', 'destinations', 'API calls', 'calls per resource', 'calls by operation', 'plan wall time'],
      results.map((r) => [String(r.k), String(r.destinations), String(r.calls), (r.calls / n).toFixed(2), r.byOperation, formatMs(r.planMs)]),
    );
    const perResource = primary.calls / n;
    printTable(
      'Goal',
      ['goal', 'measured', 'result'],
      [
        [
          `<= ${GOAL_CALLS_PER_RESOURCE} calls per resource (${many} sources per destination)`,
          perResource.toFixed(2),
          goalLabel(perResource <= GOAL_CALLS_PER_RESOURCE),
        ],
      ],
    );
  } finally {
    await cognito.stop();
    root.remove();
  }
}

if (require.main === module) runMain('refresh-cost benchmark', main);
