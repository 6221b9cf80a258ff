/**
 * `cognito-identity-emulator`: runs the emulator until SIGINT/SIGTERM, or until the process that started it exits (unless --keep-running).
 * The endpoint URL is the first line on stdout; everything else goes to stderr.
 * Exit codes: 0 clean stop, 1 cannot start (port taken, bad state file), 2 bad flags.
 */
import { parseArgs } from 'node:util';
import { EmulatorOptionsError, FaultConfigError, operationNames, quotaPreset, startEmulator, StateFileError } from './index';
import { LOGIN_LIMIT_COUNTS, LOOKUP_BY_USER_LISTS, type EmulatorCredentials, type EmulatorOptions, type FaultConfig, type RunningEmulator } from './types';

const USAGE = `Usage: cognito-identity-emulator [options]

Runs a local Amazon Cognito Identity (cognito-identity) emulator on 127.0.0.1.
Prints its endpoint URL as the first line on stdout; logs go to stderr.

Options:
  --port N                    port to listen on (default 0 = any free port)
  --state FILE                load state from FILE and save it there after each change
  --credentials KEY:SECRET    verify SigV4 signatures against this key pair
                              (default: only check that signed operations carry a signature)
  --region R                  region of generated ids and ARNs (default us-east-1)
  --max-body-bytes N          request body cap (default 1048576)
  --login-limit-counts all|public
                              what counts toward a merge's 20 linked logins: public logins
                              and developer user ids (all, default) or public logins only
  --lookup-by-user-lists identity|given
                              what a lookup by user lists: every user of the identity
                              (identity, default) or only the user asked about
  --rate-limit OP=RPS         throttle OP above RPS requests per second (repeatable)
  --quota-preset              apply the published per-operation RPS quotas
  --latency-ms N              delay every answer by N ms
  --internal-error-rate F     answer InternalErrorException with probability F (0..1)
  --drop-rate F               drop the connection without an answer with probability F (0..1)
  --quiet                     no request log on stderr
  --keep-running              keep serving after the process that started it exits
                              (default: stop with it, as after a SIGTERM)
  --help                      show this help

Admin endpoint (not part of the AWS API): GET/PUT /_emulator/faults, GET /_emulator/stats,
POST /_emulator/stats/reset, POST /_emulator/reset.`;

class UsageError extends Error {}

