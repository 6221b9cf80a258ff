// Provider launch benchmark: spawn to handshake line, and peak memory, for
// three plugins started exactly as Terraform starts them, side by side in
// one run (rounds interleave the three, in rotating order):
//   - ours, through the launcher script the installer puts in the mirror;
//   - the Go hashicorp/aws provider from the machine's filesystem mirror;
//   - a minimal Node gRPC plugin (bench/fixtures/minimal-grpc-server), the
//     floor for any Node plugin, behind the same kind of launcher script.
// Usage: node dist/bench/launch.js [--launches 20]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findAwsProviderMirror, AWS_PROVIDER_VERSION } from '../examples/demo/aws-provider-mirror';
import { launcherScript } from '../provider/src/install';
import { parseOptions, positiveInt, runMain } from './support/args';
import { generateClientCertificate } from '../test/support/go-plugin-certificate';
import { measureLaunch, pluginEnvironment, type LaunchMeasurement } from './support/plugin-process';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel, median } from './support/timing';
import { BenchRoot, installOurProvider } from './support/workspace';

const USAGE = 'Usage: node dist/bench/launch.js [--launches N]  (default 20)';
const GOAL_MS = 150;
const GOAL_MIB = 70;

interface Subject {
  name: string;
  executable: string;
}

function awsProviderExecutable(): string {
  const mirror = findAwsProviderMirror();
  const dir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION, 'linux_amd64');
  const binary = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.startsWith('terraform-provider-aws')) : undefined;
  if (!binary) throw new Error(`no terraform-provider-aws executable in ${dir}`);
  return path.join(dir, binary);
}

/** The anchor behind a launcher like ours, so the comparison isolates what the Node code does. */
function minimalAnchorLauncher(root: BenchRoot): string {
  const entry = path.join(__dirname, 'fixtures', 'minimal-grpc-server.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is not built (run \`npm run build\`)`);
  const launcher = path.join(root.subdir('anchor'), 'minimal-grpc-plugin');
  fs.writeFileSync(launcher, launcherScript(process.execPath, entry), { mode: 0o755 });
  return launcher;
}

interface Summary {
  name: string;
  medianMs: number;
  medianMiB: number;
  maxMiB: number;
  protocol: string;
  process: string;
}

function summarise(name: string, runs: readonly LaunchMeasurement[]): Summary {
  const mib = runs.map((r) => r.peakRssKiB / 1024);
  return {
    name,
    medianMs: median(runs.map((r) => r.handshakeMs)),
    medianMiB: median(mib),
    maxMiB: Math.max(...mib),
    protocol: runs[0].handshakeLine.split('|')[1] ?? '?',
    process: [...new Set(runs.map((r) => r.processName))].join(', '),
  };
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['launches'], USAGE);
  const launches = positiveInt('launches', opts.launches, 20);
  const root = new BenchRoot('launch');
  try {
    const subjects: Subject[] = [
      { name: 'cognitoidentity (ours)', executable: installOurProvider(root).launcher },
      { name: `hashicorp/aws ${AWS_PROVIDER_VERSION} (Go)`, executable: awsProviderExecutable() },
      { name: 'minimal Node gRPC plugin', executable: minimalAnchorLauncher(root) },
    ];
    const env = pluginEnvironment((await generateClientCertificate()).certPem, root.subdir('tmp'));
    process.stdout.write(`Launching each plugin ${launches} times (plus one warm-up each), interleaved...\n`);
    for (const s of subjects) await measureLaunch(s.executable, env);

    const runs = new Map<string, LaunchMeasurement[]>(subjects.map((s) => [s.name, []]));
    for (let round = 0; round < launches; round++) {
      // Rotate the order so no subject always runs first after a pause.
      for (let i = 0; i < subjects.length; i++) {
        const s = subjects[(round + i) % subjects.length];
        runs.get(s.name)!.push(await measureLaunch(s.executable, env));
      }
    }

    const [ours, aws, anchor] = subjects.map((s) => summarise(s.name, runs.get(s.name)!));
    printTable(
      `Provider launch: spawn to handshake line, median of ${launches}; peak RSS (VmHWM) right after the handshake`,
      ['plugin', 'measured process', 'protocol', 'median launch', 'median peak RSS', 'max peak RSS'],
      [ours, aws, anchor].map((s) => [s.name, s.process, s.protocol, formatMs(s.medianMs), `${s.medianMiB.toFixed(1)} MiB`, `${s.maxMiB.toFixed(1)} MiB`]),
    );
    printTable('Ratios (ours / anchor)', ['anchor', 'launch time', 'peak RSS'], [
      [aws.name, formatRatio(ours.medianMs / aws.medianMs), formatRatio(ours.medianMiB / aws.medianMiB)],
      [anchor.name, formatRatio(ours.medianMs / anchor.medianMs), formatRatio(ours.medianMiB / anchor.medianMiB)],
    ]);
    printTable('Goals for ours', ['goal', 'measured', 'result'], [
      [`launch <= ${GOAL_MS} ms`, formatMs(ours.medianMs), goalLabel(ours.medianMs <= GOAL_MS)],
      [`peak RSS <= ${GOAL_MIB} MiB`, `${ours.medianMiB.toFixed(1)} MiB`, goalLabel(ours.medianMiB <= GOAL_MIB)],
    ]);
  } finally {
    root.remove();
  }
}

if (require.main === module) runMain('launch benchmark', main);
