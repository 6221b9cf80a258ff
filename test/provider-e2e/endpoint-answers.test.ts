// Diagnostics that name the real cause when the endpoint, the credentials or
// the Region are wrong, through the real Terraform.

import * as http from 'node:http';
import type * as net from 'node:net';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';

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

const flat = (text: string): string => text.replace(/\s+/g, ' ');

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
