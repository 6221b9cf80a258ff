// A go-plugin client as Terraform runs one: starts a provider executable
// (cookie, protocol versions, AutoMTLS client certificate), reads the handshake
// line, and opens gRPC clients on the advertised socket. Used by the plugin
// tests and the launch benchmark; part of the shared harness (why it lives in
// examples/demo: local-emulator.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { MAGIC_COOKIE_VALUE } from '../../provider/src/plugin/handshake';
import { PROTO_FILES, protoDir } from '../../provider/src/plugin/proto-loader';
import type { ClientCertificate } from './go-plugin-certificate';

export interface Handshake {
  raw: string;
  core: string;
  app: string;
  network: string;
  address: string;
  protocol: string;
  cert: string;
}

export function parseHandshake(line: string): Handshake {
  const parts = line.trim().split('|');
  if (parts.length !== 6) throw new Error(`handshake line should have 6 fields: ${JSON.stringify(line)}`);
  // The length was checked above; the defaults only satisfy the index check.
  const [core = '', app = '', network = '', address = '', protocol = '', cert = ''] = parts;
  return { raw: line, core, app, network, address, protocol, cert };
}

/** PEM of the handshake's certificate (unpadded base64 DER). */
export function handshakeCertPem(h: Handshake): string {
  const der = Buffer.from(h.cert, 'base64');
  return `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
}

export interface RunningPlugin {
  child: ChildProcess;
  handshake: Handshake;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
}

export function pluginEnv(clientCert: ClientCertificate | null, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
  };
  delete env.TF_DISABLE_PLUGIN_TLS;
  delete env.PLUGIN_CLIENT_CERT;
  if (clientCert) env.PLUGIN_CLIENT_CERT = clientCert.certPem;
  return { ...env, ...extra };
}

/** Spawns `command args` and waits for its handshake line (guarded, so a broken start fails instead of hanging). */
export function startPlugin(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunningPlugin> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no handshake line within 60 s; stderr:\n${err}`));
    }, 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0 && out.length - b.length <= nl) {
        clearTimeout(guard);
        resolve({ child, handshake: parseHandshake(out.slice(0, nl + 1)), stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(guard);
      reject(new Error(`provider exited (${code}) before the handshake; stdout: ${JSON.stringify(out)}; stderr:\n${err}`));
    });
  });
}

type ClientCtor = grpc.ServiceClientConstructor;

function loadClients(): { Provider: ClientCtor; Controller: ClientCtor; Health: ClientCtor; Stdio: ClientCtor } {
  const defs = protoLoader.loadSync([...PROTO_FILES], {
    includeDirs: [protoDir()],
    keepCase: true,
    longs: Number,
    enums: String,
    bytes: Buffer,
    defaults: true,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(defs) as unknown as {
    tfplugin6: { Provider: ClientCtor };
    plugin: { GRPCController: ClientCtor; GRPCStdio: ClientCtor };
    grpc: { health: { v1: { Health: ClientCtor } } };
  };
  return { Provider: pkg.tfplugin6.Provider, Controller: pkg.plugin.GRPCController, Health: pkg.grpc.health.v1.Health, Stdio: pkg.plugin.GRPCStdio };
}

export interface PluginClients {
  provider: grpc.Client;
  controller: grpc.Client;
  health: grpc.Client;
  stdio: grpc.Client;
  close(): void;
}

/** Connects like go-plugin: trust exactly the handshake's certificate, present our client cert, server name localhost. */
export function connect(h: Handshake, clientCert: ClientCertificate | null): PluginClients {
  const ctors = loadClients();
  const creds = clientCert
    ? grpc.credentials.createSsl(Buffer.from(handshakeCertPem(h)), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem))
    : grpc.credentials.createInsecure();
  const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost', 'grpc.max_receive_message_length': 256 * 1024 * 1024 };
  const target = `unix:${h.address}`;
  const provider = new ctors.Provider(target, creds, options);
  const controller = new ctors.Controller(target, creds, options);
  const health = new ctors.Health(target, creds, options);
  const stdio = new ctors.Stdio(target, creds, options);
  return {
    provider,
    controller,
    health,
    stdio,
    close: () => [provider, controller, health, stdio].forEach((c) => c.close()),
  };
}

type UnaryMethod = (req: unknown, meta: grpc.Metadata, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res: unknown) => void) => void;

/** One unary call; a 30 s deadline guards against a hang (never a pass criterion). */
export function call<T = Record<string, unknown>>(client: grpc.Client, method: string, request: unknown = {}): Promise<T> {
  const fn = (client as unknown as Record<string, UnaryMethod>)[method];
  if (typeof fn !== 'function') throw new Error(`no method ${method}`);
  return new Promise((resolve, reject) => {
    fn.call(client, request, new grpc.Metadata(), { deadline: Date.now() + 30_000 }, (err, res) => (err ? reject(err) : resolve(res as T)));
  });
}
