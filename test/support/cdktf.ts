// A cdktf project that runs the example app the root cdktf.json names, with
// the real cdktf CLI (cdktf-cli, a devDependency) driving the real Terraform
// in an isolated TerraformWorkspace, against an emulator pool.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGION, type TestPool } from './emulator';
import { REPO_ROOT } from './paths';
import type { ProcessResult } from './process';
import { TerraformWorkspace, type WorkspaceOptions } from './terraform';

export const CDKTF_BIN = path.join(path.dirname(require.resolve('cdktf-cli/package.json')), 'bundle', 'bin', 'cdktf');

export interface CdktfProject {
  ws: TerraformWorkspace;
  dir: string;
  run(...args: string[]): Promise<ProcessResult>;
}

/** A HOME of its own: cdktf points Terraform's plugin cache at ~/.terraform.d/plugin-cache. */
export function scratchHome(parent: string): string {
  const home = path.join(parent, 'home');
  fs.mkdirSync(home);
  return home;
}

export interface CdktfProjectOptions {
  /** The CLI config's provider_installation (default: the test mirror). */
  installation?: WorkspaceOptions['installation'];
  /** More environment for the app and Terraform (e.g. COGNITO_PROVIDER_SOURCE, SSL_CERT_FILE). */
  env?: NodeJS.ProcessEnv;
}

/**
 * A Terraform workspace (CLI config, test credentials) holding a cdktf project
 * dir with the root cdktf.json, its app made absolute, so cdktf's local state
 * (written next to the project) stays out of the repo. The pool and its users
 * exist before the stack (COGNITO_IDENTITY_POOL_ID), so it needs no AWS provider.
 */
export function cdktfProject(name: string, endpoint: string, pool: TestPool, sourceUsers: string, options: CdktfProjectOptions = {}): CdktfProject {
  const ws = TerraformWorkspace.create(name, {
    installation: options.installation,
    env: (workDir) => ({
      HOME: scratchHome(workDir),
      COGNITO_ENDPOINT: endpoint,
      COGNITO_IDENTITY_POOL_ID: pool.poolId,
      COGNITO_DEVELOPER_PROVIDER_NAME: pool.providerName,
      COGNITO_DESTINATION_USER: 'user-0',
      COGNITO_SOURCE_USERS: sourceUsers,
      AWS_REGION: REGION,
      FORCE_COLOR: '0',
      ...options.env,
    }),
  });
  const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdktf.json'), 'utf8')) as Record<string, unknown>;
  const app = String(config.app);
  const script = /^node (\S+)$/.exec(app)?.[1];
  if (!script) throw new Error(`cdktf.json app is ${JSON.stringify(app)}; this test expects "node <script>"`);
  const dir = path.join(ws.dir, 'project');
  fs.mkdirSync(dir);
  const absoluteApp = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(REPO_ROOT, script))}`;
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ ...config, app: absoluteApp }, null, 2));
  return { ws, dir, run: (...args) => ws.exec(process.execPath, [CDKTF_BIN, ...args, '--no-color'], dir) };
}