function number(flag: string, text: string, check: (n: number) => boolean, rule: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag}: '${text}' is not ${rule}.`);
  return n;
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  const known = allowed.find((a) => a === text);
  if (known === undefined) throw new UsageError(`--${flag}: '${text}' is not one of ${allowed.join(', ')}.`);
  return known;
}

function credentials(text: string): EmulatorCredentials {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new UsageError('--credentials must be KEY:SECRET (both non-empty).');
  return { accessKeyId: text.slice(0, colon), secretAccessKey: text.slice(colon + 1) };
}

function addRateLimit(entry: string, faults: FaultConfig): void {
  const [op, rps, extra] = entry.split('=');
  if (extra !== undefined || !op || rps === undefined) throw new UsageError(`--rate-limit: '${entry}' must be OP=RPS.`);
  const known = operationNames();
  if (!known.includes(op)) throw new UsageError(`--rate-limit: unknown operation '${op}' (known: ${known.join(', ')}).`);
  faults.rateLimits = { ...faults.rateLimits, [op]: number('rate-limit', rps, (n) => n > 0, 'a positive number') };
}

interface Command {
  options: EmulatorOptions;
  quiet: boolean;
  keepRunning: boolean;
}

/** A Command being built; faults apart so that the flags can add to them without checking they exist. */
interface Draft extends Command {
  faults: FaultConfig;
}

interface Flag {
  name: string;
  type: 'string' | 'boolean';
  multiple?: true;
  short?: string;
  /** Called once per value given (a boolean flag: once, with ''), in table order, so --quota-preset comes before --rate-limit adds to it. */
  apply?: (text: string, draft: Draft) => void;
}

const isFraction = (n: number): boolean => n >= 0 && n <= 1;

const FLAGS: readonly Flag[] = [
  {
    name: 'port',
    type: 'string',
    apply: (t, d) => (d.options.port = number('port', t, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number 0..65535')),
  },
  { name: 'state', type: 'string', apply: (t, d) => (d.options.stateFile = t) },
  { name: 'login-limit-counts', type: 'string', apply: (t, d) => (d.options.loginLimitCounts = oneOf('login-limit-counts', t, LOGIN_LIMIT_COUNTS)) },
  {
    name: 'lookup-by-user-lists',
    type: 'string',
    apply: (t, d) => (d.options.lookupByUserLists = oneOf('lookup-by-user-lists', t, LOOKUP_BY_USER_LISTS)),
  },
  { name: 'region', type: 'string', apply: (t, d) => (d.options.region = t) },
  {
    name: 'max-body-bytes',
    type: 'string',
    apply: (t, d) => (d.options.maxBodyBytes = number('max-body-bytes', t, (n) => Number.isInteger(n) && n > 0, 'a positive integer')),
  },
  { name: 'credentials', type: 'string', apply: (t, d) => (d.options.credentials = credentials(t)) },
  { name: 'quota-preset', type: 'boolean', apply: (_, d) => (d.faults = quotaPreset()) },
  { name: 'rate-limit', type: 'string', multiple: true, apply: (t, d) => addRateLimit(t, d.faults) },
  { name: 'latency-ms', type: 'string', apply: (t, d) => (d.faults.latencyMs = number('latency-ms', t, (n) => n >= 0, 'a number >= 0')) },
  {
    name: 'internal-error-rate',
    type: 'string',
    apply: (t, d) => (d.faults.internalErrorRate = number('internal-error-rate', t, isFraction, 'a number 0..1')),
  },
  { name: 'drop-rate', type: 'string', apply: (t, d) => (d.faults.dropConnectionRate = number('drop-rate', t, isFraction, 'a number 0..1')) },
  { name: 'quiet', type: 'boolean', apply: (_, d) => (d.quiet = true) },
  { name: 'keep-running', type: 'boolean', apply: (_, d) => (d.keepRunning = true) },
  { name: 'help', type: 'boolean', short: 'h' },
];

type Values = ReturnType<typeof parseArgs>['values'];

function parseFlags(argv: string[]): Values {
  // The rest, not { type, multiple, short }: parseArgs rejects a `multiple` or `short` key that is present but undefined.
  const options = Object.fromEntries(FLAGS.map(({ name, apply, ...spec }) => [name, spec]));
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The texts a flag's apply is called with: none if absent, '' for a boolean flag that is set. */
function textsOf(value: Values[string]): string[] {
  if (value === undefined || value === false) return [];
  if (value === true) return [''];
  if (typeof value === 'string') return [value];
  return value.filter((v): v is string => typeof v === 'string');
}

function parseCommandLine(argv: string[]): Command | 'help' {
  const values = parseFlags(argv);
  if (values.help) return 'help';
  const draft: Draft = { options: {}, faults: {}, quiet: false, keepRunning: false };
  for (const flag of FLAGS) {
    for (const text of textsOf(values[flag.name])) flag.apply?.(text, draft);
  }
  return { options: { ...draft.options, faults: draft.faults }, quiet: draft.quiet, keepRunning: draft.keepRunning };
}

function parseOrExit(argv: string[]): Command | 'help' {
  try {
    return parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cognito-identity-emulator: ${err.message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
}

/** Exit 2 for options the emulator rejects (as for bad flags), 1 for a bad state file or an error of the system (a taken port). */
function exitCannotStart(err: unknown): never {
  const known = err instanceof StateFileError || err instanceof FaultConfigError || err instanceof EmulatorOptionsError;
  const code = known ? 'error' : ((err as NodeJS.ErrnoException).code ?? 'error');
  process.stderr.write(`cognito-identity-emulator: cannot start: ${code === 'error' ? '' : `${code}: `}${(err as Error).message}\n`);
  process.exit(known && !(err instanceof StateFileError) ? 2 : 1);
}

function stopOnSignals(emulator: RunningEmulator, keepRunning: boolean): void {
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${new Date().toISOString()} ${signal}: stopping\n`);
    emulator.stop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`cognito-identity-emulator: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  // Stay subscribed (not `once`): write-file-atomic's signal-exit re-raises a signal that has
  // no other listener, which would kill us before the state is flushed.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  if (!keepRunning) watchParent(() => shutdown('parent process exited'));
}

export async function main(argv: string[]): Promise<void> {
  const command = parseOrExit(argv);
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = command.quiet ? undefined : (line: string): void => void process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let emulator;
  try {
    emulator = await startEmulator({ ...command.options, log });
  } catch (err) {
    exitCannotStart(err);
  }
  process.stdout.write(`${emulator.endpoint}\n`);
  stopOnSignals(emulator, command.keepRunning);
}

/**
 * Calls `orphaned` once the process that started us is gone. `npx` (npm exec)
 * runs us under `sh -c` and does not pass its SIGTERM on, so `kill` of the npx
 * the user started would otherwise leave us serving, reparented.
 */
function watchParent(orphaned: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) orphaned();
  }, 250);
  // Never the reason the process stays alive.
  timer.unref();
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`cognito-identity-emulator: ${err.message}\n`);
    process.exit(1);
  });
}
