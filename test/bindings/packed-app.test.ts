// The published package as a cdktf user meets it: the tarball `npm pack`
// makes, installed into a fresh app outside the repository next to cdktf 0.20
// or 0.21 (the ends of the peer range), compiled by tsc, synthesized and
// deployed by the cdktf CLI against the emulator. The merge is checked through
// LookupDeveloperIdentity.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CDKTF_BIN, scratchHome } from '../support/cdktf';
import { createPoolWithUsers, lookupUser, REGION, startTestEmulator, type TestEmulator } from '../support/emulator';
import { installAndCompile, packRepository, writeApp } from '../support/packed-app';
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

test.each([['0.20.12'], ['0.21.0']])('a fresh app with cdktf %s compiles, synthesizes and deploys a merge', async (cdktfVersion) => {
  const pool = await createPoolWithUsers(env.client, 2);
  const ws = TerraformWorkspace.create(`packed-app-${cdktfVersion}`, {
    env: (workDir) => ({ HOME: scratchHome(workDir), COGNITO_ENDPOINT: env.emulator.endpoint, AWS_REGION: REGION, POOL_ID: pool.poolId, PROVIDER_NAME: pool.providerName, FORCE_COLOR: '0' }),
  });
  const app = path.join(ws.dir, 'app');
  writeApp(app, tarball, { dependencies: { cdktf: cdktfVersion, constructs: '10.4.2', '@types/node': '^20.19.0' }, main: MAIN });
  expectExit(await installAndCompile(app), 0, `npm install and tsc with cdktf ${cdktfVersion}`);
  // One copy of cdktf and constructs: the app's (peer dependencies), not one nested in our package.
  expect(fs.existsSync(path.join(app, 'node_modules', 'terraform-provider-cognitoidentity', 'node_modules', 'cdktf'))).toBe(false);
  fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: `${JSON.stringify(process.execPath)} main.js` }));

  const cdktf = (...args: string[]) => ws.exec(process.execPath, [CDKTF_BIN, ...args, '--no-color'], app);
  expectExit(await cdktf('synth'), 0, 'cdktf synth');
  const deploy = expectExit(await cdktf('deploy', 'merges', '--auto-approve', '--skip-provider-lock'), 0, 'cdktf deploy');
  expect(deploy.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  const [destination] = pool.users;
  expect((await lookupUser(env.client, pool.poolId, 'user-1')).identityId).toBe(destination?.identityId);
  ws.cleanup();
});
