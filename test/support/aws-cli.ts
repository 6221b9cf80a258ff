// Runs the real AWS CLI against the emulator, isolated from the user's
// AWS config: the harness's dummy keys in the environment, no config or
// credentials file (examples/demo/local-emulator.ts).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describeResult, runProcess, type ProcessResult } from './process';
import { localAwsEnv } from '../../examples/demo/local-emulator';

/** Debian's awscli; a pyenv shim earlier on PATH may be a different install, so it is preferred by path. */
export function findAwsCli(): string {
  if (fs.existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v aws'], { encoding: 'utf8' }).trim();
    if (onPath) return onPath;
  } catch {
    // not found: fall through to the error below
  }
  throw new Error('The AWS CLI was not found (/usr/bin/aws or on PATH). Install it: apt-get install awscli');
}

export class AwsCli {
  constructor(
    private readonly exe: string,
    private readonly endpoint: string,
    private readonly region: string,
  ) {}

  run(args: readonly string[]): Promise<ProcessResult> {
    return runProcess(this.exe, [...args, '--endpoint-url', this.endpoint, '--region', this.region, '--output', 'json'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...localAwsEnv(),
        // No pager (CLI v2); v1 has none, and would refuse v2's --no-cli-pager flag.
        AWS_PAGER: '',
      },
    });
  }

  /** Runs a cognito-identity command and parses its JSON output; throws with the CLI's output on failure. */
  async json<T>(command: string, args: readonly string[]): Promise<T> {
    const r = await this.run(['cognito-identity', command, ...args]);
    if (r.code !== 0) throw new Error(describeResult(`aws cognito-identity ${command}`, r));
    return (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T;
  }
}
