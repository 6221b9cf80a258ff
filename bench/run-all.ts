// `npm run bench`: every benchmark in sequence, each in its own Node process
// (so one's memory, emulator and timers cannot affect the next), printing
// its own tables. `--quick` runs small sizes, for a smoke test.
// Usage: node dist/bench/run-all.js [--quick]

import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { printTable } from './support/table';
import { formatMs, nowMs } from './support/timing';

const USAGE = 'Usage: node dist/bench/run-all.js [--quick]';

interface Benchmark {
  script: string;
  full: string[];
  quick: string[];
}

const BENCHMARKS: readonly Benchmark[] = [
  { script: 'launch.js', full: [], quick: ['--launches', '5'] },
  { script: 'plan-apply.js', full: [], quick: ['--sizes', '1,10'] },
  { script: 'refresh-cost.js', full: [], quick: ['--n', '20'] },
  { script: 'throttle-throughput.js', full: [], quick: ['--n', '20'] },
  { script: 'adoption-read.js', full: [], quick: ['--identities', '100', '--rounds', '1'] },
];

function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    // Run from the temp dir, so nothing a benchmark or Terraform writes lands in the checkout.
    const child = spawn(process.execPath, [path.join(__dirname, script), ...args], { cwd: os.tmpdir(), stdio: 'inherit' });
    child.on('error', (err) => {
      process.stderr.write(`cannot start ${script}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.some((a) => a !== '--quick')) {
    process.stderr.write(`unknown argument(s): ${argv.filter((a) => a !== '--quick').join(' ')}\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const quick = argv.includes('--quick');
  const summary: string[][] = [];
  for (const b of BENCHMARKS) {
    const args = quick ? b.quick : b.full;
    process.stdout.write(`\n=== ${b.script.replace(/\.js$/, '')} ${args.join(' ')}\n`);
    const start = nowMs();
    const code = await run(b.script, args);
    summary.push([b.script.replace(/\.js$/, ''), code === 0 ? 'finished' : `FAILED (exit ${code})`, formatMs(nowMs() - start)]);
  }
  printTable('Benchmarks run', ['benchmark', 'outcome', 'took'], summary);
  if (summary.some(([, outcome]) => outcome !== 'finished')) process.exitCode = 1;
}

void main();
