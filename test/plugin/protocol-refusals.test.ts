// The built provider process over real gRPC and mutual TLS (see
// protocol-surface.test.ts): what it refuses at start and at connect, and the
// go-plugin settings it honours. Each test starts its own process.

import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceError } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import {
  call,
  connect,
  ECHO_PROVIDER,
  generateClientCertificate,
  pluginEnv,
  requireBuilt,
  startPlugin,
  type ClientCertificate,
} from './fixtures/plugin-client';

let clientCert: ClientCertificate;

beforeAll(async () => {
  requireBuilt(ECHO_PROVIDER);
  clientCert = await generateClientCertificate();
});

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
