// Serving a provider the way go-plugin expects: check the cookie, agree on
// protocol 6, set up AutoMTLS, bind the socket, print the handshake line, and
// then let Terraform drive everything (including shutdown) over gRPC.

import { writeHandshakeLine } from './stdout-guard';
import * as grpc from '@grpc/grpc-js';
import type { ProviderDefinition } from '../framework/provider';
import type { ServerCertificate } from './certificate';
import { checkMagicCookie, formatHandshakeLine, HandshakeError, negotiateProtocolVersion } from './handshake';
import { startPluginServer } from './grpc-server';
import { HclogLogger } from './logger';
import { loadPluginServices } from './proto-loader';
import { ProviderService } from './provider-service';
import { planTransport, serverCredentials } from './tls';

/** How long Shutdown waits for in-flight calls before forcing the exit (Terraform kills after 2 s). */
const SHUTDOWN_GRACE_MS = 1000;

/**
 * grpc-js's own diagnostics, as hclog lines instead of free text on stderr.
 * Its "errors" are transport noise (e.g. a connection reset when Terraform
 * exits), so they are logged at debug rather than alarming the user.
 */
function routeGrpcLogs(log: HclogLogger): void {
  grpc.setLogger({
    error: (...args: unknown[]) => log.debug(`grpc: ${args.map(String).join(' ')}`),
    info: (...args: unknown[]) => log.trace(`grpc: ${args.map(String).join(' ')}`),
    debug: (...args: unknown[]) => log.trace(`grpc: ${args.map(String).join(' ')}`),
  });
}

/**
 * Node's process warnings (for example a library's deprecation or
 * Node-version notice) as hclog lines: by default Node prints them to stderr
 * as free text, which Terraform can only pass on as unstructured noise.
 */
function routeProcessWarnings(log: HclogLogger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => log.warn(`node: ${warning.name}: ${warning.message}`));
}

export async function servePlugin<C>(def: ProviderDefinition<C>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  checkMagicCookie(env, def.installHint);
  negotiateProtocolVersion(env);

  const log = new HclogLogger({ module: `provider.${def.typeName}` });
  // Ctrl-C reaches us too (same process group); Terraform stops us via StopProvider and Shutdown.
  process.on('SIGINT', () => log.debug('ignoring SIGINT; Terraform drives shutdown'));
  routeGrpcLogs(log);
  routeProcessWarnings(log);
  const transport = planTransport(env);
  // Loaded only with TLS on. (A worker thread for key generation was tried: no faster
  // on a busy 2-core machine, and +11 MiB of memory.)
  const certPromise: Promise<ServerCertificate | undefined> = transport.tls
    ? import('./certificate').then((m) => m.generateServerCertificate())
    : Promise.resolve(undefined);

  const services = loadPluginServices();
  const provider = new ProviderService(def, log);
  const cert = await certPromise;

  let shuttingDown = false;
  const shutdown = (): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    plugin.server.tryShutdown(() => {
      plugin.close();
      process.exit(0);
    });
    setTimeout(() => {
      plugin.close();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };

  const plugin = await startPluginServer({
    services,
    provider,
    credentials: serverCredentials(transport, cert),
    log,
    onShutdown: shutdown,
    env,
  });

  process.on('SIGTERM', shutdown);
  process.on('exit', () => plugin.close());
  keepServingThroughStrayErrors(log);
  exitWhenOrphaned(log, shutdown);

  log.debug('serving', { protocol_version: 6, socket: plugin.socketPath, tls: transport.tls });
  writeHandshakeLine(formatHandshakeLine({ network: 'unix', address: plugin.socketPath, certDer: cert?.der }));
}

/**
 * A stray rejection or exception in provider code must not kill the process
 * mid-run (Terraform would report "Plugin did not respond" and could lose
 * track of a change); it is logged and the server keeps answering.
 */
function keepServingThroughStrayErrors(log: HclogLogger): void {
  process.on('unhandledRejection', (reason: unknown) => {
    log.error('unhandled promise rejection in provider code', { error: reason instanceof Error ? reason : String(reason) });
  });
  process.on('uncaughtException', (err: Error) => {
    log.error('uncaught exception in provider code', { error: err });
  });
  // With Terraform gone, writes to stderr fail; that must not become an exception loop.
  process.stderr.on('error', () => undefined);
}

/** If Terraform dies without calling Shutdown we are re-parented; leave instead of lingering. */
function exitWhenOrphaned(log: HclogLogger, shutdown: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      log.warn('Terraform went away without Shutdown; exiting');
      clearInterval(timer);
      shutdown();
    }
  }, 1000);
  timer.unref();
}

/** Entry point for main: serve, or explain on stderr why not and exit 1. */
export function runPlugin<C>(def: ProviderDefinition<C>): void {
  servePlugin(def).catch((err: unknown) => {
    if (err instanceof HandshakeError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`terraform-provider-${def.typeName}: cannot start: ${message}\n`);
    }
    process.exitCode = 1;
    // Nothing else keeps the process alive once serving failed.
    setImmediate(() => process.exit(1));
  });
}
