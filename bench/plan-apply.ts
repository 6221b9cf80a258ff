// Plan and apply benchmark: `terraform plan` and `terraform apply` of N
// merged identities against the emulator, next to the same N built-in
// terraform_data resources, in the same run. `terraform init` is not timed.
// Usage: node dist/bench/plan-apply.js [--sizes 1,100,1000] [--repeats 1] [--sources-per-destination 10]

import { parseOptions, positiveInt, positiveIntList, runMain } from './support/args';
import { checkSourcesPerDestination, mergePairs, seedPool, startBenchEmulator, totalCalls, type BenchEmulator } from './support/cognito-seed';
import { mergedIdentityConfig, terraformDataConfig } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel, median } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/plan-apply.js [--sizes 1,100,1000] [--repeats R] [--sources-per-destination K]';
const GOAL_SIZE = 1000;
const GOAL_APPLY_RATIO = 1.3;

interface Sample {
  planData: number;
  planOurs: number;
  applyData: number;
  applyOurs: number;
  /** Cognito API calls our plan / apply made (terraform_data makes none). */
  planCalls: number;
  applyCalls: number;
}

/** What every sample runs with: the bench root, our provider's mirror and the emulator. */
interface Rig {
  root: BenchRoot;
  mirrorDir: string;
  cognito: BenchEmulator;
}

interface SampleSpec {
  n: number;
  /** Sources per destination. */
  k: number;
  tag: string;
  oursFirst: boolean;
}

/** One side-by-side sample at size n: fresh users, fresh working dirs, both inited before timing. */
async function sample({ root, mirrorDir, cognito }: Rig, { n, k, tag, oursFirst }: SampleSpec): Promise<Sample> {
  const pool = await seedPool(cognito.client, tag, mergePairs(n, k));
  const ours = TerraformDir.create(root, `${tag}-ours`, mirrorDir, mergedIdentityConfig(cognito.emulator.endpoint, pool.poolId, pool.providerName, pool.pairs));
  const data = TerraformDir.create(root, `${tag}-data`, mirrorDir, terraformDataConfig(pool.pairs));
  await ours.init();
  await data.init();

  const pair = async (run: (d: TerraformDir) => Promise<{ ms: number }>): Promise<[number, number]> => {
    if (oursFirst) {
      const o = await run(ours);
      return [(await run(data)).ms, o.ms];
    }
    const d = await run(data);
    return [d.ms, (await run(ours)).ms];
  };
  cognito.emulator.resetStats();
  const [planData, planOurs] = await pair((d) => d.plan());
  const planCalls = totalCalls(cognito.emulator.stats());
  cognito.emulator.resetStats();
  const [applyData, applyOurs] = await pair((d) => d.apply());
  const afterApply = cognito.emulator.stats();

  // The timed apply must have done the work: every merge once, all in state.
  const merged = afterApply.merges;
  if (merged !== n) throw new Error(`size ${n}: the apply made ${merged} merges, expected ${n}`);
  const inState = (await ours.stateList()).length;
  if (inState !== n) throw new Error(`size ${n}: ${inState} merged identities in state after apply, expected ${n}`);
  return { planData, planOurs, applyData, applyOurs, planCalls, applyCalls: totalCalls(afterApply) };
}

/** `repeats` samples at size n, alternating which side runs first; each figure the median of its samples. */
async function medianSample(rig: Rig, n: number, k: number, repeats: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let r = 0; r < repeats; r++) {
    process.stdout.write(`N=${n}: sample ${r + 1}/${repeats} (seeding ${n} merges, ${k} sources per destination)...\n`);
    samples.push(await sample(rig, { n, k, tag: `n${n}r${r}`, oursFirst: r % 2 === 1 }));
  }
  const pick = (f: (s: Sample) => number): number => median(samples.map(f));
  return {
    planData: pick((s) => s.planData),
    planOurs: pick((s) => s.planOurs),
    applyData: pick((s) => s.applyData),
    applyOurs: pick((s) => s.applyOurs),
    planCalls: pick((s) => s.planCalls),
    applyCalls: pick((s) => s.applyCalls),
  };
}

type Result = { n: number; s: Sample };

function printResults(results: readonly Result[], k: number, repeats: number): void {
  const rows = (phase: 'plan' | 'apply'): string[][] =>
    results.map(({ n, s }) => {
      const data = phase === 'plan' ? s.planData : s.applyData;
      const ours = phase === 'plan' ? s.planOurs : s.applyOurs;
      const calls = phase === 'plan' ? s.planCalls : s.applyCalls;
      return [String(n), formatMs(data), formatMs(ours), formatRatio(ours / data), `${((ours - data) / n).toFixed(1)} ms`, (calls / n).toFixed(2)];
    });
  const header = ['N', 'terraform_data', 'merged_identity', 'ours / data', 'overhead per resource', 'Cognito calls per resource'];
  const note = repeats > 1 ? `median of ${repeats} samples` : 'one sample';
  printTable(`terraform plan, wall time (${note}; ${k} sources per destination)`, header, rows('plan'));
  printTable(`terraform apply, wall time (${note}; includes apply's own plan)`, header, rows('apply'));
}

function printGoal(results: readonly Result[]): void {
  const big = results.find((r) => r.n === GOAL_SIZE);
  if (!big) {
    process.stdout.write(`\n(goal: apply of ${GOAL_SIZE} within ${GOAL_APPLY_RATIO}x terraform_data; not checked, size ${GOAL_SIZE} not run)\n`);
    return;
  }
  const ratio = big.s.applyOurs / big.s.applyData;
  printTable(
    'Goal',
    ['goal', 'measured', 'result'],
    [[`apply of ${GOAL_SIZE} within ${GOAL_APPLY_RATIO}x terraform_data`, formatRatio(ratio), goalLabel(ratio <= GOAL_APPLY_RATIO)]],
  );
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['sizes', 'repeats', 'sources-per-destination'], USAGE);
  const sizes = positiveIntList('sizes', opts.sizes, [1, 100, 1000]);
  const repeats = positiveInt('repeats', opts.repeats, 1);
  const k = checkSourcesPerDestination(positiveInt('sources-per-destination', opts['sources-per-destination'], 10));

  const root = new BenchRoot('plan-apply');
  const cognito = await startBenchEmulator();
  try {
    const rig: Rig = { root, mirrorDir: installOurProvider(root).mirrorDir, cognito };
    const results: Result[] = [];
    for (const n of sizes) results.push({ n, s: await medianSample(rig, n, k, repeats) });
    printResults(results, k, repeats);
    printGoal(results);
  } finally {
    await cognito.stop();
    root.remove();
  }
}

if (require.main === module) runMain('plan/apply benchmark', main);
