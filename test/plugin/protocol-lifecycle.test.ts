// The built provider process over real gRPC and mutual TLS (see
// protocol-surface.test.ts): failures, signals, stop and shutdown, and what
// the process leaves on stdout and stderr. Each test starts its own process.

import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UNKNOWN } from '../../provider/src/framework/values';
import { configure, dv, providerType, SECRET, startEcho, type Diag, type EchoProcess } from './fixtures/echo-session';
import { call, ECHO_PROVIDER, generateClientCertificate, pluginEnv, requireBuilt, type ClientCertificate, type PluginClients } from './fixtures/plugin-client';
import { waitFor } from '../support/wait';
import { nth, only } from '../support/lists';

let clientCert: ClientCertificate;
let echo: EchoProcess | undefined;

beforeAll(async () => {
  requireBuilt(ECHO_PROVIDER);
  clientCert = await generateClientCertificate();
});

afterEach(async () => {
  await echo?.close();
  echo = undefined;
});

const start = async (configured = false): Promise<EchoProcess> => (echo = await startEcho(clientCert, { configured }));

/** A session with a failing and a working configure, a plan and apply, and a failing apply. */
async function exercise(clients: PluginClients): Promise<void> {
  expect((await configure(clients, { prefix: null, password: 'wrong' })).diagnostics).toHaveLength(1);
  expect((await configure(clients)).diagnostics).toEqual([]);
  for (const input of ['hello', 'boom']) {
    const config = { id: null, input, output: null, tags: null };
    const plan = await call<{ planned_private: Buffer; diagnostics: Diag[] }>(clients.provider, 'PlanResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(null),
      proposed_new_state: dv(config),
      config: dv(config),
    });
    expect(plan.diagnostics).toEqual([]);
    const apply = await call<{ diagnostics: Diag[] }>(clients.provider, 'ApplyResourceChange', {
      type_name: 'cognitoidentity_echo',
      prior_state: dv(null),
      planned_state: dv({ ...config, id: UNKNOWN, output: UNKNOWN }),
      config: dv(config),
      planned_private: plan.planned_private,
    });
    expect(apply.diagnostics).toHaveLength(input === 'boom' ? 1 : 0);
  }
}

test('a provider exception becomes an internal-error diagnostic without the secret, and the process lives on', async () => {
  const { clients } = await start();
  const res = await configure(clients, { prefix: null, password: 'wrong' });
  const diagnostic = only(res.diagnostics, 'the ConfigureProvider diagnostics');
  expect(diagnostic.severity).toBe('ERROR');
  expect(diagnostic.summary).toBe('Internal error in provider: bad password [REDACTED]');
  expect(await call(clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
});

test('SIGINT is ignored (Terraform drives shutdown)', async () => {
  const { plugin, clients } = await start();
  plugin.child.kill('SIGINT');
  // A round trip after the signal proves the process is still serving.
  await call(clients.health, 'Check', { service: 'plugin' });
  expect(await call(clients.health, 'Check', { service: 'plugin' })).toEqual({ status: 'SERVING' });
  expect(plugin.child.exitCode).toBeNull();
});

test('StopProvider aborts the signal of in-flight calls and answers with an empty error', async () => {
  const { plugin, clients } = await start(true);
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
  const { plugin, clients } = await start();
  await exercise(clients);
  const socketDir = path.dirname(plugin.handshake.address);
  expect(await call(clients.controller, 'Shutdown')).toEqual({});
  expect(await plugin.exited).toBe(0);
  expect(fs.existsSync(socketDir)).toBe(false);
  // Nothing but the handshake line ever reached stdout.
  expect(plugin.stdout()).toBe(plugin.handshake.raw);
});

test('stderr holds only hclog JSON: exceptions with their stack, no secrets', async () => {
  const { plugin, clients } = await start();
  await exercise(clients);
  await call(clients.controller, 'Shutdown');
  // Read after exit, when stderr is complete.
  expect(await plugin.exited).toBe(0);
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
  expect(plugin.stderr()).not.toContain(SECRET);
  expect(plugin.stderr()).not.toMatch(/password[^\n]{0,40}wrong/);
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
