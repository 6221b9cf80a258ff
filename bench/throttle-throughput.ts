// Merges at the pace Cognito's quotas allow: one `terraform apply` (plan and
// apply) of N merges while the emulator limits MergeDeveloperIdentities,
// LookupDeveloperIdentity and DescribeIdentity to `rps` requests per second
// each, at Terraform's default parallelism (10, or --parallelism). Checks that every merge lands
// exactly once and the next plan is empty, then compares the wall time with
// the floor of issue 14: the least time the quota allows for the lookups a
// checked merge needs, 2 (N + N/k) / rps (plan: one per source and one per
// destination; apply: one re-check per resource and one read-back per
// destination). Merges use their own quota, in parallel.
//
// Usage: node dist/bench/throttle-throughput.js [--n 100] [--rps 5] [--sources-per-destination 10] [--parallelism 10]
//   Without --sources-per-destination it runs k = 10 and k = 1 (pairs) side by side;
//   --large N adds N merges (k = 10) at 20 requests per second (the issue's N = 1000 run).

import type { EmulatorStats } from '../emulator/src';
import { parseOptions, positiveInt, runMain } from './support/args';
import { checkSourcesPerDestination, mergePairs, seedPool, startBenchEmulator, totalCalls } from './support/cognito-seed';
import { mergedIdentityConfig } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/throttle-throughput.js [--n N] [--rps R] [--sources-per-destination K] [--large N] [--parallelism P]';
const LIMITED_OPERATIONS = ['MergeDeveloperIdentities', 'LookupDeveloperIdentity', 'DescribeIdentity'] as const;
/** Terraform's own default for -parallelism. */
const DEFAULT_PARALLELISM = 10;
const GOALS = { ratio: 1.25, throttledShare: 0.1, lookupsFanIn: 2.4, lookupsPairs: 3.2 };

interface Scenario {
  n: number;
  k: number;
  rps: number;
  /** Terraform's -parallelism (its default is 10). */
  parallelism: number;
}

interface Outcome {
  scenario: Scenario;
  wallMs: number;
  floorMs: number;
  lookupsPerResource: number;
  throttledShare: number;
  stats: EmulatorStats;
  failures: string[];
}

/** The issue's floor: the lookups a checked merge needs, at the quota. */
export function floorMs({ n, k, rps }: Scenario): number {
  return ((2 * (n + n / k)) / rps) * 1000;
}

/**
 * Lookups per resource, in the floor's count and in that count with a check of
 * the destination before every merge: plan 1 + 1/k; apply one read of the source, one of the
 * destination (plan shows its identity and users, so apply checks them too)
 * and 1/k read-backs. Reads shared between merges can only bring the second below.
 */
