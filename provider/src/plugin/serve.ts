// Serving a provider the way go-plugin expects: check the cookie, agree on
// protocol 6, set up AutoMTLS, bind the socket, print the handshake line, and
// then let Terraform drive everything (including shutdown) over gRPC.
//
// Start-up order is chosen for speed: only what the handshake line needs (the
// cookie, the certificate, a listening socket) runs before it is printed;
// grpc-js, the proto descriptors and the provider bridge load right after,
// while Terraform dials (plugin-socket.ts holds its connection meanwhile).

import { writeHandshakeLine } from './stdout-guard';
import type { ProviderDefinition, ProviderIdentity } from '../framework/provider';
import type { ServerCertificate } from './certificate';
import type { PluginServer } from './grpc-server';
import { checkMagicCookie, formatHandshakeLine, HandshakeError, negotiateProtocolVersion } from './handshake';
import { HclogLogger } from './logger';
import { listenPluginSocket, type PluginSocket } from './plugin-socket';
import { planTransport, type TransportPlan } from './tls';

/** How long Shutdown waits for in-flight calls before forcing the exit (Terraform kills after 2 s). */
const SHUTDOWN_GRACE_MS = 1000;

/**
 * Node's process warnings (for example a library's deprecation or
 * Node-version notice) as hclog lines: by default Node prints them to stderr
 * as free text, which Terraform can only pass on as unstructured noise.
 */
function routeProcessWarnings(log: HclogLogger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => log.warn(`node: ${warning.name}: ${warning.message}`));
}

/** Loads the provider itself; called after the handshake line. */
export type ProviderLoader<C> = () => Promise<ProviderDefinition<C>>;

async function servePlugin<C>(identity: ProviderIdentity, load: ProviderLoader<C>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const parent = process.ppid; // read first: Terraform may die while we start
  checkMagicCookie(env, identity.installHint);
  negotiateProtocolVersion(env);

  const log = new HclogLogger({ module: `provider.${identity.typeName}` });
  // Ctrl-C reaches us too (same process group); Terraform stops us via StopProvider and Shutdown.
  process.on('SIGINT', () => log.debug('ignoring SIGINT; Terraform drives shutdown'));
  routeProcessWarnings(log);
  const transport = planTransport(env);
  // Loaded only with TLS on. (A worker thread for key generation was tried: no faster
  // on a busy 2-core machine, and +11 MiB of memory.)
  const cert: ServerCertificate | undefined = transport.tls ? await (await import('./certificate')).generateServerCertificate() : undefined;
  const socket = await listenPluginSocket(env);
  const serving = new Serving(socket);
  process.on('SIGTERM', () => serving.shutdown());
  process.on('exit', () => serving.close());
  exitWhenOrphaned(parent, log, () => serving.shutdown());
  writeHandshakeLine(formatHandshakeLine({ network: 'unix', address: socket.socketPath, certDer: cert?.der }));

  try {
    await serving.start(load, { env, log, transport, cert });
  } catch (err) {
    // The handshake is out, so Terraform is waiting on the socket: say why on stderr and leave.
    log.error('cannot serve', { error: err instanceof Error ? err : String(err) });
    serving.close();
    throw err;
  }
  keepServingThroughStrayErrors(log);
  log.debug('serving', { protocol_version: 6, socket: socket.socketPath, tls: transport.tls });
}

/** What the handshake half of the start hands to the serving half. */
interface StartContext {
  env: NodeJS.ProcessEnv;
  log: HclogLogger;
  transport: TransportPlan;
  cert: ServerCertificate | undefined;
}

/** The socket, and the gRPC server once it is loaded; shutdown works in either state. */
class Serving {
  private plugin: PluginServer | undefined;
  private shuttingDown = false;

  constructor(private readonly socket: PluginSocket) {}

  /** Loads the gRPC side and serves the socket with it; runs after the handshake line. */
  async start<C>(load: ProviderLoader<C>, { env, log, transport, cert }: StartContext): Promise<void> {
    const [{ startPluginServer, serverCredentials }, { loadPluginServices }, { ProviderService }, { applyExtraCaCerts }, def] = await Promise.all([
      import('./grpc-server'),
      import('./proto-loader'),
      import('./provider-service'),
      import('./extra-ca-certs'),
      load(),
    ]);
    if (this.shuttingDown) return;
    applyExtraCaCerts(env, (message) => log.warn(message));
    this.plugin = startPluginServer({
      services: loadPluginServices(),
      provider: new ProviderService(def, log),
      credentials: serverCredentials(transport, cert),
      log,
      onShutdown: () => this.shutdown(),
      socket: this.socket,
    });
  }

  /** Lets in-flight calls finish (up to SHUTDOWN_GRACE_MS), then exits. */
  shutdown(): void {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const exit = (): void => {
      this.close();
      process.exit(0);
    };
    if (this.plugin) this.plugin.server.tryShutdown(exit);
    else exit();
    setTimeout(exit, SHUTDOWN_GRACE_MS).unref();
  }

  close(): void {
    this.plugin?.close();
    this.socket.close();
  }
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
function exitWhenOrphaned(parent: number, log: HclogLogger, shutdown: () => void): void {
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
export function runPlugin<C>(identity: ProviderIdentity, load: ProviderLoader<C>): void {
  servePlugin(identity, load).catch((err: unknown) => {
    if (err instanceof HandshakeError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`terraform-provider-${identity.typeName}: cannot start: ${message}\n`);
    }
    process.exitCode = 1;
    // Nothing else keeps the process alive once serving failed.
    setImmediate(() => process.exit(1));
  });
}
