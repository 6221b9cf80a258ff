// The tfplugin6 Provider service over a ProviderDefinition: it holds the
// server's state (server-state.ts) and hands each RPC to its own file
// (server-*.ts), which decodes DynamicValues, finds the type, calls the
// provider logic and encodes the answer. It works on plain request/response
// objects; grpc-server.ts puts it on the wire. Nothing here knows what the
// provider manages.
//
// No call ever throws: provider exceptions become an "Internal error in
// provider" diagnostic (logged with the stack), bad values become error
// diagnostics naming what was wrong (server-guard.ts).

import type { ProviderDefinition } from '../framework/provider';
import { callFunction } from './function-service';
import { HclogLogger } from './logger';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  CallFunctionRequest,
  CallFunctionResponse,
  ConfigureProviderRequest,
  ConfigureProviderResponse,
  GetFunctionsResponse,
  GetMetadataResponse,
  GetProviderSchemaResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  MessageInit,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  StopProviderResponse,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateDataResourceConfigRequest,
  ValidateDataResourceConfigResponse,
  ValidateProviderConfigRequest,
  ValidateProviderConfigResponse,
  ValidateResourceConfigRequest,
  ValidateResourceConfigResponse,
} from './proto-types';
import { applyResourceChange } from './server-apply-resource-change';
import { configureProvider } from './server-configure-provider';
import { importResourceState } from './server-import-resource-state';
import { planResourceChange } from './server-plan-resource-change';
import { readDataSource } from './server-read-data-source';
import { readResource } from './server-read-resource';
import { getFunctions, getMetadata, getProviderSchema } from './server-schema';
import type { ServerState } from './server-state';
import { upgradeResourceState } from './server-upgrade-resource-state';
import { validateDataResourceConfig, validateProviderConfig, validateResourceConfig } from './server-validate';

export class ProviderService<C> {
  private readonly server: ServerState<C>;

  constructor(def: ProviderDefinition<C>, log: HclogLogger = new HclogLogger()) {
    this.server = { def, log, client: { kind: 'unconfigured' }, stop: new AbortController(), schemaCache: undefined };
  }

  getMetadata(): MessageInit<GetMetadataResponse> {
    return getMetadata(this.server);
  }
  getProviderSchema(): MessageInit<GetProviderSchemaResponse> {
    return getProviderSchema(this.server);
  }
  getFunctions(): MessageInit<GetFunctionsResponse> {
    return getFunctions(this.server);
  }
  callFunction(req: CallFunctionRequest): MessageInit<CallFunctionResponse> {
    return callFunction(this.server.def.functions, req);
  }

  validateProviderConfig(req: ValidateProviderConfigRequest): Promise<MessageInit<ValidateProviderConfigResponse>> {
    return validateProviderConfig(this.server, req);
  }
  validateResourceConfig(req: ValidateResourceConfigRequest): Promise<MessageInit<ValidateResourceConfigResponse>> {
    return validateResourceConfig(this.server, req);
  }
  validateDataResourceConfig(req: ValidateDataResourceConfigRequest): Promise<MessageInit<ValidateDataResourceConfigResponse>> {
    return validateDataResourceConfig(this.server, req);
  }
  configureProvider(req: ConfigureProviderRequest): Promise<MessageInit<ConfigureProviderResponse>> {
    return configureProvider(this.server, req);
  }

  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<MessageInit<UpgradeResourceStateResponse>> {
    return upgradeResourceState(this.server, req);
  }
  readResource(req: ReadResourceRequest): Promise<MessageInit<ReadResourceResponse>> {
    return readResource(this.server, req);
  }
  planResourceChange(req: PlanResourceChangeRequest): Promise<MessageInit<PlanResourceChangeResponse>> {
    return planResourceChange(this.server, req);
  }
  applyResourceChange(req: ApplyResourceChangeRequest): Promise<MessageInit<ApplyResourceChangeResponse>> {
    return applyResourceChange(this.server, req);
  }
  importResourceState(req: ImportResourceStateRequest): Promise<MessageInit<ImportResourceStateResponse>> {
    return importResourceState(this.server, req);
  }
  readDataSource(req: ReadDataSourceRequest): Promise<MessageInit<ReadDataSourceResponse>> {
    return readDataSource(this.server, req);
  }

  /** StopProvider (Ctrl-C): in-flight calls see their signal abort. */
  stopProvider(): MessageInit<StopProviderResponse> {
    this.server.log.info('StopProvider: aborting in-flight operations');
    const stopping = this.server.stop;
    this.server.stop = new AbortController();
    stopping.abort(new Error('Terraform asked the provider to stop'));
    return { Error: '' };
  }
}
