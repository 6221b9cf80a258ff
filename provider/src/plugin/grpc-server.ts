// Puts a ProviderService and the go-plugin services on a gRPC server that
// serves the connections of an already listening plugin socket.

import * as grpc from '@grpc/grpc-js';
import type { Logger } from '../framework/provider';
import { brokerService, controllerService, healthService, stdioService } from './controller-service';
import type { ServerCertificate } from './certificate';
import { redactText } from './logger';
import type { PluginSocket } from './plugin-socket';
import type { PluginServices } from './proto-loader';
import type { MessageInit, ProviderRpcs } from './proto-types';
import type { ProviderService } from './provider-service';
import type { TransportPlan } from './tls';

/** Terraform sends whole states and configs; grpc's 4 MiB default is too small. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/**
 * A unary handler around one service method. The service never throws; if it
 * still does, the client gets INTERNAL with a redacted message, not a crash.
 */
function unary<Req>(log: Logger, rpc: string, body: (request: Req) => unknown): grpc.handleUnaryCall<Req, unknown> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => body(call.request))
      .then(
        (response) => callback(null, response),
        (err: unknown) => {
          const message = redactText(err instanceof Error ? err.message : String(err));
          log.error(`${rpc} failed outside the provider bridge`, { error: err instanceof Error ? err : message });
          callback({ code: grpc.status.INTERNAL, details: `Internal error in provider: ${message}` });
        },
      );
  };
}

function unimplemented(rpc: string): grpc.handleUnaryCall<unknown, unknown> {
  return (_call, callback) => {
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${rpc} is not supported by this provider` });
  };
}

/** A handler for every RPC of tfplugin6.Provider: the compiler reports one missing. */
function providerImplementation<C>(log: Logger, svc: ProviderService<C>): Record<keyof ProviderRpcs, grpc.UntypedHandleCall> {
  // Each RPC's name, request and answer checked against tfplugin6.proto (proto-types.ts).
  type Answer<R extends keyof ProviderRpcs> = MessageInit<ProviderRpcs[R]['response']>;
  const u = <R extends keyof ProviderRpcs>(rpc: R, body: (request: ProviderRpcs[R]['request']) => Answer<R> | Promise<Answer<R>>) => unary(log, rpc, body);
  return {
    GetMetadata: u('GetMetadata', () => svc.getMetadata()),
    GetProviderSchema: u('GetProviderSchema', () => svc.getProviderSchema()),
    ValidateProviderConfig: u('ValidateProviderConfig', (r) => svc.validateProviderConfig(r)),
    ValidateResourceConfig: u('ValidateResourceConfig', (r) => svc.validateResourceConfig(r)),
    ValidateDataResourceConfig: u('ValidateDataResourceConfig', (r) => svc.validateDataResourceConfig(r)),
    UpgradeResourceState: u('UpgradeResourceState', (r) => svc.upgradeResourceState(r)),
    ConfigureProvider: u('ConfigureProvider', (r) => svc.configureProvider(r)),
    ReadResource: u('ReadResource', (r) => svc.readResource(r)),
    PlanResourceChange: u('PlanResourceChange', (r) => svc.planResourceChange(r)),
    ApplyResourceChange: u('ApplyResourceChange', (r) => svc.applyResourceChange(r)),
    ImportResourceState: u('ImportResourceState', (r) => svc.importResourceState(r)),
    ReadDataSource: u('ReadDataSource', (r) => svc.readDataSource(r)),
    GetFunctions: u('GetFunctions', () => svc.getFunctions()),
    CallFunction: u('CallFunction', (r) => svc.callFunction(r)),
    StopProvider: u('StopProvider', () => svc.stopProvider()),
    // Features this provider does not offer; core handles UNIMPLEMENTED for each.
    GetResourceIdentitySchemas: unimplemented('GetResourceIdentitySchemas'),
    UpgradeResourceIdentity: unimplemented('UpgradeResourceIdentity'),
    MoveResourceState: unimplemented('MoveResourceState'),
    ValidateEphemeralResourceConfig: unimplemented('ValidateEphemeralResourceConfig'),
    OpenEphemeralResource: unimplemented('OpenEphemeralResource'),
    RenewEphemeralResource: unimplemented('RenewEphemeralResource'),
    CloseEphemeralResource: unimplemented('CloseEphemeralResource'),
  };
}

export interface PluginServer {
  server: grpc.Server;
  socketPath: string;
  /** Stops serving and removes the socket directory. Safe to call twice. */
  close(): void;
}

/**
 * grpc-js's own diagnostics, as hclog lines instead of free text on stderr.
 * Its "errors" are transport noise (e.g. a connection reset when Terraform
 * exits), so they are logged at debug rather than alarming the user.
 */
function routeGrpcLogs(log: Logger): void {
  grpc.setLogger({
    error: (...args: unknown[]) => log.debug(`grpc: ${args.map(String).join(' ')}`),
    info: (...args: unknown[]) => log.trace(`grpc: ${args.map(String).join(' ')}`),
    debug: (...args: unknown[]) => log.trace(`grpc: ${args.map(String).join(' ')}`),
  });
}

export function serverCredentials(plan: TransportPlan, cert: ServerCertificate | undefined): grpc.ServerCredentials {
  if (!plan.tls || !plan.clientCertPem || !cert) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(
    Buffer.from(plan.clientCertPem),
    [{ cert_chain: Buffer.from(cert.certPem), private_key: Buffer.from(cert.keyPem) }],
    // Require and verify the client certificate, as go-plugin does.
    true,
  );
}

/**
 * Serves the provider and the go-plugin services on `socket`, which is
 * already listening (plugin-socket.ts): grpc-js takes each connection through
 * a connection injector, so it never binds a socket itself.
 */
export function startPluginServer<C>(options: {
  services: PluginServices;
  provider: ProviderService<C>;
  credentials: grpc.ServerCredentials;
  log: Logger;
  onShutdown: () => void;
  socket: PluginSocket;
}): PluginServer {
  const { services, log, socket } = options;
  routeGrpcLogs(log);
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  server.addService(services.provider, providerImplementation(log, options.provider));
  server.addService(services.controller, controllerService(log, options.onShutdown));
  server.addService(services.stdio, stdioService());
  server.addService(services.broker, brokerService());
  server.addService(services.health, healthService());
  const injector = server.createConnectionInjector(options.credentials);
  socket.serveWith((connection) => injector.injectConnection(connection));
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    injector.destroy();
    server.forceShutdown();
    socket.close();
  };
  return { server, socketPath: socket.socketPath, close };
}
