// Command-line options of the benchmark scripts (node's own parseArgs, strict):
// a wrong option or value ends the script with a message naming the option.

import { parseArgs } from 'node:util';
import { removeAllBenchRoots } from './workspace';

export class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' }>;

/** Parses `--name value` options; anything else is a UsageError naming it. */
export function parseOptions(argv: readonly string[], names: readonly string[], usage: string): Record<string, string | undefined> {
  const options: OptionSpec = {};
  for (const name of names) options[name] = { type: 'string' };
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return values as Record<string, string | undefined>;
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
}

export function positiveInt(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${option} must be a positive whole number, got ${JSON.stringify(value)}.`);
  }
  return Number(value);
}

export function positiveIntList(option: string, value: string | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) {
    throw new UsageError(`--${option} must be a comma-separated list of positive whole numbers (e.g. 1,100), got ${JSON.stringify(value)}.`);
  }
  return parts.map(Number);
}

/**
 * Runs a benchmark's main, turning failures into one message and exit code 1
 * (no stack trace). On Ctrl-C (Terraform children get it too) the temp
 * directories are removed before exiting; the in-process emulator ends with us.
 */
export function runMain(name: string, main: (argv: string[]) => Promise<void>): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${name} interrupted (${signal}); temporary files removed.\n`);
      removeAllBenchRoots();
      process.exit(code);
    });
  }
  main(process.argv.slice(2)).catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`\n${name} failed: ${message}\n`);
    process.exitCode = 1;
  });
}
