/**
 * `cognito-identity-emulator`: runs the emulator until SIGINT/SIGTERM, or until the process that started it exits (unless --keep-running).
 * The endpoint URL is the first line on stdout; everything else goes to stderr.
 * Exit codes: 0 clean stop, 1 cannot start (port taken, bad state file), 2 bad flags.
 */
import { parseArgs } from 'node:util';
import { EmulatorOptionsError, FaultConfigError, operationNames, quotaPreset, startEmulator, StateFileError } from './index';
import { LOGIN_LIMIT_COUNTS, LOOKUP_BY_USER_LISTS, type EmulatorOptions, type FaultConfig } from './types';

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

interface Command {
  options: EmulatorOptions;
  quiet: boolean;
  keepRunning: boolean;
}

function parseCommandLine(argv: string[]): Command | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        state: { type: 'string' },
        credentials: { type: 'string' },
        region: { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'login-limit-counts': { type: 'string' },
        'lookup-by-user-lists': { type: 'string' },
        'rate-limit': { type: 'string', multiple: true },
        'quota-preset': { type: 'boolean' },
        'latency-ms': { type: 'string' },
        'internal-error-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        quiet: { type: 'boolean' },
        'keep-running': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const options: EmulatorOptions = {};
  if (v.port !== undefined) options.port = number('port', v.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number 0..65535');
  if (v.state !== undefined) options.stateFile = v.state;
  const counts = v['login-limit-counts'];
  if (counts !== undefined) {
    const known = LOGIN_LIMIT_COUNTS.find((c) => c === counts);
    if (known === undefined) throw new UsageError(`--login-limit-counts: '${counts}' is not one of ${LOGIN_LIMIT_COUNTS.join(', ')}.`);
    options.loginLimitCounts = known;
  }
  const lists = v['lookup-by-user-lists'];
  if (lists !== undefined) {
    const known = LOOKUP_BY_USER_LISTS.find((l) => l === lists);
    if (known === undefined) throw new UsageError(`--lookup-by-user-lists: '${lists}' is not one of ${LOOKUP_BY_USER_LISTS.join(', ')}.`);
    options.lookupByUserLists = known;
  }
  if (v.region !== undefined) options.region = v.region;
  if (v['max-body-bytes'] !== undefined) {
    options.maxBodyBytes = number('max-body-bytes', v['max-body-bytes'], (n) => Number.isInteger(n) && n > 0, 'a positive integer');
  }
  if (v.credentials !== undefined) {
    const colon = v.credentials.indexOf(':');
    if (colon <= 0 || colon === v.credentials.length - 1) throw new UsageError('--credentials must be KEY:SECRET (both non-empty).');
    options.credentials = { accessKeyId: v.credentials.slice(0, colon), secretAccessKey: v.credentials.slice(colon + 1) };
  }

  const faults: FaultConfig = v['quota-preset'] ? quotaPreset() : {};
  const known = operationNames();
  for (const entry of v['rate-limit'] ?? []) {
    const [op, rps, extra] = entry.split('=');
    if (extra !== undefined || !op || rps === undefined) throw new UsageError(`--rate-limit: '${entry}' must be OP=RPS.`);
    if (!known.includes(op)) throw new UsageError(`--rate-limit: unknown operation '${op}' (known: ${known.join(', ')}).`);
    faults.rateLimits = { ...faults.rateLimits, [op]: number('rate-limit', rps, (n) => n > 0, 'a positive number') };
  }
  if (v['latency-ms'] !== undefined) faults.latencyMs = number('latency-ms', v['latency-ms'], (n) => n >= 0, 'a number >= 0');
  if (v['internal-error-rate'] !== undefined) {
    faults.internalErrorRate = number('internal-error-rate', v['internal-error-rate'], (n) => n >= 0 && n <= 1, 'a number 0..1');
  }
  if (v['drop-rate'] !== undefined) faults.dropConnectionRate = number('drop-rate', v['drop-rate'], (n) => n >= 0 && n <= 1, 'a number 0..1');
  options.faults = faults;
  return { options, quiet: v.quiet === true, keepRunning: v['keep-running'] === true };
}

export async function main(argv: string[]): Promise<void> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cognito-identity-emulator: ${err.message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = command.quiet ? undefined : (line: string): void => void process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let emulator;
  try {
    emulator = await startEmulator({ ...command.options, log });
  } catch (err) {
    const known = err instanceof StateFileError || err instanceof FaultConfigError || err instanceof EmulatorOptionsError;
    const code = known ? 'error' : ((err as NodeJS.ErrnoException).code ?? 'error');
    process.stderr.write(`cognito-identity-emulator: cannot start: ${code === 'error' ? '' : `${code}: `}${(err as Error).message}\n`);
    process.exit(known && !(err instanceof StateFileError) ? 2 : 1);
  }
  process.stdout.write(`${emulator.endpoint}\n`);

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
  if (!command.keepRunning) watchParent(() => shutdown('parent process exited'));
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
