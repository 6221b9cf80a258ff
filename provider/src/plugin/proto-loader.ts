// Loads our .proto files (provider/proto) with @grpc/proto-loader. The files
// ship in the package next to dist/, so they are found relative to this
// module both when running from source and from the built/published layout.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

export const PROTO_FILES = ['tfplugin6.proto', 'go_plugin.proto', 'health.proto'] as const;

/** provider/proto, from provider/src/plugin (source) or dist/provider/src/plugin (built). */
export function protoDir(): string {
  const candidates = [path.resolve(__dirname, '../../proto'), path.resolve(__dirname, '../../../../provider/proto')];
  const found = candidates.find((dir) => existsSync(path.join(dir, PROTO_FILES[0])));
  if (!found) throw new Error(`cannot find the provider's .proto files; looked in ${candidates.join(' and ')}`);
  return found;
}

export interface PluginServices {
  provider: ServiceDefinition;
  controller: ServiceDefinition;
  stdio: ServiceDefinition;
  broker: ServiceDefinition;
  health: ServiceDefinition;
}

export function loadPluginServices(): PluginServices {
  const defs = protoLoader.loadSync([...PROTO_FILES], {
    includeDirs: [protoDir()],
    keepCase: true,
    longs: Number,
    enums: String,
    bytes: Buffer,
    defaults: true,
    oneofs: true,
  });
  const service = (name: string): ServiceDefinition => {
    const def = defs[name];
    // Message and enum definitions carry a `format`; services do not.
    if (!def || 'format' in def) throw new Error(`service ${name} missing from the .proto files`);
    return def as unknown as ServiceDefinition;
  };
  return {
    provider: service('tfplugin6.Provider'),
    controller: service('plugin.GRPCController'),
    stdio: service('plugin.GRPCStdio'),
    broker: service('plugin.GRPCBroker'),
    health: service('grpc.health.v1.Health'),
  };
}
