// Provider launch benchmark: spawn to the first stdout line (the handshake),
// and peak memory, side by side in one run (rounds interleave the subjects,
// in rotating order), all in the same clean environment:
//   - ours as released: the linux_amd64 single executable (`npm run release`);
//   - ours through the development launcher (sh + this machine's node + bundle);
//   - the Go hashicorp/aws provider from the machine's filesystem mirror;
//   - `node -e "console.log(1)"`, Node's own start (it then idles, so its memory can be read);
//   - ours as released and Node's own start again, with NODE_EXTRA_CA_CERTS set;
// and, for the three providers, spawn to the first gRPC answer (the handshake can come earlier).
// Usage: node dist/bench/launch.js [--launches 20]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findAwsProviderMirror, AWS_PROVIDER_VERSION } from '../examples/demo/aws-provider-mirror';
import { PROVIDER_VERSION } from '../provider/src/provider-address';
import { seaBundlePath } from '../provider/src/release/package-zip';
import { buildExecutable } from '../provider/src/release/sea';
import { executableName, targetFor } from '../provider/src/release/targets';
import { zipOneFile } from '../provider/src/release/zip';
import { parseOptions, positiveInt, runMain } from './support/args';
import { generateClientCertificate } from '../examples/demo/go-plugin-certificate';
import { measureFirstAnswer, measureLaunch, pluginEnvironment, type LaunchMeasurement } from './support/plugin-process';
import { printTable } from './support/table';
import { formatMs, formatRatio, goalLabel, median } from './support/timing';
import { BenchRoot, installOurProvider } from './support/workspace';

const USAGE = 'Usage: node dist/bench/launch.js [--launches N]  (default 20)';
const GOAL_RATIO = 1.6;
const GOAL_MIB = 70;
const NODE_START = ['-e', 'console.log(1); setInterval(() => {}, 1000)'];
const EXTRA_CA_FILE = '/etc/ssl/certs/ca-certificates.crt';

interface Subject {
  name: string;
  executable: string;
  args?: readonly string[];
  extraCa?: boolean;
}

function awsProviderExecutable(): string {
  const mirror = findAwsProviderMirror();
  const dir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION, 'linux_amd64');
  const binary = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.startsWith('terraform-provider-aws')) : undefined;
  if (!binary) throw new Error(`no terraform-provider-aws executable in ${dir}`);
  return path.join(dir, binary);
}

/** The release executable for this machine, built as `npm run release` builds it; and its zip's size. */
async function releaseExecutable(root: BenchRoot): Promise<{ executable: string; exeBytes: number; zipBytes: number }> {
  const bundle = seaBundlePath(path.resolve(__dirname, '..', 'provider')); // dist/bench -> dist/provider
  const workDir = root.subdir('release-work');
  const target = targetFor('linux_amd64');
  const executable = path.join(root.subdir('release'), executableName(PROVIDER_VERSION, target));
  const bytes = await buildExecutable({ target, bundle, workDir }, executable);
  // The release zips exactly these bytes (package-zip.ts), so its size is this zip's.
  const zip = zipOneFile(executableName(PROVIDER_VERSION, target), bytes);
  return { executable, exeBytes: bytes.length, zipBytes: zip.length };
}

interface Summary {
  name: string;
  medianMs: number;
  medianMiB: number;
}

function summarise(name: string, runs: readonly LaunchMeasurement[]): Summary {
  return { name, medianMs: median(runs.map((r) => r.handshakeMs)), medianMiB: median(runs.map((r) => r.peakRssKiB / 1024)) };
}

/**
 * Runs `measure` once per subject as a warm-up, then `launches` rounds in
 * which every subject runs once, in rotating order so no subject always runs
 * first after a pause.
 */
async function interleaved<T>(subjects: readonly Subject[], launches: number, measure: (s: Subject) => Promise<T>): Promise<Map<string, T[]>> {
  for (const s of subjects) await measure(s); // warm-up
  const runs = new Map<string, T[]>(subjects.map((s) => [s.name, []]));
  for (let round = 0; round < launches; round++) {
    const start = round % subjects.length;
    for (const s of [...subjects.slice(start), ...subjects.slice(0, start)]) {
      runs.get(s.name)?.push(await measure(s));
    }
  }
  return runs;
}

async function measureAll(subjects: readonly Subject[], launches: number, env: NodeJS.ProcessEnv): Promise<Map<string, Summary>> {
  const envOf = (s: Subject): NodeJS.ProcessEnv => (s.extraCa ? { ...env, NODE_EXTRA_CA_CERTS: EXTRA_CA_FILE } : env);
  const runs = await interleaved(subjects, launches, (s) => measureLaunch(s.executable, envOf(s), s.args));
  return new Map(subjects.map((s) => [s.name, summarise(s.name, runs.get(s.name) ?? [])]));
}

/** Medians of spawn-to-first-answer, interleaved like measureAll. */
async function measureFirstAnswers(
  subjects: readonly Subject[],
  launches: number,
  env: NodeJS.ProcessEnv,
  clientCert: Awaited<ReturnType<typeof generateClientCertificate>>,
): Promise<Map<string, number>> {
  const runs = await interleaved(subjects, launches, (s) => measureFirstAnswer(s.executable, env, clientCert));
  return new Map(subjects.map((s) => [s.name, median(runs.get(s.name) ?? [])]));
}

