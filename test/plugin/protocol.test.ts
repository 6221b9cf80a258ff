// The built provider process, driven the way go-plugin drives it: real
// process, real unix socket, real mutual TLS, real gRPC. The echo test
// provider stands in for the Cognito logic, which this layer must not need.

import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceError } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { decodeMsgpack, encodeMsgpack } from '../../provider/src/plugin/cty';
import { objectTypeOf } from '../../provider/src/framework/schema';
import { UNKNOWN, Unknown, type ObjectValue } from '../../provider/src/framework/values';
import { echoProvider, echoResource } from './fixtures/echo-provider';
import {
  call,
  connect,
  ECHO_PROVIDER,
  generateClientCertificate,
  pluginEnv,
  requireBuilt,
  startPlugin,
  type ClientCertificate,
  type PluginClients,
  type RunningPlugin,
} from './fixtures/plugin-client';
import { waitFor } from '../support/wait';
import { nth, only, required } from '../support/lists';

const echoType = objectTypeOf(echoResource.schema.block);
const providerType = objectTypeOf(echoProvider.schema.block);
const dv = (value: ObjectValue | null, type = echoType) => ({ msgpack: Buffer.from(encodeMsgpack(value, type)) });
const undv = (msg: { msgpack: Buffer } | null, type = echoType) => (msg && msg.msgpack.length ? decodeMsgpack(msg.msgpack, type) : null);

interface Diag {
  severity: string;
  summary: string;
  detail: string;
  attribute: { steps: { attribute_name?: string }[] } | null;
}

let clientCert: ClientCertificate;

beforeAll(async () => {
  requireBuilt(ECHO_PROVIDER);
  clientCert = await generateClientCertificate();
});

