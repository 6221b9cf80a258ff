// The throttling storm: apply N merges (default 100) while the emulator
// limits MergeDeveloperIdentities and LookupDeveloperIdentity to 5 requests
// per second each, with Terraform's default parallelism (10). Checks that
// every merge lands exactly once, no resource fails and the next plan is
// empty; then compares the apply's wall time with the least time the rate
// limits allow for the calls the emulator let through.
// Usage: node dist/bench/throttle-throughput.js [--n 100] [--rps 5] [--sources-per-destination 10]

import type { EmulatorStats } from '../emulator/src';
import { parseOptions, positiveInt, runMain } from './support/args';
import { checkSourcesPerDestination, mergePairs, seedPool, startBenchEmulator } from './support/cognito-seed';
import { mergedIdentityConfig } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/throttle-throughput.js [--n N] [--rps R] [--sources-per-destination K]  (defaults 100, 5, 10)';
const LIMITED_OPERATIONS = ['MergeDeveloperIdentities', 'LookupDeveloperIdentity'] as const;
const GOAL_RATIO = 1.25;

/** The emulator's token bucket starts full with max(1, rps) tokens (emulator/src/faults.ts). */
function burst(rps: number): number {
  return Math.max(1, rps);
}

/** Seconds the bucket needs to let `succeeded` calls through: the burst is free, the rest come at rps. */
function leastSeconds(succeeded: number, rps: number): number {
  return Math.max(0, succeeded - burst(rps)) / rps;
}

function count(stats: EmulatorStats, kind: 'calls' | 'succeeded' | 'throttled', op: string): number {
  return stats[kind][op] ?? 0;
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['n', 'rps', 'sources-per-destination'], USAGE);
  const n = positiveInt('n', opts.n, 100);
  const rps = positiveInt('rps', opts.rps, 5);
  const k = checkSourcesPerDestination(positiveInt('sources-per-destination', opts['sources-per-destination'], 10));

  const root = new BenchRoot('throttle');
  const cognito = await startBenchEmulator();
  try {
    const { mirrorDir } = installOurProvider(root);
    process.stdout.write(`Seeding ${n} merges (${k} sources per destination)...\n`);
    const pool = await seedPool(cognito.client, `throttle_${n}`, mergePairs(n, k));
    const dir = TerraformDir.create(root, 'throttle', mirrorDir, mergedIdentityConfig(cognito.emulator.endpoint, pool.poolId, pool.providerName, pool.pairs));
    await dir.init();

    // Limits on from here; setting them refills the buckets, so the apply starts with a full burst.
    cognito.emulator.setFaults({ rateLimits: Object.fromEntries(LIMITED_OPERATIONS.map((op) => [op, rps])) });
    cognito.emulator.resetStats();
    process.stdout.write(`terraform apply (parallelism 10) with ${LIMITED_OPERATIONS.join(' and ')} limited to ${rps}/s each...\n`);
    // The runner throws if terraform exits non-zero, i.e. if any resource failed.
    const apply = await dir.apply();
    const stats = cognito.emulator.stats();

    const inState = (await dir.stateList()).length;
    const planEmpty = !(await dir.planHasChanges());
    const checks: [string, string, boolean][] = [
      ['every merge lands exactly once', `${stats.merges} merges for ${n} resources`, stats.merges === n],
      ['zero failed resources', `exit ${apply.code}, ${inState} of ${n} in state`, apply.code === 0 && inState === n],
      ['next plan empty', planEmpty ? 'no changes' : 'changes planned', planEmpty],
    ];

    const lowerBound = Math.max(...LIMITED_OPERATIONS.map((op) => leastSeconds(count(stats, 'succeeded', op), rps)));
    printTable(
      `Apply of ${n} merges under ${rps} requests/s per limited operation (burst ${burst(rps)})`,
      ['operation', 'calls', 'succeeded', 'succeeded per resource', 'throttled', 'least time the limit allows'],
      LIMITED_OPERATIONS.map((op) => [
        op,
        String(count(stats, 'calls', op)),
        String(count(stats, 'succeeded', op)),
        (count(stats, 'succeeded', op) / n).toFixed(2),
        String(count(stats, 'throttled', op)),
        formatMs(leastSeconds(count(stats, 'succeeded', op), rps) * 1000),
      ]),
    );
    printTable('Checks', ['check', 'observed', 'result'], checks.map(([name, seen, ok]) => [name, seen, ok ? 'ok' : 'FAILED']));
    const ratio = lowerBound > 0 ? apply.ms / (lowerBound * 1000) : undefined;
    printTable('Throughput', ['apply wall time', 'least time allowed', 'ratio', `goal <= ${GOAL_RATIO}`], [
      [formatMs(apply.ms), formatMs(lowerBound * 1000), ratio === undefined ? 'n/a (within burst)' : formatRatio(ratio), ratio === undefined ? 'n/a' : goalLabel(ratio <= GOAL_RATIO)],
    ]);

    const failed = checks.filter(([, , ok]) => !ok).map(([name]) => name);
    if (failed.length > 0) throw new Error(`checks failed: ${failed.join('; ')}`);
  } finally {
    await cognito.stop();
    root.remove();
  }
}

if (require.main === module) runMain('throttle benchmark', main);
