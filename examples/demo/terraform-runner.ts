// Runs the real terraform CLI for the demo, echoing its output indented so the
// user sees every step, and keeping it for checks.

import { spawn } from 'node:child_process';

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TerraformRunner {
  run(args: string[], options?: { quiet?: boolean; allowExitCodes?: number[] }): Promise<TerraformResult>;
}

export function terraformRunner(cwd: string, env: NodeJS.ProcessEnv, echo: (line: string) => void): TerraformRunner {
  return {
    run(args, options = {}) {
      const allowed = options.allowExitCodes ?? [0];
      echo(`    $ terraform ${args.join(' ')}`);
      return new Promise((resolve, reject) => {
        const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        const show = (chunk: string): void => {
          if (options.quiet) return;
          for (const line of chunk.replace(/\n$/, '').split('\n')) echo(`    | ${line}`);
        };
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          stdout += c;
          show(c);
        });
        child.stderr.setEncoding('utf8').on('data', (c: string) => {
          stderr += c;
          show(c);
        });
        child.on('error', (err) => reject(new Error(`could not run terraform (${err.message}); is Terraform 1.11+ on PATH?`)));
        child.on('close', (code) => {
          const result = { code: code ?? -1, stdout, stderr };
          if (allowed.includes(result.code)) resolve(result);
          else {
            const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
            reject(new Error(`terraform ${args[0]} exited with ${result.code}:\n${tail}`));
          }
        });
      });
    },
  };
}
