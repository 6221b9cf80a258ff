// The install command, the npx CLI and the launcher script, run as a user
// would run them: from the repository and from the packed npm package.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installProvider, launcherScript, terraformPlatform } from '../../provider/src/install';
import { PROVIDER_VERSION } from '../../provider/src/provider-address';
import { PROVIDER_MAIN } from '../support/paths';
import { runProcess } from '../support/process';
import { expectExit, flat, TerraformWorkspace } from '../support/terraform';
import {
  call,
  connect,
  generateClientCertificate,
  pluginEnv,
  REPO_ROOT,
  requireBuilt,
  startPlugin,
  type ClientCertificate,
  type RunningPlugin,
} from './fixtures/plugin-client';

const CLI = path.join(REPO_ROOT, 'provider', 'bin', 'cli.js');
const LAUNCHER = path.join(REPO_ROOT, 'provider', 'bin', 'terraform-provider-cognitoidentity');
const MAIN = PROVIDER_MAIN;
const LAYOUT = path.join('terraform.local', 'cognito', 'cognitoidentity', '0.1.0', terraformPlatform());
/** Where `install` puts the release zip: the packed layout of a filesystem mirror. */
const PACKED_ZIP = path.join('terraform.local', 'cognito', 'cognitoidentity', `terraform-provider-cognitoidentity_0.1.0_${terraformPlatform()}.zip`);

let tmp: string;
let clientCert: ClientCertificate;

