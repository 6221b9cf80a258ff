// The release, proven through the real protocols: `npm run release` writes
// signed zips of Node single executables; a registry on 127.0.0.1 serves them
// over HTTPS (Provider Registry Protocol, test CA trusted through
// SSL_CERT_FILE); the real Terraform installs, verifies, locks and runs them,
// also on a file system where node does not exist. The merge it applies is
// checked through the service (LookupDeveloperIdentity).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLE_STACK_NAME } from '../../examples/cdktf/stack';
import { PROVIDER_VERSION } from '../../provider/src/provider-address';
import { pluginEnv, startPlugin } from '../plugin/fixtures/plugin-client';
import { cdktfProject } from '../support/cdktf';
import { createPoolWithUsers, lookupUser, startTestEmulator, type TestEmulator } from '../support/emulator';
import { createTestGpg, type TestGpg } from '../support/gpg';
import { mergeOf, mergeResource, providerBlock } from '../support/provider-hcl';
import { startHttpsFront } from '../support/https-front';
import { makeTestCertificates, startTestRegistry, type TestCertificates, type TestRegistry } from '../support/registry';
import { releaseFile, runInstall, runRelease } from '../support/release';
import { expectExit, TerraformWorkspace } from '../support/terraform';
import { nth } from '../support/lists';

jest.setTimeout(240_000);

let scratch: string;
let releaseDir: string;
let gpg: TestGpg;
let registry: TestRegistry;
let caFile: string;
let certs: TestCertificates;
let env: TestEmulator;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
  releaseDir = path.join(scratch, 'release');
  gpg = createTestGpg();
  await runRelease(releaseDir, gpg.keyId, gpg.env);
  certs = makeTestCertificates(path.join(scratch, 'tls'));
  caFile = certs.caFile;
  registry = await startTestRegistry(
    { dir: releaseDir, version: PROVIDER_VERSION, namespace: 'cognito', type: 'cognitoidentity', publicKey: gpg.publicKey, keyId: gpg.keyId },
    certs,
  );
  env = await startTestEmulator();
});

