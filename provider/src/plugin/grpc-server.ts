// Puts a ProviderService and the go-plugin services on a gRPC server bound to
// a unix socket in a private temporary directory.

import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from '../framework/provider';
import { brokerService, controllerService, healthService, stdioService } from './controller-service';
import { redactText } from './logger';
import type { PluginServices } from './proto-loader';
import type {
  ApplyResourceChangeRequest,
  CallFunctionRequest,
  ConfigureProviderRequest,
  ImportResourceStateRequest,
  PlanResourceChangeRequest,
  ReadDataSourceRequest,
  ReadResourceRequest,
  UpgradeResourceStateRequest,
  ValidateProviderConfigRequest,
  ValidateResourceConfigRequest,
} from './proto-types';
import type { ProviderService } from './provider-service';

/** Terraform sends whole states and configs; grpc's 4 MiB default is too small. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

/** Linux limits unix socket paths to 108 bytes (sun_path), including the NUL. */
const MAX_SOCKET_PATH = 100;

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

export function providerImplementation<C>(log: Logger, svc: ProviderService<C>): grpc.UntypedServiceImplementation {
  const u = <Req>(rpc: string, body: (request: Req) => unknown) => unary<Req>(log, rpc, body);
  return {
    GetMetadata: u('GetMetadata', () => svc.getMetadata()),
    GetProviderSchema: u('GetProviderSchema', () => svc.getProviderSchema()),
    ValidateProviderConfig: u('ValidateProviderConfig', (r: ValidateProviderConfigRequest) => svc.validateProviderConfig(r)),
    ValidateResourceConfig: u('ValidateResourceConfig', (r: ValidateResourceConfigRequest) => svc.validateResourceConfig(r)),
    ValidateDataResourceConfig: u('ValidateDataResourceConfig', (r: ValidateResourceConfigRequest) => svc.validateDataResourceConfig(r)),
    UpgradeResourceState: u('UpgradeResourceState', (r: UpgradeResourceStateRequest) => svc.upgradeResourceState(r)),
    ConfigureProvider: u('ConfigureProvider', (r: ConfigureProviderRequest) => svc.configureProvider(r)),
    ReadResource: u('ReadResource', (r: ReadResourceRequest) => svc.readResource(r)),
    PlanResourceChange: u('PlanResourceChange', (r: PlanResourceChangeRequest) => svc.planResourceChange(r)),
    ApplyResourceChange: u('ApplyResourceChange', (r: ApplyResourceChangeRequest) => svc.applyResourceChange(r)),
    ImportResourceState: u('ImportResourceState', (r: ImportResourceStateRequest) => svc.importResourceState(r)),
    ReadDataSource: u('ReadDataSource', (r: ReadDataSourceRequest) => svc.readDataSource(r)),
    GetFunctions: u('GetFunctions', () => svc.getFunctions()),
    CallFunction: u('CallFunction', (r: CallFunctionRequest) => svc.callFunction(r)),
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

/** A fresh 0700 directory for the socket; PLUGIN_UNIX_SOCKET_DIR is honoured like go-plugin does. */
function socketDirectory(env: NodeJS.ProcessEnv): string {
  const bases = [env.PLUGIN_UNIX_SOCKET_DIR, os.tmpdir(), '/tmp'].filter((b): b is string => !!b);
  for (const base of bases) {
    const dir = mkdtempSync(path.join(base, 'tfp-'));
    if (path.join(dir, 'plugin.sock').length <= MAX_SOCKET_PATH) return dir;
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('no temporary directory gives a unix socket path short enough (<= 100 bytes)');
}

export async function startPluginServer<C>(options: {
  services: PluginServices;
  provider: ProviderService<C>;
  credentials: grpc.ServerCredentials;
  log: Logger;
  onShutdown: () => void;
  env?: NodeJS.ProcessEnv;
}): Promise<PluginServer> {
  const { services, log } = options;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  server.addService(services.provider, providerImplementation(log, options.provider));
  server.addService(services.controller, controllerService(log, options.onShutdown));
  server.addService(services.stdio, stdioService());
  server.addService(services.broker, brokerService());
  server.addService(services.health, healthService());

  const dir = socketDirectory(options.env ?? process.env);
  const socketPath = path.join(dir, 'plugin.sock');
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.bindAsync(`unix:${socketPath}`, options.credentials, (err) => (err ? reject(err) : resolve()));
    });
  } catch (err) {
    close();
    throw err;
  }
  return { server, socketPath, close };
}
