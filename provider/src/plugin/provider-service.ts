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
  DiagnosticsResponse,
  GetFunctionsResponse,
  GetMetadataResponse,
  GetProviderSchemaResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  StopProviderResponse,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateProviderConfigRequest,
  ValidateResourceConfigRequest,
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

  getMetadata(): GetMetadataResponse {
    return getMetadata(this.server);
  }
  getProviderSchema(): GetProviderSchemaResponse {
    return getProviderSchema(this.server);
  }
  getFunctions(): GetFunctionsResponse {
    return getFunctions(this.server);
  }
  callFunction(req: CallFunctionRequest): CallFunctionResponse {
    return callFunction(this.server.def.functions, req);
  }

  validateProviderConfig(req: ValidateProviderConfigRequest): Promise<DiagnosticsResponse> {
    return validateProviderConfig(this.server, req);
  }
  validateResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse> {
    return validateResourceConfig(this.server, req);
  }
  validateDataResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse> {
    return validateDataResourceConfig(this.server, req);
  }
  configureProvider(req: ConfigureProviderRequest): Promise<DiagnosticsResponse> {
    return configureProvider(this.server, req);
  }

  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    return upgradeResourceState(this.server, req);
  }
  readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    return readResource(this.server, req);
  }
  planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    return planResourceChange(this.server, req);
  }
  applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    return applyResourceChange(this.server, req);
  }
  importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    return importResourceState(this.server, req);
  }
  readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    return readDataSource(this.server, req);
  }

  /** StopProvider (Ctrl-C): in-flight calls see their signal abort. */
  stopProvider(): StopProviderResponse {
    this.server.log.info('StopProvider: aborting in-flight operations');
    const stopping = this.server.stop;
    this.server.stop = new AbortController();
    stopping.abort(new Error('Terraform asked the provider to stop'));
    return { Error: '' };
  }
}