describe('a provider process with AutoMTLS', () => {
  let plugin: RunningPlugin;
  let clients: PluginClients;

  beforeAll(async () => {
    plugin = await startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert));
    clients = connect(plugin.handshake, clientCert);
  });

  afterAll(() => {
    clients?.close();
    if (plugin && plugin.child.exitCode === null) plugin.child.kill('SIGKILL');
  });

  test('the handshake line follows go-plugin: 1|6|unix|socket|grpc|unpadded DER', () => {
    const h = plugin.handshake;
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
    }>(clients.provider, 'GetProviderSchema');
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
    expect(await call(clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
  });

  test('calls before ConfigureProvider get a clear error diagnostic', async () => {
    const res = await call<{ diagnostics: Diag[] }>(clients.provider, 'PlanResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(null),
      proposed_new_state: dv({ id: null, input: 'x', output: null, tags: null }),
      config: dv({ id: null, input: 'x', output: null, tags: null }),
    });
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Provider not configured' })]);
  });

  test('validation diagnostics keep their severity and attribute path', async () => {
    const res = await call<{ diagnostics: Diag[] }>(clients.provider, 'ValidateResourceConfig', {
      type_name: 'cognitoidentity_echo',
      config: dv({ id: null, input: '', output: null, tags: null }),
    });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Invalid input', attribute: { steps: [{ attribute_name: 'input' }] } });
  });

  test('a provider exception becomes an internal-error diagnostic without the secret, and the process lives on', async () => {
    const res = await call<{ diagnostics: Diag[] }>(clients.provider, 'ConfigureProvider', {
      terraform_version: '1.11.4',
      config: dv({ prefix: null, password: 'wrong' }, providerType),
    });
    const diagnostic = only(res.diagnostics, 'the ConfigureProvider diagnostics');
    expect(diagnostic.severity).toBe('ERROR');
    expect(diagnostic.summary).toBe('Internal error in provider: bad password [REDACTED]');
    expect(await call(clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
  });

  test('configure, plan and apply round-trip values, unknowns and private data', async () => {
    const configured = await call<{ diagnostics: Diag[] }>(clients.provider, 'ConfigureProvider', {
      terraform_version: '1.11.4',
      config: dv({ prefix: 'p-', password: 'S3cretPassw0rd!' }, providerType),
    });
    expect(configured.diagnostics).toEqual([]);

    const config = { id: null, input: 'hello', output: null, tags: { a: 'b' } };
    const plan = await call<{ planned_state: { msgpack: Buffer }; planned_private: Buffer; diagnostics: Diag[] }>(clients.provider, 'PlanResourceChange', {
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

    const apply = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(clients.provider, 'ApplyResourceChange', {
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
    const plan = await call<{ planned_state: { msgpack: Buffer } }>(clients.provider, 'PlanResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(prior),
      proposed_new_state: dv(null),
      config: dv(null),
    });
    expect([...plan.planned_state.msgpack]).toEqual([0xc0]);
    const apply = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(clients.provider, 'ApplyResourceChange', {
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
    const res = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(clients.provider, 'ApplyResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(null),
      planned_state: dv({ ...config, id: UNKNOWN, output: UNKNOWN }),
      config: dv(config),
    });
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Internal error in provider: exploded while applying boom' })]);
  });

  test('UpgradeResourceState reads stored JSON from an older version and conforms it to the schema', async () => {
    const res = await call<{ upgraded_state: { msgpack: Buffer }; diagnostics: Diag[] }>(clients.provider, 'UpgradeResourceState', {
      type_name: 'cognitoidentity_echo',
      version: 0,
      raw_state: { json: Buffer.from(JSON.stringify({ id: 'a', text: 'a', output: 'p-a', removed_attr: 1 })) },
    });
    expect(res.diagnostics).toEqual([]);
    expect(undv(res.upgraded_state)).toEqual({ id: 'a', input: 'a', output: 'p-a', tags: null });
  });

  test('bad input gets diagnostics naming the problem', async () => {
    const badState = await call<{ diagnostics: Diag[] }>(clients.provider, 'UpgradeResourceState', {
      type_name: 'cognitoidentity_echo',
      version: 1,
      raw_state: { json: Buffer.from('{not json') },
    });
    expect(badState.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Invalid stored state' })]);

    const unknownType = await call<{ diagnostics: Diag[] }>(clients.provider, 'ValidateResourceConfig', {
      type_name: 'cognitoidentity_nope',
      config: dv(null),
    });
    expect(unknownType.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'Unknown resource type' });
    expect(unknownType.diagnostics[0]?.detail).toContain('cognitoidentity_nope');

    const garbage = await call<{ diagnostics: Diag[] }>(clients.provider, 'ValidateResourceConfig', {
      type_name: 'cognitoidentity_echo',
      config: { msgpack: Buffer.from([0x81, 0xa2, 0x69, 0x64]) },
    });
    expect(garbage.diagnostics[0]).toMatchObject({ severity: 'ERROR' });
    expect(garbage.diagnostics[0]?.summary).toMatch(/^Invalid configuration of cognitoidentity_echo/);
  });

  test('messages over the gRPC 4 MiB default get through (limit raised to 256 MiB)', async () => {
    const big = 'x'.repeat(6 * 1024 * 1024);
    const res = await call<{ diagnostics: Diag[] }>(clients.provider, 'ValidateResourceConfig', {
      type_name: 'cognitoidentity_echo',
      config: dv({ id: null, input: 'big', output: null, tags: { big } }),
    });
    expect(res.diagnostics).toEqual([]);
    const read = await call<{ new_state: { msgpack: Buffer }; diagnostics: Diag[] }>(clients.provider, 'ReadResource', {
      type_name: 'cognitoidentity_echo',
      current_state: dv({ id: 'big', input: 'big', output: 'p-big', tags: { big } }),
    });
    expect(read.diagnostics).toEqual([]);
    expect(read.new_state.msgpack.length).toBeGreaterThan(6 * 1024 * 1024);
  });

  test('ImportResourceState returns exactly one object holding every attribute', async () => {
    const res = await call<{ imported_resources: { type_name: string; state: { msgpack: Buffer } }[]; diagnostics: Diag[] }>(
      clients.provider,
      'ImportResourceState',
      { type_name: 'cognitoidentity_echo', id: 'imp' },
    );
    expect(res.diagnostics).toEqual([]);
    const imported = only(res.imported_resources, 'the imported resources');
    expect(imported.type_name).toBe('cognitoidentity_echo');
    expect(undv(imported.state)).toEqual({ id: 'imp', input: 'imp', output: 'p-imp', tags: null });
  });

  test('features we do not offer answer UNIMPLEMENTED', async () => {
    await expect(call(clients.provider, 'GetResourceIdentitySchemas')).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
    await expect(call(clients.provider, 'MoveResourceState', {})).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
  });

  test('CallFunction of a function the provider does not define answers a FunctionError, not a transport error', async () => {
    const r = await call<{ error?: { text: string } }>(clients.provider, 'CallFunction', { name: 'f', arguments: [] });
    expect(r.error?.text).toContain('no function "f"');
  });

  test('SIGINT is ignored (Terraform drives shutdown)', async () => {
    plugin.child.kill('SIGINT');
    // A round trip after the signal proves the process is still serving.
    await call(clients.health, 'Check', { service: 'plugin' });
    expect(await call(clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
    expect(plugin.child.exitCode).toBeNull();
  });

  test('StopProvider aborts the signal of in-flight calls and answers with an empty error', async () => {
    const config = { id: null, input: 'wait-for-stop', output: null, tags: null };
    const inFlight = call<{ diagnostics: Diag[] }>(clients.provider, 'PlanResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(null),
      proposed_new_state: dv(config),
      config: dv(config),
    });
    await waitFor(() => plugin.stderr().includes('waiting for StopProvider'), { what: 'the provider to be inside the call' });
    expect(await call(clients.provider, 'StopProvider')).toEqual({ Error: '' });
    const stopped = await inFlight;
    expect(stopped.diagnostics).toEqual([
      expect.objectContaining({ severity: 'ERROR', summary: 'Stopped', detail: expect.stringContaining('Terraform asked the provider to stop') }),
    ]);
    // Later calls still work with a fresh abort signal.
    const res = await call<{ diagnostics: Diag[] }>(clients.provider, 'ValidateProviderConfig', { config: dv({ prefix: 'x', password: null }, providerType) });
    expect(res.diagnostics).toEqual([]);
  });

  test('Shutdown replies, then the process exits 0 and removes its socket', async () => {
    const socketDir = path.dirname(plugin.handshake.address);
    expect(await call(clients.controller, 'Shutdown')).toEqual({});
    expect(await plugin.exited).toBe(0);
    expect(fs.existsSync(socketDir)).toBe(false);
    // Nothing but the handshake line ever reached stdout.
    expect(plugin.stdout()).toBe(plugin.handshake.raw);
  });

  test('stderr holds only hclog JSON: exceptions with their stack, no secrets', () => {
    // Read after exit, when stderr is complete.
    const entries = plugin
      .stderr()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const e of entries) {
      expect(typeof e['@level']).toBe('string');
      expect(typeof e['@message']).toBe('string');
    }
    const applyFailure = entries.find((e) => e['@message'] === 'ApplyResourceChange failed');
    expect(applyFailure?.['@level']).toBe('error');
    expect(String(applyFailure?.error)).toMatch(/exploded while applying boom\n\s+at /);
    expect(entries.find((e) => e['@message'] === 'ConfigureProvider failed')).toBeDefined();
    expect(plugin.stderr()).not.toContain('S3cretPassw0rd!');
    expect(plugin.stderr()).not.toMatch(/password[^\n]{0,40}wrong/);
  });
});

test('a provider whose Terraform died without Shutdown exits on its own', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orphan-'));
  const out = path.join(dir, 'stdout');
  // The shell starts the provider, waits for its handshake, then dies: the provider is orphaned.
  const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(ECHO_PROVIDER)} > ${JSON.stringify(out)} 2>/dev/null &
while [ ! -s ${JSON.stringify(out)} ]; do sleep 0.05; done
echo $!`;
  const pid = Number(execFileSync('sh', ['-c', script], { env: pluginEnv(clientCert), encoding: 'utf8' }).trim());
  expect(pid).toBeGreaterThan(0);
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // The timeout only stops a hang, the pass criterion is that it exits at all.
  const exited = await waitFor(() => !alive(), { what: 'the orphaned provider to exit' }).catch(() => false);
  if (!exited) process.kill(pid, 'SIGKILL');
  expect(exited).toBe(true);
  const socketDir = path.dirname(nth(fs.readFileSync(out, 'utf8').split('|'), 3, 'the handshake line'));
  expect(fs.existsSync(socketDir)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('refusals', () => {
  test('without the magic cookie: exit 1 with a human message, nothing on stdout', async () => {
    const env = pluginEnv(clientCert);
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    await expect(startPlugin(process.execPath, [ECHO_PROVIDER], env)).rejects.toThrow(
      /exited \(1\) before the handshake; stdout: ""; stderr:\nThis binary is a plugin/,
    );
  });

  test('without protocol 6 on offer: exit 1 naming PLUGIN_PROTOCOL_VERSIONS', async () => {
    await expect(startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert, { PLUGIN_PROTOCOL_VERSIONS: '5' }))).rejects.toThrow(
      /exited \(1\).*stdout: "".*PLUGIN_PROTOCOL_VERSIONS/s,
    );
  });

  test('a broken PLUGIN_CLIENT_CERT stops the start with a message naming it', async () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n';
    await expect(startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert, { PLUGIN_CLIENT_CERT: garbage }))).rejects.toThrow(
      /exited \(1\).*stdout: "".*cannot start: PLUGIN_CLIENT_CERT is not a valid PEM certificate/s,
    );
  });

  test('a client with a different certificate is refused', async () => {
    const plugin = await startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert));
    const stranger = await generateClientCertificate();
    const wrong = connect(plugin.handshake, stranger);
    try {
      const err = (await call(wrong.health, 'Check', { service: 'plugin' }).then(
        () => null,
        (e: ServiceError) => e,
      )) as ServiceError | null;
      expect(err).not.toBeNull();
      expect(err!.code).toBe(status.UNAVAILABLE);
      // The right client still gets in.
      const right = connect(plugin.handshake, clientCert);
      expect(await call(right.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
      await call(right.controller, 'Shutdown');
      right.close();
      expect(await plugin.exited).toBe(0);
    } finally {
      wrong.close();
      if (plugin.child.exitCode === null) plugin.child.kill('SIGKILL');
    }
  });

  test('PLUGIN_UNIX_SOCKET_DIR is honoured like go-plugin does', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sockdir-'));
    const plugin = await startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert, { PLUGIN_UNIX_SOCKET_DIR: base }));
    try {
      expect(path.dirname(path.dirname(plugin.handshake.address))).toBe(base);
      const clients = connect(plugin.handshake, clientCert);
      await call(clients.controller, 'Shutdown');
      clients.close();
      expect(await plugin.exited).toBe(0);
      expect(fs.readdirSync(base)).toEqual([]);
    } finally {
      if (plugin.child.exitCode === null) plugin.child.kill('SIGKILL');
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  test('with TF_DISABLE_PLUGIN_TLS: plaintext and an empty certificate field', async () => {
    const plugin = await startPlugin(process.execPath, [ECHO_PROVIDER], pluginEnv(clientCert, { TF_DISABLE_PLUGIN_TLS: '1' }));
    try {
      expect(plugin.handshake.cert).toBe('');
      const plain = connect(plugin.handshake, null);
      expect(await call(plain.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
      await call(plain.controller, 'Shutdown');
      plain.close();
      expect(await plugin.exited).toBe(0);
    } finally {
      if (plugin.child.exitCode === null) plugin.child.kill('SIGKILL');
    }
  });
});
