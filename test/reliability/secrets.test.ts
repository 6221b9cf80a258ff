// No credential reaches any output, with TF_LOG=trace, whether given as
// provider attributes or as AWS_* environment variables, through apply, a
// saved plan, a failing plan and destroy. Extends test/provider-e2e/hygiene
// (secret_key only, apply and plan) to the access key and session token,
// environment credentials, error paths, the plan file and the state backup.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { startEmulator } from '../../emulator/src/index';
import { createPoolWithUsers, REGION, type TestEmulator } from '../support/emulator';
import { expectNoCrash } from '../support/e2e';
import { hclAttributes } from '../support/hcl';
import { PROVIDER_VERSION, SOURCE_ADDRESS } from '../../provider/src/provider-address';
import { mergeOf, mergeResource, type MergeSettings } from '../support/provider-hcl';
import { describeResult, type ProcessResult } from '../support/process';
import { TerraformWorkspace } from '../support/terraform';

/** Credentials unique to this run, so a match anywhere can only be a leak. */
const ACCESS_KEY = `AKIDREL${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 20);
const SECRET_KEY = `relSecret/${randomBytes(15).toString('base64')}`;
const SESSION_TOKEN = `relToken${randomBytes(48).toString('base64url')}`;
const SECRETS = { access_key: ACCESS_KEY, secret_key: SECRET_KEY, token: SESSION_TOKEN };

let env: TestEmulator;

beforeAll(async () => {
  // The emulator verifies signatures with exactly these keys, so a run only
  // succeeds if the provider really used them.
  const credentials = { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY };
  const emulator = await startEmulator({ credentials, region: REGION });
  const client = new CognitoIdentityClient({ endpoint: emulator.endpoint, region: REGION, credentials, maxAttempts: 1 });
  env = {
    emulator,
    client,
    async stop() {
      client.destroy();
      await emulator.stop();
    },
  };
});

afterAll(async () => {
  await env?.stop();
});

function providerConfig(withKeys: boolean): string {
  return `terraform {
  required_providers {
    cognitoidentity = {
      source  = "${SOURCE_ADDRESS}"
      version = "${PROVIDER_VERSION}"
    }
  }
}

provider "cognitoidentity" {
${hclAttributes({ endpoint: env.emulator.endpoint, region: REGION, ...(withKeys ? SECRETS : {}) })}
}
`;
}

type Mode = 'provider attributes' | 'environment variables';

test.each<Mode>(['provider attributes', 'environment variables'])(
  'credentials given as %s never appear in output, TF_LOG, state or the plan file',
  async (mode) => {
    const viaEnv = mode === 'environment variables';
    const pool = await createPoolWithUsers(env.client, 2);
    const ws = TerraformWorkspace.create(`secrets-${viaEnv ? 'env' : 'attrs'}`, {
      // In attribute mode the environment holds the harness's dummy keys, which the emulator rejects:
      // success proves the provider used the attributes.
      env: viaEnv ? { AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN } : {},
    });
    const merge: MergeSettings = mergeOf(pool, pool.users[0], pool.users[1]);
    const good = providerConfig(!viaEnv) + mergeResource('m', merge);
    const failing = good + mergeResource('unknown_user', { ...merge, source_user_identifier: 'no-such-user-here' });

    // Everything a user or CI system could keep: outputs, trace logs, state, backups, plan files.
    const texts: [string, string][] = [];
    let logNo = 0;
    const run = async (label: string, args: string[], code: number, recordStdout = true): Promise<ProcessResult> => {
      const logPath = path.join(ws.dir, `trace-${logNo++}.log`);
      const r = await ws.run(args, { TF_LOG: 'trace', TF_LOG_PATH: logPath });
      expectNoCrash(r);
      if (r.code !== code) throw new Error(`expected exit ${code}\n${describeResult(label, r)}`);
      if (recordStdout) texts.push([`${label} stdout`, r.stdout]);
      texts.push([`${label} stderr`, r.stderr], [`${label} TF_LOG_PATH`, fs.readFileSync(logPath, 'utf8')]);
      return r;
    };

    ws.write('main.tf', good);
    await run('init', ['init', '-no-color', '-input=false'], 0);
    await run('apply', ['apply', '-no-color', '-input=false', '-auto-approve'], 0);
    await run('plan -out', ['plan', '-no-color', '-input=false', '-out=saved.tfplan'], 0);
    const shown = await run('show -json planfile', ['show', '-no-color', '-json', 'saved.tfplan'], 0, false);
    const planJson = JSON.parse(shown.stdout) as { configuration?: unknown; resource_changes?: unknown[] };
    expect(planJson.resource_changes?.length).toBeGreaterThan(0);
    if (viaEnv) {
      texts.push(['show -json planfile', shown.stdout]);
    } else {
      // A plan file carries a snapshot of the configuration sources, and `show -json` echoes
      // literal expressions under configuration.provider_config.<name>.expressions.<attr>.constant_value
      // even for sensitive attributes: that is Terraform core repeating the user's own main.tf, not
      // something the provider wrote. Everything else in the plan (prior state, planned values,
      // resource changes, provider-produced data) must be clean.
      const { configuration: _echoOfMainTf, ...rest } = planJson;
      texts.push(['show -json planfile (outside the configuration echo)', JSON.stringify(rest)]);
    }

    ws.write('main.tf', failing);
    const failed = await run('failing plan', ['plan', '-no-color', '-input=false'], 1);
    expect(failed.stderr).toContain('no-such-user-here');

    ws.write('main.tf', good);
    await run('destroy', ['destroy', '-no-color', '-input=false', '-auto-approve'], 0);

    for (const file of ['terraform.tfstate', 'terraform.tfstate.backup']) {
      const p = path.join(ws.dir, file);
      if (fs.existsSync(p)) texts.push([file, fs.readFileSync(p, 'utf8')]);
    }
    expect(texts.map(([what]) => what)).toContain('terraform.tfstate.backup');

    // The trace logs really include the provider's own lines, so the check covers them.
    const logs = texts
      .filter(([what]) => what.endsWith('TF_LOG_PATH'))
      .map(([, t]) => t)
      .join('\n');
    expect(logs).toMatch(/provider\.terraform-provider-cognitoidentity/);
    // ... and its log line for each Cognito call, so those are checked too.
    expect(logs).toMatch(/cognito call: .*operation=LookupDeveloperIdentity/);
    expect(logs).toMatch(/cognito call: .*operation=MergeDeveloperIdentities/);

    const leaks: string[] = [];
    for (const [what, text] of texts) {
      for (const [name, secret] of Object.entries(SECRETS)) if (text.includes(secret)) leaks.push(`${name} in ${what}`);
    }
    expect(leaks).toEqual([]);
    ws.cleanup();
  },
  // A hang guard for six traced Terraform runs on a loaded machine; not a pass criterion.
  400_000,
);
