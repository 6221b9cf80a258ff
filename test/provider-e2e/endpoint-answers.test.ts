// Diagnostics that name the real cause when the endpoint, the credentials or
// the Region are wrong, through the real Terraform.

import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type * as net from 'node:net';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { flat } from '../support/terraform';

let env: TestEmulator;
let notCognito: http.Server;
let notCognitoEndpoint = '';

beforeAll(async () => {
  env = await startTestEmulator();
  // Answers every request with an empty-bodied 404, as a wrong path or proxy would.
  notCognito = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => notCognito.listen(0, '127.0.0.1', resolve));
  notCognitoEndpoint = `http://127.0.0.1:${(notCognito.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => notCognito.close(() => resolve()));
  await env?.stop();
});

test('an endpoint that answers an empty-bodied 404 is reported as such, not as "Unknown: UnknownError"', async () => {
  const { ws, pool, configure } = await newCase(env, 'empty-404', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint: notCognitoEndpoint });
  const r = await ws.plan();
  expect(r.code).toBe(1);
  expectNoCrash(r);
  const text = flat(r.stderr);
  expect(text).toContain(`${notCognitoEndpoint} answered LookupDeveloperIdentity with HTTP 404 and an empty body`);
  expect(text).toContain('may not be a Cognito Identity endpoint');
  expect(text).not.toContain('UnknownError');
  ws.cleanup();
});

/** A workspace whose only credentials would come from the chain: no keys in the environment, shared files of its own. */
const noKeys = (dir: string): NodeJS.ProcessEnv => {
  fs.writeFileSync(path.join(dir, 'aws-config'), '[default]\nregion = us-east-1\n\n[profile other]\nregion = us-east-1\n');
  return {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-credentials-missing'),
  };
};

test('a missing profile is named, with the files that were searched', async () => {
  const { ws, pool, configure } = await newCase(env, 'missing-profile', 2, { env: noKeys });
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint: env.emulator.endpoint, access_key: null, secret_key: null, profile: 'nope' });
  const r = await ws.plan();
  expect(r.code).toBe(1);
  expectNoCrash(r);
  const text = flat(r.stderr);
  expect(text).toContain('AWS profile "nope" not found');
  expect(text).toContain(`${path.join(ws.dir, 'aws-config')} (AWS_CONFIG_FILE)`);
  expect(text).toContain(`${path.join(ws.dir, 'aws-credentials-missing')} (AWS_SHARED_CREDENTIALS_FILE)`);
  expect(text).not.toContain('not authorized');
  ws.cleanup();
});

test('no credentials anywhere: the error lists where the chain looked', async () => {
  const { ws, pool, configure } = await newCase(env, 'no-credentials', 2, { env: noKeys });
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint: env.emulator.endpoint, access_key: null, secret_key: null });
  const r = await ws.plan();
  expect(r.code).toBe(1);
  expectNoCrash(r);
  const text = flat(r.stderr);
  expect(text).toContain('no AWS credentials found');
  expect(text).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (AWS_ACCESS_KEY_ID is not set)');
  expect(text).toContain(`profile "default" (keys, SSO, credential_process) in ${path.join(ws.dir, 'aws-config')}`);
  expect(text).toContain('EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)');
  expect(text).not.toContain('not authorized');
  ws.cleanup();
});

test("a provider Region other than the pool id's fails at plan, naming both", async () => {
  const { ws, pool, configure } = await newCase(env, 'region-mismatch', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint: env.emulator.endpoint, region: 'eu-west-1' });
  const r = await ws.plan();
  expect(r.code).toBe(1);
  expectNoCrash(r);
  const text = flat(r.stderr);
  expect(text).toContain('Identity pool is in another Region');
  expect(text).toContain(`"${pool.poolId}" is in Region us-east-1`);
  expect(text).toContain('the provider uses Region eu-west-1 (from `region` in the provider block)');
  ws.cleanup();
});