afterAll(async () => {
  await registry?.close();
  await env?.stop();
  gpg?.remove();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A workspace that installs from the test registry only (`direct`), trusting its CA. */
function registryWorkspace(name: string, extraEnv: NodeJS.ProcessEnv = {}): TerraformWorkspace {
  return TerraformWorkspace.create(name, { installation: '  direct {}', env: { SSL_CERT_FILE: caFile, ...extraEnv } });
}

function run(command: string, args: string[], cwd?: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...gpg.env }, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.error?.message ?? ''}${r.stderr}`);
  return r.stdout;
}

test('the release holds one executable per platform zip, the manifest, and SHA256SUMS with a signature gpg verifies', () => {
  const names = fs.readdirSync(releaseDir).sort();
  expect(names).toEqual(
    ['SHA256SUMS', 'SHA256SUMS.sig', 'linux_amd64.zip', 'linux_arm64.zip', 'manifest.json'].map((s) => path.basename(releaseFile(releaseDir, s))).sort(),
  );
  for (const platform of ['linux_amd64', 'linux_arm64']) {
    const zip = releaseFile(releaseDir, `${platform}.zip`);
    expect(run('unzip', ['-Z1', zip]).trim()).toBe(`terraform-provider-cognitoidentity_v${PROVIDER_VERSION}`);
    expect(fs.readFileSync(releaseFile(releaseDir, 'SHA256SUMS'), 'utf8')).toContain(`${sha256(zip)}  ${path.basename(zip)}\n`);
  }
  expect(JSON.parse(fs.readFileSync(releaseFile(releaseDir, 'manifest.json'), 'utf8'))).toEqual({ version: 1, metadata: { protocol_versions: ['6.0'] } });
  // A binary (not armored) detached signature that the signing key verifies.
  const sig = fs.readFileSync(releaseFile(releaseDir, 'SHA256SUMS.sig'));
  expect(sig.subarray(0, 5).toString()).not.toBe('-----');
  const verify = spawnSync('gpg', ['--batch', '--verify', releaseFile(releaseDir, 'SHA256SUMS.sig'), releaseFile(releaseDir, 'SHA256SUMS')], {
    env: { ...process.env, ...gpg.env },
    encoding: 'utf8',
  });
  expect(verify.status).toBe(0);
  expect(verify.stderr).toContain('Good signature');
});

test('terraform init installs it from the registry, signed; apply merges on a host where node does not exist', async () => {
  const pool = await createPoolWithUsers(env.client, 2);
  const [src, dst] = pool.users;
  const ws = registryWorkspace('registry-install');
  ws.write('main.tf', providerBlock({ endpoint: env.emulator.endpoint, source: registry.source }) + mergeResource('m', mergeOf(pool, src, dst)));
  const init = expectExit(await ws.init(), 0, 'terraform init');
  expect(init.stdout).toMatch(
    new RegExp(`Installed ${registry.source.replace(/[.]/g, '\\.')} v${PROVIDER_VERSION} \\(self-signed, key ID ${gpg.keyId.slice(-16)}\\)`),
  );
  expect(registry.requests).toContain('/.well-known/terraform.json');

  // Hide node from the whole file system (not only PATH): a bind mount of /dev/null over the binary.
  const nodeBinary = fs.realpathSync(process.execPath);
  const script = `mount --bind /dev/null ${JSON.stringify(nodeBinary)} && ! ${JSON.stringify(nodeBinary)} --version 2>/dev/null && exec terraform apply -no-color -input=false -auto-approve`;
  const applied = expectExit(await ws.exec('unshare', ['-m', 'sh', '-c', script]), 0, 'terraform apply without node');
  expect(applied.stdout).toContain('1 added');
  const after = await lookupUser(env.client, pool.poolId, src.userId);
  expect(after.identityId).toBe(dst.identityId);
  expect(after.userIds.sort()).toEqual([src.userId, dst.userId].sort());
  ws.cleanup();
});

test('with NODE_EXTRA_CA_CERTS the release executable trusts that CA for its Cognito calls; without it the call fails on the certificate', async () => {
  const front = await startHttpsFront(env.emulator.endpoint, certs);
  try {
    const pool = await createPoolWithUsers(env.client, 2);
    const [src, dst] = pool.users;
    const config = providerBlock({ endpoint: front.endpoint, source: registry.source }) + mergeResource('m', mergeOf(pool, src, dst));
    // Node itself ignores SSL_CERT_FILE, so without the variable the test CA is trusted by nobody.
    const untrusting = registryWorkspace('extra-ca-unset');
    untrusting.write('main.tf', config);
    expectExit(await untrusting.init(), 0, 'terraform init');
    const refused = expectExit(await untrusting.plan(), 1, 'terraform plan without NODE_EXTRA_CA_CERTS');
    expect(refused.stderr).toMatch(/certificate/i);
    untrusting.cleanup();

    const trusting = registryWorkspace('extra-ca-set', { NODE_EXTRA_CA_CERTS: caFile });
    trusting.write('main.tf', config);
    expectExit(await trusting.init(), 0, 'terraform init');
    expect(expectExit(await trusting.apply(), 0, 'terraform apply with NODE_EXTRA_CA_CERTS').stdout).toContain('1 added');
    expect(front.relayed()).toBeGreaterThan(0);
    const after = await lookupUser(env.client, pool.poolId, src.userId);
    expect(after.identityId).toBe(dst.identityId);
    trusting.cleanup();
  } finally {
    await front.close();
  }
});

test('providers lock records both platforms from the signed checksums; an install from another folder satisfies that lock file', async () => {
  const ws = registryWorkspace('registry-lock');
  ws.write('main.tf', providerBlock({ endpoint: env.emulator.endpoint, source: registry.source }));
  expectExit(await ws.run(['providers', 'lock', '-platform=linux_amd64', '-platform=linux_arm64']), 0, 'terraform providers lock');
  const lock = ws.readFile('.terraform.lock.hcl');
  for (const platform of ['linux_amd64', 'linux_arm64']) expect(lock).toContain(`"zh:${sha256(releaseFile(releaseDir, `${platform}.zip`))}"`);
  expect(lock.match(/"h1:/g)).toHaveLength(2);

  // Two installs from different folders: the same bytes as the release zip.
  const zips = [];
  for (const folder of ['first', 'second']) {
    const cwd = fs.mkdtempSync(path.join(scratch, `${folder}-`));
    const mirror = path.join(cwd, 'mirror');
    expectExit(await runInstall(mirror, registry.source, cwd), 0, `install (${folder})`);
    const zip = path.join(mirror, ...registry.source.split('/'), `terraform-provider-cognitoidentity_${PROVIDER_VERSION}_linux_amd64.zip`);
    zips.push(zip);
    expect(sha256(zip)).toBe(sha256(releaseFile(releaseDir, 'linux_amd64.zip')));
  }
  // The lock file made through the registry holds for an init from the installed mirror (no registry).
  const fromMirror = TerraformWorkspace.create('mirror-lock', {
    installation: `  filesystem_mirror {\n    path = ${JSON.stringify(path.dirname(path.dirname(path.dirname(path.dirname(nth(zips, 1, 'the installed zips'))))))}\n  }`,
  });
  fromMirror.write('main.tf', providerBlock({ endpoint: env.emulator.endpoint, source: registry.source }));
  fromMirror.write('.terraform.lock.hcl', lock);
  expectExit(await fromMirror.init(), 0, 'terraform init from the installed mirror with the registry lock file');
  ws.cleanup();
  fromMirror.cleanup();
});

test('cdktf deploy installs the release from the registry and locks it, without --skip-provider-lock', async () => {
  const pool = await createPoolWithUsers(env.client, 2);
  const p = cdktfProject('cdktf-registry', env.emulator.endpoint, pool, 'user-1', {
    installation: '  direct {}',
    env: { SSL_CERT_FILE: caFile, COGNITO_PROVIDER_SOURCE: registry.source },
  });
  const deploy = expectExit(await p.run('deploy', EXAMPLE_STACK_NAME, '--auto-approve'), 0, 'cdktf deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 1 added');
  const lock = fs.readFileSync(path.join(p.dir, 'cdktf.out', 'stacks', EXAMPLE_STACK_NAME, '.terraform.lock.hcl'), 'utf8');
  expect(lock).toContain(`provider "${registry.source}"`);
  expect(lock).toContain(`"zh:${sha256(releaseFile(releaseDir, 'linux_amd64.zip'))}"`);
  expect((await lookupUser(env.client, pool.poolId, 'user-1')).identityId).toBe(pool.users[0].identityId);
  p.ws.cleanup();
});

test('the linux_arm64 executable answers the plugin handshake under qemu-user', async () => {
  const qemu = '/usr/bin/qemu-aarch64-static';
  if (!fs.existsSync(qemu)) throw new Error(`${qemu} is missing: install Debian's qemu-user-static and libc6:arm64 (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(scratch, 'arm64-'));
  run('unzip', ['-q', releaseFile(releaseDir, 'linux_arm64.zip'), '-d', dir]);
  const exe = path.join(dir, `terraform-provider-cognitoidentity_v${PROVIDER_VERSION}`);
  expect(run('file', ['-b', exe])).toMatch(/ARM aarch64/);
  // Started as Terraform starts a plugin, it prints the go-plugin handshake line, then serves until stopped.
  const plugin = await startPlugin(qemu, [exe], pluginEnv(null, { TMPDIR: dir, PLUGIN_PROTOCOL_VERSIONS: '6' }));
  plugin.child.kill('SIGTERM');
  await plugin.exited;
  expect(plugin.handshake.raw).toMatch(/^1\|6\|unix\|\S+\|grpc\|/);
});
