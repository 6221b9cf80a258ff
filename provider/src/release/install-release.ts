// `npx terraform-provider-cognitoidentity install [--mirror DIR] [--source ADDR]`:
// builds this platform's release zip, byte for byte the one `npm run release`
// writes, and places it in a filesystem mirror in Terraform's packed layout
// (HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip). The
// executable inside needs no Node on the machine, and because every build is
// the same bytes, a lock file made on one machine holds on every other.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultMirrorDir, installInstructions, installProvider } from '../install';
import { PROVIDER_VERSION, SOURCE_ADDRESS } from '../provider-address';
import { buildPackage, seaBundlePath } from './package-zip';
import { hostPlatform, NODE_VERSION, zipName } from './targets';

interface ReleaseInstallOptions {
  mirrorDir: string;
  /** HOST/NAMESPACE/TYPE the configuration's required_providers uses. */
  sourceAddress?: string;
  cacheDir?: string;
  /** Place the development launcher (this machine's node + this package) instead of the release executable. */
  launcher?: boolean;
}

interface ReleaseInstallResult {
  sourceAddress: string;
  version: string;
  /** The zip placed in the mirror. */
  executable: string;
}

/** Platforms with no release executable (docs/releasing.md) can still run the provider on their own Node. */
function noReleaseHint(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (!message.startsWith('no release target')) return err instanceof Error ? err : new Error(message);
  return new Error(
    `${message}. On this machine, \`install --launcher\` places a launcher that runs the provider with this Node.js instead (not the release's bytes, so its lock file hash is this machine's own).`,
  );
}

const SOURCE_FORM = /^[a-z0-9.-]+(:\d+)?\/[a-z0-9-]+\/cognitoidentity$/;

async function installRelease(options: ReleaseInstallOptions): Promise<ReleaseInstallResult> {
  const sourceAddress = options.sourceAddress ?? SOURCE_ADDRESS;
  if (!SOURCE_FORM.test(sourceAddress)) {
    throw new Error(`--source ${JSON.stringify(sourceAddress)} is not a provider source address of the form HOST/NAMESPACE/cognitoidentity`);
  }
  if (options.launcher) {
    if (sourceAddress !== SOURCE_ADDRESS) throw new Error(`--launcher installs ${SOURCE_ADDRESS} only; leave out --source`);
    const installed = installProvider({ mirrorDir: options.mirrorDir });
    // The same, the other way round: a release zip of this version would shadow the launcher.
    fs.rmSync(path.join(path.resolve(options.mirrorDir), ...SOURCE_ADDRESS.split('/'), zipName(PROVIDER_VERSION, hostPlatform())), { force: true });
    return installed;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-install-'));
  try {
    const built = await buildPackage({
      platform: hostPlatform(),
      version: PROVIDER_VERSION,
      bundle: seaBundlePath(path.resolve(__dirname, '..', '..')),
      workDir,
      cacheDir: options.cacheDir,
    });
    const dir = path.join(path.resolve(options.mirrorDir), ...sourceAddress.split('/'));
    fs.mkdirSync(dir, { recursive: true });
    const zip = path.join(dir, built.fileName);
    // Write-then-rename, so a Terraform run in parallel never sees half a zip.
    fs.writeFileSync(`${zip}.${process.pid}.tmp`, built.zip);
    fs.renameSync(`${zip}.${process.pid}.tmp`, zip);
    // An earlier `install --launcher` of this version left the unpacked layout; with both, which one
    // Terraform takes is not ours to guess.
    fs.rmSync(path.join(dir, PROVIDER_VERSION, hostPlatform()), { recursive: true, force: true });
    return { sourceAddress, version: PROVIDER_VERSION, executable: zip };
  } catch (err) {
    throw noReleaseHint(err);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const USAGE = `Usage: terraform-provider-cognitoidentity install [--mirror DIR] [--source HOST/NAMESPACE/cognitoidentity] [--launcher]

Builds this platform's release zip (the same bytes as \`npm run release\`; the first run
downloads Node ${NODE_VERSION} for this platform from the npm registry) and places it
in a filesystem mirror (default ~/.terraform.d/plugins). Default source: ${SOURCE_ADDRESS}.
--launcher places a small launcher that runs this package with this machine's Node.js instead,
for platforms without a release executable, such as macOS (docs/releasing.md; it is a sh script).`;

function parse(args: readonly string[]): ReleaseInstallOptions | string {
  const options: ReleaseInstallOptions = { mirrorDir: defaultMirrorDir() };
  const rest = [...args];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return USAGE;
    if (flag === '--launcher' && inline === undefined) {
      options.launcher = true;
      continue;
    }
    if (flag !== '--mirror' && flag !== '--source') return `unknown argument: ${arg}\n${USAGE}`;
    const value = inline ?? rest.shift();
    if (!value || value.startsWith('--')) return `${flag} needs a value\n${USAGE}`;
    if (flag === '--mirror') options.mirrorDir = value;
    else options.sourceAddress = value;
  }
  return options;
}

/** The `install` command; resolves to the process exit code. */
export async function runInstallCommand(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    (options === USAGE ? out : err)(`${options}\n`);
    return options === USAGE ? 0 : 1;
  }
  try {
    const result = await installRelease(options);
    out(installInstructions(options.mirrorDir, result));
    return 0;
  } catch (e) {
    err(`install failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