type Release = Awaited<ReturnType<typeof releaseExecutable>>;
type SubjectKey = 'ours' | 'dev' | 'aws' | 'node' | 'oursCa' | 'nodeCa';
/** The order of the tables and of the launches; the first three are the providers. */
const ORDER: readonly SubjectKey[] = ['ours', 'dev', 'aws', 'node', 'oursCa', 'nodeCa'];

function subjectsOf(root: BenchRoot, release: Release): Record<SubjectKey, Subject> {
  return {
    ours: { name: 'ours, release executable', executable: release.executable },
    dev: { name: 'ours, development launcher', executable: installOurProvider(root).launcher },
    aws: { name: `hashicorp/aws ${AWS_PROVIDER_VERSION} (Go)`, executable: awsProviderExecutable() },
    node: { name: 'node -e "console.log(1)"', executable: process.execPath, args: NODE_START },
    oursCa: { name: 'ours, release executable, NODE_EXTRA_CA_CERTS', executable: release.executable, extraCa: true },
    nodeCa: { name: 'node -e, NODE_EXTRA_CA_CERTS', executable: process.execPath, args: NODE_START, extraCa: true },
  };
}

function summariesOf(named: Record<SubjectKey, Subject>, s: Map<string, Summary>): Record<SubjectKey, Summary> {
  const get = ({ name }: Subject): Summary => s.get(name) ?? { name, medianMs: NaN, medianMiB: NaN };
  return { ours: get(named.ours), dev: get(named.dev), aws: get(named.aws), node: get(named.node), oursCa: get(named.oursCa), nodeCa: get(named.nodeCa) };
}

function printLaunches(s: Record<SubjectKey, Summary>, launches: number): void {
  const { ours, dev, aws, node, oursCa, nodeCa } = s;
  printTable(
    `Launch: spawn to first stdout line, median of ${launches}; peak RSS (VmHWM) right after it`,
    ['subject', 'median launch', 'median peak RSS'],
    ORDER.map((k) => s[k]).map((x) => [x.name, formatMs(x.medianMs), `${x.medianMiB.toFixed(1)} MiB`]),
  );
  printTable(
    'Ratios (release executable / anchor)',
    ['anchor', 'launch time', 'peak RSS'],
    [
      [node.name, formatRatio(ours.medianMs / node.medianMs), formatRatio(ours.medianMiB / node.medianMiB)],
      [aws.name, formatRatio(ours.medianMs / aws.medianMs), formatRatio(ours.medianMiB / aws.medianMiB)],
      [dev.name, formatRatio(ours.medianMs / dev.medianMs), formatRatio(ours.medianMiB / dev.medianMiB)],
    ],
  );
  printTable(
    'NODE_EXTRA_CA_CERTS (the system bundle) costs per start',
    ['subject', 'added'],
    [
      [ours.name, formatMs(oursCa.medianMs - ours.medianMs)],
      [node.name, formatMs(nodeCa.medianMs - node.medianMs)],
    ],
  );
}

function printFirstAnswers(answers: Map<string, number>, named: Record<SubjectKey, Subject>, launches: number): void {
  printTable(
    `Spawn to the first gRPC answer (handshake, mTLS connection, health check), median of ${launches}`,
    ['subject', 'median'],
    [
      ...[named.ours, named.dev, named.aws].map((x) => [x.name, formatMs(answers.get(x.name) ?? NaN)]),
      ['release executable / Go provider', formatRatio((answers.get(named.ours.name) ?? NaN) / (answers.get(named.aws.name) ?? NaN))],
    ],
  );
}

function printGoals({ ours, node }: Record<SubjectKey, Summary>, release: Release): void {
  printTable(
    'Goals for the release executable',
    ['goal', 'measured', 'result'],
    [
      [`launch <= ${GOAL_RATIO}x node -e`, formatRatio(ours.medianMs / node.medianMs), goalLabel(ours.medianMs <= GOAL_RATIO * node.medianMs)],
      [`peak RSS <= ${GOAL_MIB} MiB`, `${ours.medianMiB.toFixed(1)} MiB`, goalLabel(ours.medianMiB <= GOAL_MIB)],
      ['executable size', `${(release.exeBytes / 2 ** 20).toFixed(1)} MiB`, '-'],
      ['zip size', `${(release.zipBytes / 2 ** 20).toFixed(1)} MiB`, '-'],
    ],
  );
}

export async function main(argv: string[]): Promise<void> {
  const opts = parseOptions(argv, ['launches'], USAGE);
  const launches = positiveInt('launches', opts.launches, 20);
  const root = new BenchRoot('launch');
  try {
    const release = await releaseExecutable(root);
    const named = subjectsOf(root, release);
    const subjects = ORDER.map((k) => named[k]);
    const clientCert = await generateClientCertificate();
    const env = pluginEnvironment(clientCert.certPem, root.subdir('tmp'));
    process.stdout.write(`Launching each subject ${launches} times (plus one warm-up each), interleaved...\n`);
    const summaries = summariesOf(named, await measureAll(subjects, launches, env));
    printLaunches(summaries, launches);
    const answers = await measureFirstAnswers([named.ours, named.dev, named.aws], launches, env, clientCert);
    printFirstAnswers(answers, named, launches);
    printGoals(summaries, release);
  } finally {
    root.remove();
  }
}

if (require.main === module) runMain('launch benchmark', main);