function lookupCounts(k: number): { floor: number; withDestinationChecks: number } {
  return { floor: 2 * (1 + 1 / k), withDestinationChecks: 1 + 1 / k + 2 + 1 / k };
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

async function runScenario(root: BenchRoot, mirrorDir: string, s: Scenario): Promise<Outcome> {
  const cognito = await startBenchEmulator();
  try {
    process.stdout.write(`\nN = ${s.n}, k = ${s.k}, ${s.rps}/s: seeding...\n`);
    const pool = await seedPool(cognito.client, `throttle_${s.n}_${s.k}`, mergePairs(s.n, s.k));
    const dir = TerraformDir.create(
      root,
      `throttle-${s.n}-${s.k}`,
      mirrorDir,
      mergedIdentityConfig(cognito.emulator.endpoint, pool.poolId, pool.providerName, pool.pairs),
    );
    await dir.init();
    // Limits on from here; setting them refills the buckets, so the run starts with a full burst.
    cognito.emulator.setFaults({ rateLimits: Object.fromEntries(LIMITED_OPERATIONS.map((op) => [op, s.rps])) });
    cognito.emulator.resetStats();
    process.stdout.write(`terraform apply (parallelism ${s.parallelism}), ${LIMITED_OPERATIONS.join(', ')} at ${s.rps}/s each...\n`);
    // The runner throws if terraform exits non-zero, i.e. if any resource failed.
    const apply = await dir.apply(`-parallelism=${s.parallelism}`);
    const stats = cognito.emulator.stats();
    const inState = (await dir.stateList()).length;
    const planEmpty = !(await dir.planHasChanges());
    const failures = [
      stats.merges === s.n ? '' : `${stats.merges} merges for ${s.n} resources`,
      inState === s.n ? '' : `${inState} of ${s.n} in state`,
      planEmpty ? '' : 'next plan not empty',
    ].filter((f) => f !== '');
    return {
      scenario: s,
      wallMs: apply.ms,
      floorMs: floorMs(s),
      lookupsPerResource: (stats.succeeded['LookupDeveloperIdentity'] ?? 0) / s.n,
      throttledShare: sum(stats.throttled) / Math.max(1, totalCalls(stats)),
      stats,
      failures,
    };
  } finally {
    await cognito.stop();
  }
}

function report(outcomes: Outcome[]): void {
  printTable(
    'Calls per operation (all answers / throttled)',
    ['scenario', ...LIMITED_OPERATIONS],
    outcomes.map((o) => [label(o.scenario), ...LIMITED_OPERATIONS.map((op) => `${o.stats.calls[op] ?? 0} / ${o.stats.throttled[op] ?? 0}`)]),
  );
  printTable(
    'One terraform apply (plan and apply) against the floor 2 (N + N/k) / rps',
    [
      'scenario',
      'wall',
      'floor',
      'ratio',
      `goal <= ${GOALS.ratio}`,
      'lookups per resource',
      'goal',
      "the floor's count / with a destination check per merge",
      'throttled share',
      `goal <= ${GOALS.throttledShare * 100} %`,
      'checks',
    ],
    outcomes.map((o) => {
      const ratio = o.wallMs / o.floorMs;
      const lookupGoal = o.scenario.k === 1 ? GOALS.lookupsPairs : GOALS.lookupsFanIn;
      return [
        label(o.scenario),
        formatMs(o.wallMs),
        formatMs(o.floorMs),
        formatRatio(ratio),
        goalLabel(ratio <= GOALS.ratio),
        o.lookupsPerResource.toFixed(2),
        `${goalLabel(o.lookupsPerResource <= lookupGoal)} (<= ${lookupGoal})`,
        `${lookupCounts(o.scenario.k).floor.toFixed(2)} / ${lookupCounts(o.scenario.k).withDestinationChecks.toFixed(2)}`,
        `${(o.throttledShare * 100).toFixed(1)} %`,
        goalLabel(o.throttledShare <= GOALS.throttledShare),
        o.failures.length === 0 ? 'every merge once, next plan empty' : `FAILED: ${o.failures.join('; ')}`,
      ];
    }),
  );
}

const label = (s: Scenario): string => `N = ${s.n}, k = ${s.k}, ${s.rps}/s${s.parallelism === DEFAULT_PARALLELISM ? '' : `, -parallelism=${s.parallelism}`}`;

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['n', 'rps', 'sources-per-destination', 'large', 'parallelism'], USAGE);
  const parallelism = positiveInt('parallelism', opts.parallelism, DEFAULT_PARALLELISM);
  const n = positiveInt('n', opts.n, 100);
  const rps = positiveInt('rps', opts.rps, 5);
  const ks =
    opts['sources-per-destination'] === undefined
      ? [10, 1]
      : [checkSourcesPerDestination(positiveInt('sources-per-destination', opts['sources-per-destination'], 10))];
  const scenarios: Scenario[] = ks.map((k) => ({ n, k, rps, parallelism }));
  if (opts.large !== undefined) scenarios.push({ n: positiveInt('large', opts.large, 1000), k: 10, rps: 20, parallelism });

  const root = new BenchRoot('throttle');
  try {
    const { mirrorDir } = installOurProvider(root);
    const outcomes: Outcome[] = [];
    for (const s of scenarios) {
      outcomes.push(await runScenario(root, mirrorDir, s));
      report(outcomes);
    }
    const failed = outcomes.filter((o) => o.failures.length > 0);
    if (failed.length > 0) throw new Error(`checks failed: ${failed.map((o) => `${label(o.scenario)}: ${o.failures.join('; ')}`).join(' | ')}`);
  } finally {
    root.remove();
  }
}

if (require.main === module) runMain('throttle benchmark', main);
