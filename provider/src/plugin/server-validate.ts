// ValidateProviderConfig, ValidateResourceConfig and ValidateDataResourceConfig:
// the provider logic's own checks, plus (for resources and data sources) that
// no read-only attribute is set. An unknown or absent config has nothing to check.

import type { Diagnostic } from '../framework/diagnostics';
import type { DataSourceType, ResourceType } from '../framework/provider';
import type {
  DynamicValueMsg,
  MessageInit,
  ValidateDataResourceConfigRequest,
  ValidateDataResourceConfigResponse,
  ValidateProviderConfigRequest,
  ValidateProviderConfigResponse,
  ValidateResourceConfigRequest,
  ValidateResourceConfigResponse,
} from './proto-types';
import { readOnlyAttributeDiagnostics } from './read-only';
import { guard } from './server-guard';
import { DATA_SOURCE_KIND, lookupType, RESOURCE_KIND, type ServerState } from './server-state';
import { decodeObject } from './value-codec';

export function validateProviderConfig<C>(server: ServerState<C>, req: ValidateProviderConfigRequest): Promise<MessageInit<ValidateProviderConfigResponse>> {
  return guard(server, 'ValidateProviderConfig', {}, async () => {
    const config = decodeObject(req.config, server.def.schema, 'provider configuration');
    if (config === null) return { diagnostics: [] };
    return { diagnostics: server.def.validateConfig(config).diagnostics };
  });
}

/** Read-only attributes set in the config, then the type's own checks. */
function validateTypeConfig<C>(type: ResourceType<C> | DataSourceType<C>, msg: DynamicValueMsg | null, what: string): { diagnostics: Diagnostic[] } {
  const config = decodeObject(msg, type.schema, what);
  if (config === null) return { diagnostics: [] };
  return { diagnostics: [...readOnlyAttributeDiagnostics(type.schema.block, config), ...type.validate(config).diagnostics] };
}

export function validateResourceConfig<C>(server: ServerState<C>, req: ValidateResourceConfigRequest): Promise<MessageInit<ValidateResourceConfigResponse>> {
  return guard(server, 'ValidateResourceConfig', { tf_resource_type: req.type_name }, async () => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    return validateTypeConfig(resource, req.config, `configuration of ${req.type_name}`);
  });
}

export function validateDataResourceConfig<C>(
  server: ServerState<C>,
  req: ValidateDataResourceConfigRequest,
): Promise<MessageInit<ValidateDataResourceConfigResponse>> {
  return guard(server, 'ValidateDataResourceConfig', { tf_data_source_type: req.type_name }, async () => {
    const dataSource = lookupType(server.def.dataSources, req.type_name, DATA_SOURCE_KIND);
    return validateTypeConfig(dataSource, req.config, `configuration of data source ${req.type_name}`);
  });
}