beforeAll(async () => {
  requireBuilt(MAIN);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-install-'));
  clientCert = await generateClientCertificate();
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Handshake, then Shutdown; the process must exit 0 having printed only the handshake. */
async function serveAndShutdown(plugin: RunningPlugin): Promise<void> {
  const clients = connect(plugin.handshake, clientCert);
  try {
    const schema = await call<{ resource_schemas: Record<string, unknown> }>(clients.provider, 'GetProviderSchema');
    expect(Object.keys(schema.resource_schemas)).toContain('cognitoidentity_merged_identity');
    await call(clients.controller, 'Shutdown');
    expect(await plugin.exited).toBe(0);
    expect(plugin.stdout()).toBe(plugin.handshake.raw);
  } finally {
    clients.close();
    if (plugin.child.exitCode === null) plugin.child.kill('SIGKILL');
  }
}

describe('installProvider', () => {
  test('writes an executable launcher into the unpacked mirror layout', () => {
    const mirror = path.join(tmp, 'api-mirror');
    const r = installProvider({ mirrorDir: mirror, nodePath: "/opt/node it's/bin/node" });
    expect(r).toEqual({
      sourceAddress: 'terraform.local/cognito/cognitoidentity',
      version: '0.1.0',
      executable: path.join(mirror, LAYOUT, 'terraform-provider-cognitoidentity_v0.1.0'),
    });
    expect(fs.statSync(r.executable).mode & 0o111).toBe(0o111);
    const script = fs.readFileSync(r.executable, 'utf8');
    expect(script).toBe(launcherScript("/opt/node it's/bin/node", MAIN));
    expect(script).toContain(`node='/opt/node it'\\''s/bin/node'\nentry='${MAIN}'\n`);
    expect(script).toContain('exec "$node" "$entry" "$@"');
    // The only file in the package dir, so its hash does not change when dist/ is rebuilt.
    expect(fs.readdirSync(path.dirname(r.executable))).toEqual(['terraform-provider-cognitoidentity_v0.1.0']);
  });

  test('reinstalling gives the same bytes (stable lock-file hash)', () => {
    const mirror = path.join(tmp, 'stable');
    const first = fs.readFileSync(installProvider({ mirrorDir: mirror }).executable);
    const second = fs.readFileSync(installProvider({ mirrorDir: mirror }).executable);
    expect(second.equals(first)).toBe(true);
  });

  test('refuses clearly when the entry point is not built', () => {
    expect(() => installProvider({ mirrorDir: path.join(tmp, 'x'), entryPoint: path.join(tmp, 'missing.js') })).toThrow(
      /the provider is not built: .*missing\.js does not exist \(run `npm run build`\)/,
    );
  });
});

describe('the npx CLI (provider/bin/cli.js)', () => {
  test('without arguments: help on stderr, exit 1, nothing on stdout', async () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const r = await runProcess(process.execPath, [CLI], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('npx terraform-provider-cognitoidentity install [--mirror DIR]');
  });

  test('install --mirror DIR places the release zip in the packed layout and prints the configuration to use', async () => {
    const mirror = path.join(tmp, 'cli-mirror');
    const r = await runProcess(process.execPath, [CLI, 'install', '--mirror', mirror]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('source  = "terraform.local/cognito/cognitoidentity"');
    // The same constraint the docs and examples use, so a pasted block agrees with them.
    const constraint = `version = "~> ${PROVIDER_VERSION}"`;
    expect(r.stdout).toContain(constraint);
    for (const doc of ['docs/index.md', 'examples/hcl/versions.tf', 'examples/import/main.tf', 'examples/adopt/main.tf']) {
      expect({ doc, has: fs.readFileSync(path.join(REPO_ROOT, doc), 'utf8').includes(constraint) }).toEqual({ doc, has: true });
    }
    expect(r.stdout).toContain('provider_installation {');
    expect(r.stdout).toContain(`path    = ${JSON.stringify(mirror)}`);
    expect(fs.existsSync(path.join(mirror, PACKED_ZIP))).toBe(true);
  });

  test('install --launcher places the development launcher (for platforms without a release executable)', async () => {
    const mirror = path.join(tmp, 'cli-launcher-mirror');
    const r = await runProcess(process.execPath, [CLI, 'install', '--launcher', '--mirror', mirror]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const exe = path.join(mirror, LAYOUT, 'terraform-provider-cognitoidentity_v0.1.0');
    expect(fs.readFileSync(exe, 'utf8')).toBe(launcherScript(process.execPath, PROVIDER_MAIN));
    // Then the release into the same mirror: it replaces the launcher, so Terraform has one choice.
    expectExit(await runProcess(process.execPath, [CLI, 'install', '--mirror', mirror]), 0, 'install');
    expect(fs.existsSync(exe)).toBe(false);
    expect(fs.existsSync(path.join(mirror, PACKED_ZIP))).toBe(true);
  });

  test('a bad argument names itself, exit 1', async () => {
    const r = await runProcess(process.execPath, [CLI, 'install', '--mirorr', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown argument: --mirorr');
    const missing = await runProcess(process.execPath, [CLI, 'install', '--mirror']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--mirror needs a value');
    const badSource = await runProcess(process.execPath, [CLI, 'install', '--source', 'not a source']);
    expect(badSource.code).toBe(1);
    expect(badSource.stderr).toContain('--source "not a source" is not a provider source address');
  });

  test('started by Terraform (magic cookie set) it serves the provider', async () => {
    await serveAndShutdown(await startPlugin(process.execPath, [CLI], pluginEnv(clientCert)));
  });
});

describe('the launcher script (provider/bin/terraform-provider-cognitoidentity)', () => {
  test('runs through a symlink, prints only the handshake, and execs node', async () => {
    const link = path.join(tmp, 'bin', 'terraform-provider-cognitoidentity');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(LAUNCHER, link);
    const plugin = await startPlugin(link, [], pluginEnv(clientCert, { CDPATH: '/' }));
    // exec: the process Terraform started is node itself, so its kill reaches node.
    expect(fs.readlinkSync(`/proc/${plugin.child.pid}/exe`)).toBe(fs.realpathSync(process.execPath));
    await serveAndShutdown(plugin);
  });

  test('when its bundle is gone, terraform shows why the provider cannot start (not "Failed to read any lines")', async () => {
    const entry = path.join(tmp, 'gone', 'terraform-provider-cognitoidentity.js');
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.copyFileSync(PROVIDER_MAIN, entry);
    const mirror = path.join(tmp, 'gone-mirror');
    installProvider({ mirrorDir: mirror, entryPoint: entry });
    fs.rmSync(path.dirname(entry), { recursive: true });
    const ws = TerraformWorkspace.create('gone-bundle', { ourMirror: () => mirror });
    ws.write(
      'main.tf',
      `terraform {\n  required_providers {\n    cognitoidentity = {\n      source = "terraform.local/cognito/cognitoidentity"\n    }\n  }\n}\n`,
    );
    expectExit(await ws.init(), 0, 'terraform init');
    const r = await ws.run(['validate', '-no-color']);
    expect(r.code).toBe(1);
    const out = flat(r.stdout + r.stderr);
    expect(out).toContain(`Unrecognized remote plugin message: terraform-provider-cognitoidentity: cannot start: ${entry} is missing`);
    expect(out).not.toContain('Failed to read any lines');
    ws.cleanup();
  });

  test('without the magic cookie it explains and exits 1', async () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const r = await runProcess(LAUNCHER, [], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('This binary is a plugin');
  });
});

describe('from the packed npm package', () => {
  test('install builds the release zip from the installed package, and Terraform installs it from the mirror', async () => {
    const packDir = path.join(tmp, 'pack');
    fs.mkdirSync(packDir);
    // --ignore-scripts: prepack would rebuild dist/ under the other test files running now; npm test built it.
    const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], { cwd: REPO_ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
    const pkg = path.join(packDir, 'package');
    // Dependencies as npm would provide them.
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'));

    // What ships: the license, no source maps (their sources are not shipped), no Node-version-bound code cache.
    const shipped = execFileSync('tar', ['-tzf', path.join(packDir, tarball)], { encoding: 'utf8' }).split('\n');
    expect(shipped).toContain('package/LICENSE');
    // The license text is the one package.json names.
    const license = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { license: string }).license;
    expect({ license, text: fs.readFileSync(path.join(pkg, 'LICENSE'), 'utf8').split('\n')[0] }).toEqual({
      license: 'MPL-2.0',
      text: 'Mozilla Public License Version 2.0',
    });
    expect(shipped.filter((f) => f.endsWith('.map') || f.endsWith('.v8cache'))).toEqual([]);
    // The registry page links to the source, home page and issue tracker from these.
    const REPO_URL = 'https://github.com/cognitoidentity/terraform-provider-cognitoidentity';
    expect(JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'))).toMatchObject({
      repository: { type: 'git', url: `git+${REPO_URL}.git` },
      homepage: `${REPO_URL}#readme`,
      bugs: { url: `${REPO_URL}/issues` },
    });
    // The exports map: the bindings and the emulator library resolve by package name from another app.
    const consumer = path.join(tmp, 'consumer');
    fs.mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
    fs.symlinkSync(pkg, path.join(consumer, 'node_modules', 'terraform-provider-cognitoidentity'));
    const probe =
      "const b = require('terraform-provider-cognitoidentity'); const e = require('terraform-provider-cognitoidentity/emulator'); console.log(typeof b.IdentityMerge, typeof e.startEmulator)";
    expect(execFileSync(process.execPath, ['-e', probe], { cwd: consumer, encoding: 'utf8' }).trim()).toBe('function function');

    const mirror = path.join(tmp, 'pkg-mirror');
    const r = await runProcess(process.execPath, [path.join(pkg, 'provider', 'bin', 'cli.js'), 'install', '--mirror', mirror]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(mirror, PACKED_ZIP))).toBe(true);

    // The printed configuration works: terraform init installs from that mirror and locks it.
    const ws = TerraformWorkspace.create('packed-install', { ourMirror: () => mirror });
    ws.write(
      'main.tf',
      `terraform {\n  required_providers {\n    cognitoidentity = {\n      source  = "terraform.local/cognito/cognitoidentity"\n      version = "0.1.0"\n    }\n  }\n}\n`,
    );
    expectExit(await ws.init(), 0, 'terraform init from the packed package mirror');
    const lock = fs.readFileSync(path.join(ws.dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toMatch(/provider "terraform\.local\/cognito\/cognitoidentity" \{\s+version\s+= "0\.1\.0"/);
    expect(lock).toMatch(/"h1:[A-Za-z0-9+/]+=*"/);
    ws.cleanup();
  });
});
