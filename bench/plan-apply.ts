// Plan and apply benchmark: `terraform plan` and `terraform apply` of N
// merged identities against the emulator, next to the same N built-in
// terraform_data resources and N identity pools of the Go hashicorp/aws
// provider (against an emulator of their own: an account holds at most 1000
// pools), in the same run. `terraform init` is not timed.
// Usage: node dist/bench/plan-apply.js [--sizes 1,100,1000] [--repeats 1] [--sources-per-destination 10]

import { findAwsProviderMirror } from '../examples/demo/aws-provider-mirror';
import { filesystemMirror } from '../examples/demo/terraform-sandbox';
import { parseOptions, positiveInt, positiveIntList, runMain } from './support/args';
import { checkSourcesPerDestination, mergePairs, seedPool, startBenchEmulator, totalCalls, type BenchEmulator } from './support/cognito-seed';
import { awsIdentityPoolsConfig, mergedIdentityConfig, terraformDataConfig } from './support/merge-config';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel, median } from './support/timing';
import { BenchRoot, installOurProvider, TerraformDir } from './support/workspace';

const USAGE = 'Usage: node dist/bench/plan-apply.js [--sizes 1,100,1000] [--repeats R] [--sources-per-destination K]';
const GOAL_SIZE = 1000;
const GOAL_APPLY_RATIO = 1.3;

const SIDES = ['data', 'ours', 'go'] as const;
type Side = (typeof SIDES)[number];
type Phase = 'plan' | 'apply';

/** Wall time (ms) and Cognito API calls of one side in one phase (terraform_data makes no calls). */
interface Figure {
  ms: number;
  calls: number;
}
type Sample = Record<Phase, Record<Side, Figure>>;

/** What every sample runs with: the bench root, the two mirrors and our emulator. */
interface Rig {
  root: BenchRoot;
  mirrorDir: string;
  awsMirrorDir: string;
  cognito: BenchEmulator;
}

interface SampleSpec {
  n: number;
  /** Sources per destination. */
  k: number;
  tag: string;
  /** Which side runs first; the others follow in SIDES order. */
  first: number;
}

/** The three working dirs of one sample, and the Go side's own emulator. */
interface Dirs {
  dirs: Record<Side, TerraformDir>;
  goCognito: BenchEmulator;
}

async function prepare(rig: Rig, { n, k, tag }: SampleSpec, goCognito: BenchEmulator): Promise<Dirs> {
  const { root, mirrorDir, awsMirrorDir, cognito } = rig;
  const pool = await seedPool(cognito.client, tag, mergePairs(n, k));
  const ourConfig = mergedIdentityConfig(cognito.emulator.endpoint, pool.poolId, pool.providerName, pool.pairs);
  const awsMirror = [filesystemMirror(awsMirrorDir, 'registry.terraform.io/hashicorp/aws')];
  const dirs: Record<Side, TerraformDir> = {
    ours: TerraformDir.create(root, `${tag}-ours`, mirrorDir, ourConfig),
    data: TerraformDir.create(root, `${tag}-data`, mirrorDir, terraformDataConfig(pool.pairs)),
    go: TerraformDir.withMirrors(root, `${tag}-go`, awsMirror, awsIdentityPoolsConfig(goCognito.emulator.endpoint, pool.pairs)),
  };
  for (const side of SIDES) await dirs[side].init();
  return { dirs, goCognito };
}

/** Runs one phase on every side in turn, starting at `first`; calls counted by each side's emulator. */
async function phase({ dirs, goCognito }: Dirs, cognito: BenchEmulator, run: (d: TerraformDir) => Promise<{ ms: number }>, first: number) {
  cognito.emulator.resetStats();
  goCognito.emulator.resetStats();
  const ms: Partial<Record<Side, number>> = {};
  for (let i = 0; i < SIDES.length; i++) {
    const side = SIDES[(first + i) % SIDES.length] as Side;
    ms[side] = (await run(dirs[side])).ms;
  }
  const ours = cognito.emulator.stats();
  const go = goCognito.emulator.stats();
  const figures: Record<Side, Figure> = {
    data: { ms: ms.data ?? NaN, calls: 0 },
    ours: { ms: ms.ours ?? NaN, calls: totalCalls(ours) },
    go: { ms: ms.go ?? NaN, calls: totalCalls(go) },
  };
  return { figures, ours, go };
}

