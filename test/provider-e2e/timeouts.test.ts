// An endpoint that accepts TCP connections but never answers (a black hole on
// 127.0.0.1): plan must fail in bounded time with "timed out", naming the
// operation and the endpoint, not hang until Terraform gives up on the plugin.

import * as net from 'node:net';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { expectNoCrash, newCase } from '../support/e2e';
import { mergeOf, mergeResource } from '../support/provider-hcl';
import { flat } from '../support/terraform';

let env: TestEmulator;
let blackHole: net.Server;
const sockets = new Set<net.Socket>();
let endpoint = '';

beforeAll(async () => {
  env = await startTestEmulator();
  blackHole = net.createServer((socket) => {
    // Read and ignore everything; never answer.
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(blackHole.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => blackHole.close(() => resolve()));
  await env?.stop();
});

test('a black-holed endpoint fails the plan within the request timeout and its retries, saying "timed out"', async () => {
  const { ws, pool, configure } = await newCase(env, 'black-hole', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint, request_timeout_seconds: 1 });
  const started = Date.now();
  const r = await ws.plan();
  const seconds = (Date.now() - started) / 1000;
  expect(r.code).toBe(1);
  const text = flat(r.stderr);
  expect(text).toContain('timed out');
  expect(text).toContain(`LookupDeveloperIdentity to ${endpoint} got no answer in time`);
  expect(text).toContain('request_timeout_seconds');
  expectNoCrash(r);
  // Four attempts of one second each per call, plus Terraform's own start: far from the 5 minutes it used to hang.
  expect(seconds).toBeLessThan(60);
  ws.cleanup();
});

test('a request timeout out of range is refused at validate, naming the attribute', async () => {
  const { ws, pool, configure } = await newCase(env, 'bad-timeout', 2);
  const [src, dst] = pool.users;
  configure(mergeResource('m', mergeOf(pool, src, dst)), { endpoint: env.emulator.endpoint, request_timeout_seconds: 0 });
  const r = await ws.run(['validate', '-no-color']);
  expect(r.code).toBe(1);
  expect(flat(r.stderr)).toContain('`request_timeout_seconds` is a number of seconds greater than 0 and at most 300; got 0');
  ws.cleanup();
});
