// The sandbox Terraform runs in for the demo, the tests and the benchmarks:
// a CLI config whose provider_installation takes providers only from
// filesystem mirrors (unless a caller names other installation methods), and
// an environment built from nothing rather than from the caller's: PATH,
// HOME, locale, TMPDIR and SSL_CERT_FILE, the CLI config, and the emulator's
// dummy keys (local-emulator.ts). No AWS_*, TF_* or other variable of the
// caller's reaches Terraform, its providers or the cdktf CLI. Part of the
// shared harness (why it lives in examples/demo: local-emulator.ts).

import * as fs from 'node:fs';
import { localAwsEnv } from './local-emulator';

/** What a process needs to run, taken from the caller's environment when set. */
const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'SSL_CERT_FILE'] as const;

/** A provider_installation `filesystem_mirror` block for `dir`, limited to `include` (e.g. "registry.terraform.io/hashicorp/aws"). */
export function filesystemMirror(dir: string, include: string): string {
  return `  filesystem_mirror {\n    path    = ${JSON.stringify(dir)}\n    include = [${JSON.stringify(include)}]\n  }`;
}

/** Writes a Terraform CLI config whose provider_installation holds `blocks` (e.g. filesystemMirror's); returns `file`. */
export function writeCliConfig(file: string, blocks: readonly string[]): string {
  fs.writeFileSync(file, `provider_installation {\n${blocks.join('\n')}\n}\n`);
  return file;
}

/** The variables of INHERITED that the caller has set, and nothing else of its environment. */
export function inheritedBasics(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of INHERITED) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Terraform's whole environment: inheritedBasics, the CLI config
 * `cliConfigFile`, no checkpoint calls, the dummy keys, then `extra` (which
 * may override any of these, e.g. TMPDIR or HOME).
 */
export function terraformEnv(cliConfigFile: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...inheritedBasics(),
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    ...localAwsEnv(),
    ...extra,
  };
}