/** One side-by-side sample at size n: fresh users, fresh working dirs, all inited before timing. */
async function sample(rig: Rig, spec: SampleSpec): Promise<Sample> {
  const goCognito = await startBenchEmulator();
  try {
    const dirs = await prepare(rig, spec, goCognito);
    const plan = await phase(dirs, rig.cognito, (d) => d.plan(), spec.first);
    const apply = await phase(dirs, rig.cognito, (d) => d.apply(), spec.first);
    await checkApplied(dirs, spec.n, apply);
    return { plan: plan.figures, apply: apply.figures };
  } finally {
    await goCognito.stop();
  }
}

/** The timed applies must have done the work: every merge once and every pool created, all in state. */
async function checkApplied({ dirs }: Dirs, n: number, apply: Awaited<ReturnType<typeof phase>>): Promise<void> {
  const created = apply.go.calls['CreateIdentityPool'] ?? 0;
  const found = { merges: apply.ours.merges, 'pools created': created };
  for (const [what, count] of Object.entries(found)) {
    if (count !== n) throw new Error(`size ${n}: the apply made ${count} ${what}, expected ${n}`);
  }
  for (const side of ['ours', 'go'] as const) {
    const inState = (await dirs[side].stateList()).length;
    if (inState !== n) throw new Error(`size ${n}: ${inState} resources in ${side}'s state after apply, expected ${n}`);
  }
}

/** `repeats` samples at size n, rotating which side runs first; each figure the median of its samples. */
async function medianSample(rig: Rig, n: number, k: number, repeats: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let r = 0; r < repeats; r++) {
    process.stdout.write(`N=${n}: sample ${r + 1}/${repeats} (seeding ${n} merges, ${k} sources per destination)...\n`);
    samples.push(await sample(rig, { n, k, tag: `n${n}r${r}`, first: r % SIDES.length }));
  }
  const pick = (p: Phase, side: Side): Figure => ({ ms: median(samples.map((s) => s[p][side].ms)), calls: median(samples.map((s) => s[p][side].calls)) });
  const of = (p: Phase) => ({ data: pick(p, 'data'), ours: pick(p, 'ours'), go: pick(p, 'go') });
  return { plan: of('plan'), apply: of('apply') };
}

type Result = { n: number; s: Sample };

function printResults(results: readonly Result[], k: number, repeats: number): void {
  const rows = (p: Phase): string[][] =>
    results.map(({ n, s }) => {
      const { data, ours, go } = s[p];
      const perResource = (f: Figure) => (f.calls / n).toFixed(2);
      return [
        String(n),
        formatMs(data.ms),
        formatMs(ours.ms),
        formatMs(go.ms),
        formatRatio(ours.ms / data.ms),
        formatRatio(go.ms / data.ms),
        formatRatio(ours.ms / go.ms),
        perResource(ours),
        perResource(go),
      ];
    });
  const header = [
    'N',
    'terraform_data',
    'merged_identity',
    'aws pools (Go)',
    'ours / data',
    'Go / data',
    'ours / Go',
    'our calls per resource',
    'Go calls per resource',
  ];
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
  const { data, ours, go } = big.s.apply;
  const ratio = ours.ms / data.ms;
  printTable(
    'Goal',
    ['goal', 'measured', 'result', 'the Go provider, same run'],
    [
      [
        `apply of ${GOAL_SIZE} within ${GOAL_APPLY_RATIO}x terraform_data`,
        formatRatio(ratio),
        goalLabel(ratio <= GOAL_APPLY_RATIO),
        formatRatio(go.ms / data.ms),
      ],
    ],
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
    const rig: Rig = { root, mirrorDir: installOurProvider(root).mirrorDir, awsMirrorDir: findAwsProviderMirror(), cognito };
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
