// The built provider process, driven the way go-plugin drives it: real
// process, real unix socket, real mutual TLS, real gRPC. The echo test
// provider stands in for the Cognito logic, which this layer must not need.
// This file: the handshake and what a fresh, unconfigured process answers.
// Each test starts its own process.

import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { status } from '@grpc/grpc-js';
import { dv, startEcho, type Diag, type EchoProcess } from './fixtures/echo-session';
import { call, ECHO_PROVIDER, generateClientCertificate, requireBuilt, type ClientCertificate } from './fixtures/plugin-client';
import { required } from '../support/lists';

let clientCert: ClientCertificate;
let echo: EchoProcess;

beforeAll(async () => {
  requireBuilt(ECHO_PROVIDER);
  clientCert = await generateClientCertificate();
});

beforeEach(async () => {
  echo = await startEcho(clientCert);
});

afterEach(() => echo?.close());

test('the handshake line follows go-plugin: 1|6|unix|socket|grpc|unpadded DER', () => {
  const h = echo.plugin.handshake;
  expect(h.raw.endsWith('\n')).toBe(true);
  expect([h.core, h.app, h.network, h.protocol]).toEqual(['1', '6', 'unix', 'grpc']);
  expect(path.isAbsolute(h.address)).toBe(true);
  expect(h.address.length).toBeLessThanOrEqual(100);
  expect(fs.statSync(h.address).isSocket()).toBe(true);
  expect(fs.statSync(path.dirname(h.address)).mode & 0o777).toBe(0o700);
  expect(h.cert).toMatch(/^[A-Za-z0-9+/]{51,}$/);
  const cert = new X509Certificate(Buffer.from(h.cert, 'base64'));
  expect(cert.subjectAltName).toBe('DNS:localhost');
});

test('GetProviderSchema lists the resource and data source types with blocks', async () => {
  const res = await call<{
    provider: { block: unknown };
    resource_schemas: Record<string, { version: number; block: { attributes: { name: string; type: Buffer }[] } }>;
    data_source_schemas: Record<string, { block: unknown }>;
    server_capabilities: { plan_destroy: boolean; get_provider_schema_optional: boolean };
    diagnostics: Diag[];
  }>(echo.clients.provider, 'GetProviderSchema');
  expect(res.diagnostics).toEqual([]);
  expect(res.provider.block).toBeTruthy();
  expect(Object.keys(res.resource_schemas)).toEqual(['cognitoidentity_echo']);
  expect(Object.keys(res.data_source_schemas)).toEqual(['cognitoidentity_clock']);
  const echoSchema = required(res.resource_schemas.cognitoidentity_echo, 'the cognitoidentity_echo schema');
  expect(echoSchema.version).toBe(1);
  const tags = echoSchema.block.attributes.find((a) => a.name === 'tags');
  expect(tags?.type.toString()).toBe('["map","string"]');
  expect(res.server_capabilities).toMatchObject({ plan_destroy: true, get_provider_schema_optional: false });
});

test('health Check answers SERVING', async () => {
  expect(await call(echo.clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
});

test('calls before ConfigureProvider get a clear error diagnostic', async () => {
  const res = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'PlanResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(null),
    proposed_new_state: dv({ id: null, input: 'x', output: null, tags: null }),
    config: dv({ id: null, input: 'x', output: null, tags: null }),
  });
  expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Provider not configured' })]);
});

test('validation diagnostics keep their severity and attribute path', async () => {
  const res = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'ValidateResourceConfig', {
    type_name: 'cognitoidentity_echo',
    config: dv({ id: null, input: '', output: null, tags: null }),
  });
  expect(res.diagnostics).toHaveLength(1);
  expect(res.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Invalid input', attribute: { steps: [{ attribute_name: 'input' }] } });
});

test('features we do not offer answer UNIMPLEMENTED', async () => {
  await expect(call(echo.clients.provider, 'GetResourceIdentitySchemas')).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
  await expect(call(echo.clients.provider, 'MoveResourceState', {})).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
});

test('CallFunction of a function the provider does not define answers a FunctionError, not a transport error', async () => {
  const r = await call<{ error?: { text: string } }>(echo.clients.provider, 'CallFunction', { name: 'f', arguments: [] });
  expect(r.error?.text).toContain('no function "f"');
});
