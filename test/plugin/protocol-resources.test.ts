// The built provider process over real gRPC and mutual TLS (see
// protocol-surface.test.ts): resource calls of a configured provider, values
// in and out. Each test starts its own process, configured with prefix "p-".

import { UNKNOWN, Unknown, type ObjectValue } from '../../provider/src/framework/values';
import { dv, startEcho, undv, type Diag, type EchoProcess } from './fixtures/echo-session';
import { call, ECHO_PROVIDER, generateClientCertificate, requireBuilt, type ClientCertificate } from './fixtures/plugin-client';
import { only } from '../support/lists';

let clientCert: ClientCertificate;
let echo: EchoProcess;

beforeAll(async () => {
  requireBuilt(ECHO_PROVIDER);
  clientCert = await generateClientCertificate();
});

beforeEach(async () => {
  echo = await startEcho(clientCert, { configured: true });
});

afterEach(() => echo?.close());

test('configure, plan and apply round-trip values, unknowns and private data', async () => {
  const config = { id: null, input: 'hello', output: null, tags: { a: 'b' } };
  const plan = await call<{ planned_state: { msgpack: Buffer }; planned_private: Buffer; diagnostics: Diag[] }>(echo.clients.provider, 'PlanResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(null),
    proposed_new_state: dv(config),
    config: dv(config),
  });
  expect(plan.diagnostics).toEqual([]);
  const planned = undv(plan.planned_state) as ObjectValue;
  expect(planned.output).toBeInstanceOf(Unknown);
  expect(planned.tags).toEqual({ a: 'b' });
  expect(plan.planned_private.toString()).toBe('p-');

  const apply = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(echo.clients.provider, 'ApplyResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(null),
    planned_state: dv({ ...config, id: UNKNOWN, output: UNKNOWN }),
    config: dv(config),
    planned_private: plan.planned_private,
  });
  expect(apply.diagnostics).toEqual([]);
  expect(undv(apply.new_state)).toEqual({ id: 'hello', input: 'hello', output: 'p-hello', tags: { a: 'b' } });
});

test('destroy: a null planned state plans and applies to msgpack nil', async () => {
  const prior = { id: 'hello', input: 'hello', output: 'p-hello', tags: null };
  const plan = await call<{ planned_state: { msgpack: Buffer } }>(echo.clients.provider, 'PlanResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(prior),
    proposed_new_state: dv(null),
    config: dv(null),
  });
  expect([...plan.planned_state.msgpack]).toEqual([0xc0]);
  const apply = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(echo.clients.provider, 'ApplyResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(prior),
    planned_state: dv(null),
    config: dv(null),
  });
  expect(apply.diagnostics).toEqual([]);
  expect([...apply.new_state.msgpack]).toEqual([0xc0]);
});

test('an exception during apply is an error diagnostic', async () => {
  const config = { id: null, input: 'boom', output: null, tags: null };
  const res = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(echo.clients.provider, 'ApplyResourceChange', {
    type_name: 'cognitoidentity_echo',
    prior_state: dv(null),
    planned_state: dv({ ...config, id: UNKNOWN, output: UNKNOWN }),
    config: dv(config),
  });
  expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Internal error in provider: exploded while applying boom' })]);
});

test('UpgradeResourceState reads stored JSON from an older version and conforms it to the schema', async () => {
  const res = await call<{ upgraded_state: { msgpack: Buffer }; diagnostics: Diag[] }>(echo.clients.provider, 'UpgradeResourceState', {
    type_name: 'cognitoidentity_echo',
    version: 0,
    raw_state: { json: Buffer.from(JSON.stringify({ id: 'a', text: 'a', output: 'p-a', removed_attr: 1 })) },
  });
  expect(res.diagnostics).toEqual([]);
  expect(undv(res.upgraded_state)).toEqual({ id: 'a', input: 'a', output: 'p-a', tags: null });
});

test('bad input gets diagnostics naming the problem', async () => {
  const badState = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'UpgradeResourceState', {
    type_name: 'cognitoidentity_echo',
    version: 1,
    raw_state: { json: Buffer.from('{not json') },
  });
  expect(badState.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Invalid stored state' })]);

  const unknownType = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'ValidateResourceConfig', {
    type_name: 'cognitoidentity_nope',
    config: dv(null),
  });
  expect(unknownType.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Unknown resource type' });
  expect(unknownType.diagnostics[0]?.detail).toContain('cognitoidentity_nope');

  const garbage = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'ValidateResourceConfig', {
    type_name: 'cognitoidentity_echo',
    config: { msgpack: Buffer.from([0x81, 0xa2, 0x69, 0x64]) },
  });
  expect(garbage.diagnostics[0]).toMatchObject({ severity: 'ERROR' });
  expect(garbage.diagnostics[0]?.summary).toMatch(/^Invalid configuration of cognitoidentity_echo/);
});

test('messages over the gRPC 4 MiB default get through (limit raised to 256 MiB)', async () => {
  const big = 'x'.repeat(6 * 1024 * 1024);
  const res = await call<{ diagnostics: Diag[] }>(echo.clients.provider, 'ValidateResourceConfig', {
    type_name: 'cognitoidentity_echo',
    config: dv({ id: null, input: 'big', output: null, tags: { big } }),
  });
  expect(res.diagnostics).toEqual([]);
  const read = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(echo.clients.provider, 'ReadResource', {
    type_name: 'cognitoidentity_echo',
    current_state: dv({ id: 'big', input: 'big', output: 'p-big', tags: { big } }),
  });
  expect(read.diagnostics).toEqual([]);
  expect(read.new_state.msgpack.length).toBeGreaterThan(6 * 1024 * 1024);
});

test('ImportResourceState returns exactly one object holding every attribute', async () => {
  const res = await call<{ imported_resources: { type_name: string; state: { msgpack: Buffer } }[]; diagnostics: Diag[] }>(
    echo.clients.provider,
    'ImportResourceState',
    { type_name: 'cognitoidentity_echo', id: 'imp' },
  );
  expect(res.diagnostics).toEqual([]);
  const imported = only(res.imported_resources, 'the imported resources');
  expect(imported.type_name).toBe('cognitoidentity_echo');
  expect(undv(imported.state)).toEqual({ id: 'imp', input: 'imp', output: 'p-imp', tags: null });
});
