// The development launcher: places a tiny script in a filesystem mirror (the
// unpacked layout) that execs this machine's node on the built bundle. The
// tests, benchmarks and demo use it, because it runs the code just built
// without making a 100 MB executable. It depends on this checkout's paths and
// Node, so users install the release instead (release/install-release.ts,
// `npx terraform-provider-cognitoidentity install`).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROGRAM_NAME, PROVIDER_VERSION, SOURCE_ADDRESS } from './provider-address';
import { GO_ARCH, hostPlatform } from './release/targets';

export interface InstallOptions {
  /** The filesystem mirror directory (created if missing). */
  mirrorDir: string;
  /** The node executable the launcher runs; defaults to the one running now. */
  nodePath?: string;
  /** The script the launcher runs; defaults to this package's bundled provider (see defaultEntryPoint). */
  entryPoint?: string;
}

export interface InstallResult {
  sourceAddress: typeof SOURCE_ADDRESS;
  version: typeof PROVIDER_VERSION;
  /** Absolute path of the launcher placed in the mirror. */
  executable: string;
}

/** Terraform's OS_ARCH names for Node's platform/arch. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  if (!GO_ARCH[arch]) throw new Error(`unsupported CPU architecture for Terraform: ${arch}`);
  if (platform !== 'linux' && platform !== 'darwin' && platform !== 'freebsd') {
    throw new Error(`unsupported OS for the shell launcher: ${platform} (linux, darwin and freebsd are supported)`);
  }
  return hostPlatform(platform, arch);
}

/** The root of this package: the nearest directory upwards whose package.json is ours. */
function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const name = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
        if (name === PROGRAM_NAME) return dir;
      } catch {
        // An unreadable package.json is not ours; keep looking upwards.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PROGRAM_NAME} package directory above ${from}`);
    dir = parent;
  }
}

/** The esbuild bundle of the provider (provider/scripts/bundle.js): one file starts faster than the module tree. */
function defaultEntryPoint(): string {
  return path.join(packageRoot(), 'dist', 'provider', `${PROGRAM_NAME}.js`);
}

/** Single-quoted for sh: safe for any path. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function launcherScript(nodePath: string, entryPoint: string): string {
  return [
    '#!/bin/sh',
    `# Terraform/OpenTofu provider launcher written by \`${PROGRAM_NAME} install\`.`,
    '# exec keeps one process, so Terraform stops node itself. Only a failure to start prints to stdout:',
    '# Terraform shows a non-handshake line as "Unrecognized remote plugin message: ...".',
    `node=${shellQuote(nodePath)}`,
    `entry=${shellQuote(entryPoint)}`,
    `fail() { echo "${PROGRAM_NAME}: cannot start: $1; reinstall it (npx ${PROGRAM_NAME} install)"; exit 1; }`,
    '[ -x "$node" ] || fail "the Node.js it was installed with, $node, is not there any more"',
    '[ -r "$entry" ] || fail "$entry is missing"',
    'exec "$node" "$entry" "$@"',
    '',
  ].join('\n');
}

export function installProvider(options: InstallOptions): InstallResult {
  const nodePath = path.resolve(options.nodePath ?? process.execPath);
  const entryPoint = path.resolve(options.entryPoint ?? defaultEntryPoint());
  if (!fs.existsSync(entryPoint)) {
    throw new Error(`the provider is not built: ${entryPoint} does not exist (run \`npm run build\`)`);
  }
  const platformDir = path.join(path.resolve(options.mirrorDir), ...SOURCE_ADDRESS.split('/'), PROVIDER_VERSION, terraformPlatform());
  fs.mkdirSync(platformDir, { recursive: true });
  const executable = path.join(platformDir, `${PROGRAM_NAME}_v${PROVIDER_VERSION}`);
  // Write-then-rename, so a Terraform run in parallel never sees half a script.
  const tmp = `${executable}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, launcherScript(nodePath, entryPoint), { mode: 0o755 });
  fs.renameSync(tmp, executable);
  return { sourceAddress: SOURCE_ADDRESS, version: PROVIDER_VERSION, executable };
}

/**
 * The default mirror: ~/.terraform.d/plugins, which both Terraform and
 * OpenTofu search on their own when the CLI config has no provider_installation block.
 */
export function defaultMirrorDir(home: string = os.homedir()): string {
  return path.join(home, '.terraform.d', 'plugins');
}

/** What to tell the user after installing. */
export function installInstructions(mirrorDir: string, result: { sourceAddress: string; version: string; executable: string }): string {
  const mirror = JSON.stringify(path.resolve(mirrorDir));
  return `Installed ${result.sourceAddress} ${result.version}
  placed: ${result.executable}

Use it in your configuration:

  terraform {
    required_providers {
      cognitoidentity = {
        source  = "${result.sourceAddress}"
        version = "~> ${result.version}"
      }
    }
  }

${
  path.resolve(mirrorDir) === defaultMirrorDir()
    ? `~/.terraform.d/plugins is searched automatically when your CLI config (~/.terraformrc,
TF_CLI_CONFIG_FILE) has no provider_installation block. If it has one, add:`
    : 'Point Terraform/OpenTofu at the mirror in your CLI config (~/.terraformrc or TF_CLI_CONFIG_FILE):'
}

  provider_installation {
    filesystem_mirror {
      path    = ${mirror}
      include = ["${result.sourceAddress}"]
    }
    direct {
      exclude = ["${result.sourceAddress}"]
    }
  }

Then run \`terraform init\` (or \`tofu init\`).
`;
}
