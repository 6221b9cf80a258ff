// GetMetadata, GetProviderSchema and GetFunctions: what the provider offers.
// None of them needs a configured provider.

import { functionsToProto } from './function-service';
import type { GetFunctionsResponse, GetMetadataResponse, GetProviderSchemaResponse, MessageInit, SchemaMsg, ServerCapabilitiesMsg } from './proto-types';
import { schemaToProto } from './schema-convert';
import { internalError } from './server-guard';
import type { ServerState } from './server-state';

function capabilities<C>(server: ServerState<C>): MessageInit<ServerCapabilitiesMsg> {
  return { plan_destroy: server.def.planDestroy, get_provider_schema_optional: false, move_resource_state: false };
}

export function getMetadata<C>(server: ServerState<C>): MessageInit<GetMetadataResponse> {
  const { def } = server;
  return {
    server_capabilities: capabilities(server),
    diagnostics: [],
    resources: Object.keys(def.resources).map((type_name) => ({ type_name })),
    data_sources: Object.keys(def.dataSources).map((type_name) => ({ type_name })),
    functions: Object.keys(def.functions ?? {}).map((name) => ({ name })),
  };
}

function buildProviderSchema<C>(server: ServerState<C>): MessageInit<GetProviderSchemaResponse> {
  const { def } = server;
  const resource_schemas: { [name: string]: MessageInit<SchemaMsg> } = {};
  for (const [name, r] of Object.entries(def.resources)) {
    resource_schemas[name] = schemaToProto(`resource "${name}"`, r.schema);
  }
  const data_source_schemas: { [name: string]: MessageInit<SchemaMsg> } = {};
  for (const [name, d] of Object.entries(def.dataSources)) {
    data_source_schemas[name] = schemaToProto(`data source "${name}"`, d.schema);
  }
  return {
    provider: schemaToProto('provider', def.schema),
    resource_schemas,
    data_source_schemas,
    diagnostics: [],
    server_capabilities: capabilities(server),
    functions: functionsToProto(def.functions),
  };
}

export function getProviderSchema<C>(server: ServerState<C>): MessageInit<GetProviderSchemaResponse> {
  if (server.schemaCache) return server.schemaCache;
  try {
    server.schemaCache = buildProviderSchema(server);
    return server.schemaCache;
  } catch (err) {
    // Still send a provider schema with a block: core crashes without one.
    return {
      provider: { version: 0, block: { version: 0, attributes: [], block_types: [], description: '', description_kind: 'PLAIN', deprecated: false } },
      resource_schemas: {},
      data_source_schemas: {},
      diagnostics: internalError(server, 'GetProviderSchema', err),
      server_capabilities: capabilities(server),
      functions: {},
    };
  }
}

export function getFunctions<C>(server: ServerState<C>): MessageInit<GetFunctionsResponse> {
  return { functions: functionsToProto(server.def.functions), diagnostics: [] };
}
