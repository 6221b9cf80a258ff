// The bridge between tfplugin6 requests and a ProviderDefinition: decodes
// DynamicValues, finds the resource type, calls the provider logic, encodes
// the answer. It works on plain request/response objects; grpc-server.ts
// puts it on the wire. Nothing here knows what the provider manages.
//
// No call ever throws: provider exceptions become an "Internal error in
// provider" diagnostic (logged with the stack), bad values become error
// diagnostics naming what was wrong.

import type { Diagnostic } from '../framework/diagnostics';
import { errorDiag, hasErrors } from '../framework/diagnostics';
import type { DataSourceType, Logger, ProviderDefinition, RequestContext, ResourceType } from '../framework/provider';
import { attributePathToProto, diagnosticsToProto } from './diagnostics-convert';
import { HclogLogger, redactText } from './logger';
import { readOnlyAttributeDiagnostics } from './read-only';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  ConfigureProviderRequest,
  DiagnosticMsg,
  DiagnosticsResponse,
  CallFunctionRequest,
  CallFunctionResponse,
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
  SchemaMsg,
  ServerCapabilitiesMsg,
  StopProviderResponse,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateProviderConfigRequest,
  ValidateResourceConfigRequest,
} from './proto-types';
import { callFunction, functionsToProto } from './function-service';
import { schemaToProto } from './schema-convert';
import { conformObject, decodeObject, DiagnosticError, encodeObject, errorMessage, nullObject, parseRawState } from './value-codec';

/** A response with its diagnostics converted to wire messages. */
type OnWire<R extends { diagnostics: Diagnostic[] }> = Omit<R, 'diagnostics'> & { diagnostics: DiagnosticMsg[] };

/** The prefix of the diagnostic for any exception thrown by provider logic. */
const INTERNAL_ERROR_SUMMARY = 'Internal error in provider';

export class ProviderService<C> {
  private client: C | undefined;
  private configured = false;
  /** Aborted by StopProvider, then replaced so later calls start fresh. */
  private stopController = new AbortController();
  private schemaCache: GetProviderSchemaResponse | undefined;

  constructor(
    private readonly def: ProviderDefinition<C>,
    private readonly log: HclogLogger = new HclogLogger(),
  ) {}

  // ---- schema and metadata -------------------------------------------------

  private capabilities(): ServerCapabilitiesMsg {
    return { plan_destroy: this.def.planDestroy, get_provider_schema_optional: false, move_resource_state: false };
  }

  getMetadata(): GetMetadataResponse {
    return {
      server_capabilities: this.capabilities(),
      diagnostics: [],
      resources: Object.keys(this.def.resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(this.def.dataSources).map((type_name) => ({ type_name })),
      functions: Object.keys(this.def.functions ?? {}).map((name) => ({ name })),
    };
  }

  getProviderSchema(): GetProviderSchemaResponse {
    if (this.schemaCache) return this.schemaCache;
    try {
      const resource_schemas: { [name: string]: SchemaMsg } = {};
      for (const [name, r] of Object.entries(this.def.resources)) {
        resource_schemas[name] = schemaToProto(`resource "${name}"`, r.schema);
      }
      const data_source_schemas: { [name: string]: SchemaMsg } = {};
      for (const [name, d] of Object.entries(this.def.dataSources)) {
        data_source_schemas[name] = schemaToProto(`data source "${name}"`, d.schema);
      }
      this.schemaCache = {
        provider: schemaToProto('provider', this.def.schema),
        resource_schemas,
        data_source_schemas,
        diagnostics: [],
        server_capabilities: this.capabilities(),
        functions: functionsToProto(this.def.functions),
      };
      return this.schemaCache;
    } catch (err) {
      // Still send a provider schema with a block: core crashes without one.
      return {
        provider: { version: 0, block: { version: 0, attributes: [], block_types: [], description: '', description_kind: 'PLAIN', deprecated: false } },
        resource_schemas: {},
        data_source_schemas: {},
        diagnostics: this.internalError('GetProviderSchema', err),
        server_capabilities: this.capabilities(),
        functions: {},
      };
    }
  }

  getFunctions(): GetFunctionsResponse {
    return { functions: functionsToProto(this.def.functions), diagnostics: [] };
  }

  callFunction(req: CallFunctionRequest): CallFunctionResponse {
    return callFunction(this.def.functions, req);
  }

  // ---- validation ----------------------------------------------------------

  validateProviderConfig(req: ValidateProviderConfigRequest): Promise<DiagnosticsResponse> {
    return this.guard('ValidateProviderConfig', {}, async () => {
      const config = decodeObject(req.config, this.def.schema, 'provider configuration');
      if (config === null) return { diagnostics: [] };
      return { diagnostics: this.def.validateConfig(config).diagnostics };
    });
  }

  validateResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse> {
    return this.guard('ValidateResourceConfig', { tf_resource_type: req.type_name }, async () => {
      const resource = this.resourceType(req.type_name);
      const config = decodeObject(req.config, resource.schema, `configuration of ${req.type_name}`);
      if (config === null) return { diagnostics: [] };
      return { diagnostics: [...readOnlyAttributeDiagnostics(resource.schema.block, config), ...resource.validate(config).diagnostics] };
    });
  }

  validateDataResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse> {
    return this.guard('ValidateDataResourceConfig', { tf_data_source_type: req.type_name }, async () => {
      const dataSource = this.dataSourceType(req.type_name);
      const config = decodeObject(req.config, dataSource.schema, `configuration of data source ${req.type_name}`);
      if (config === null) return { diagnostics: [] };
      return {
        diagnostics: [...readOnlyAttributeDiagnostics(dataSource.schema.block, config), ...dataSource.validate(config).diagnostics],
      };
    });
  }

  // ---- configuration -------------------------------------------------------

  configureProvider(req: ConfigureProviderRequest): Promise<DiagnosticsResponse> {
    return this.guard('ConfigureProvider', {}, async (ctx) => {
      const config = decodeObject(req.config, this.def.schema, 'provider configuration') ?? nullObject(this.def.schema.block);
      const result = await this.def.configure(config, req.terraform_version, ctx);
      if (!hasErrors(result.diagnostics)) {
        this.client = result.client;
        this.configured = true;
      }
      return { diagnostics: result.diagnostics };
    });
  }

  // ---- managed resources ---------------------------------------------------

  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    return this.guard('UpgradeResourceState', { tf_resource_type: req.type_name }, async () => {
      const resource = this.resourceType(req.type_name);
      const raw = parseRawState(req);
      const result = resource.upgradeState(req.version, raw);
      if (result.state === null || hasErrors(result.diagnostics)) {
        return { diagnostics: result.diagnostics };
      }
      const state = conformObject(this.log, req.type_name, resource.schema.block, result.state);
      return { upgraded_state: encodeObject(state, resource.schema, 'upgraded state'), diagnostics: result.diagnostics };
    });
  }

  readResource(req: ReadResourceRequest): Promise<ReadResourceResponse> {
    return this.guard('ReadResource', { tf_resource_type: req.type_name }, async (ctx) => {
      const resource = this.resourceType(req.type_name);
      const client = this.requireClient();
      const currentState = decodeObject(req.current_state, resource.schema, 'current state');
      if (currentState === null) {
        // Nothing to refresh: keep it absent.
        return { new_state: encodeObject(null, resource.schema, 'new state'), diagnostics: [] };
      }
      const result = await resource.read(client, { currentState, private: req.private ?? new Uint8Array() }, ctx);
      return {
        new_state: encodeObject(result.newState, resource.schema, 'new state'),
        private: Buffer.from(result.private ?? req.private ?? new Uint8Array()),
        diagnostics: result.diagnostics,
      };
    });
  }

  planResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse> {
    return this.guard('PlanResourceChange', { tf_resource_type: req.type_name }, async (ctx) => {
      const resource = this.resourceType(req.type_name);
      const client = this.requireClient();
      const result = await resource.plan(
        client,
        {
          priorState: decodeObject(req.prior_state, resource.schema, 'prior state'),
          proposedNewState: decodeObject(req.proposed_new_state, resource.schema, 'proposed new state'),
          config: decodeObject(req.config, resource.schema, `configuration of ${req.type_name}`),
          priorPrivate: req.prior_private ?? new Uint8Array(),
        },
        ctx,
      );
      return {
        planned_state: encodeObject(result.plannedState, resource.schema, 'planned state'),
        requires_replace: (result.requiresReplace ?? []).map(attributePathToProto),
        // Private data the logic did not replace is carried forward, as Terraform's own SDKs do.
        planned_private: Buffer.from(result.plannedPrivate ?? req.prior_private ?? new Uint8Array()),
        diagnostics: result.diagnostics,
      };
    });
  }

  applyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse> {
    return this.guard('ApplyResourceChange', { tf_resource_type: req.type_name }, async (ctx) => {
      const resource = this.resourceType(req.type_name);
      const client = this.requireClient();
      const result = await resource.apply(
        client,
        {
          priorState: decodeObject(req.prior_state, resource.schema, 'prior state'),
          plannedState: decodeObject(req.planned_state, resource.schema, 'planned state'),
          config: decodeObject(req.config, resource.schema, `configuration of ${req.type_name}`),
          plannedPrivate: req.planned_private ?? new Uint8Array(),
        },
        ctx,
      );
      // A null new state with errors tells core to keep the prior state.
      return {
        new_state: encodeObject(result.newState, resource.schema, 'new state'),
        private: Buffer.from(result.private ?? req.planned_private ?? new Uint8Array()),
        diagnostics: result.diagnostics,
      };
    });
  }

  importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    return this.guard('ImportResourceState', { tf_resource_type: req.type_name }, async (ctx) => {
      const resource = this.resourceType(req.type_name);
      const client = this.requireClient();
      const result = await resource.importState(client, req.id, ctx);
      if (result.state === null) {
        const diagnostics = hasErrors(result.diagnostics)
          ? result.diagnostics
          : [...result.diagnostics, errorDiag('Cannot import', `The provider found nothing to import for id "${req.id}".`)];
        return { imported_resources: [], diagnostics };
      }
      const state = conformObject(this.log, req.type_name, resource.schema.block, result.state);
      return {
        imported_resources: [
          {
            type_name: req.type_name,
            state: encodeObject(state, resource.schema, 'imported state'),
            private: Buffer.from(result.private ?? new Uint8Array()),
          },
        ],
        diagnostics: result.diagnostics,
      };
    });
  }

  // ---- data sources --------------------------------------------------------

  readDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse> {
    return this.guard('ReadDataSource', { tf_data_source_type: req.type_name }, async (ctx) => {
      const dataSource = this.dataSourceType(req.type_name);
      const client = this.requireClient();
      const config = decodeObject(req.config, dataSource.schema, `configuration of data source ${req.type_name}`);
      if (config === null) throw new DiagnosticError(errorDiag('Missing data source configuration', `Terraform sent no configuration for ${req.type_name}.`));
      const result = await dataSource.read(client, config, ctx);
      return { state: encodeObject(result.state, dataSource.schema, 'data source state'), diagnostics: result.diagnostics };
    });
  }

  // ---- interrupts ----------------------------------------------------------

  /** StopProvider (Ctrl-C): in-flight calls see their signal abort. */
  stopProvider(): StopProviderResponse {
    this.log.info('StopProvider: aborting in-flight operations');
    const stopping = this.stopController;
    this.stopController = new AbortController();
    stopping.abort(new Error('Terraform asked the provider to stop'));
    return { Error: '' };
  }

  // ---- helpers ---------------------------------------------------------------

  private context(rpc: string, fields: Record<string, unknown>): RequestContext {
    const log: Logger = this.log.with({ tf_rpc: rpc, ...fields });
    return { signal: this.stopController.signal, log, providerLog: this.log };
  }

  /**
   * Runs one RPC body; whatever it throws becomes an error diagnostic so
   * Terraform always gets a well-formed answer.
   */
  private async guard<R extends { diagnostics: Diagnostic[] }>(
    rpc: string,
    fields: Record<string, unknown>,
    body: (ctx: RequestContext) => Promise<R>,
  ): Promise<OnWire<R>> {
    const ctx = this.context(rpc, fields);
    ctx.log.trace(`${rpc} called`);
    try {
      const result = await body(ctx);
      return { ...result, diagnostics: diagnosticsToProto(result.diagnostics) };
    } catch (err) {
      // Only diagnostics: proto-loader fills the other fields with defaults.
      if (err instanceof DiagnosticError) {
        ctx.log.debug(`${rpc} rejected`, { summary: err.diagnostic.summary });
        return { diagnostics: diagnosticsToProto([err.diagnostic]) } as OnWire<R>;
      }
      return { diagnostics: this.internalError(rpc, err) } as OnWire<R>;
    }
  }

  private internalError(rpc: string, err: unknown): DiagnosticMsg[] {
    const message = redactText(errorMessage(err));
    this.log.error(`${rpc} failed`, { error: err instanceof Error ? err : message });
    return diagnosticsToProto([
      errorDiag(`${INTERNAL_ERROR_SUMMARY}: ${message}`, 'This is a bug in the provider; the details are in the provider log (TF_LOG_PROVIDER=DEBUG).'),
    ]);
  }

  private resourceType(typeName: string): ResourceType<C> {
    const r = Object.prototype.hasOwnProperty.call(this.def.resources, typeName) ? this.def.resources[typeName] : undefined;
    if (!r) {
      throw new DiagnosticError(
        errorDiag(
          'Unknown resource type',
          `This provider has no resource type "${typeName}". Known resource types: ${Object.keys(this.def.resources).join(', ') || 'none'}.`,
        ),
      );
    }
    return r;
  }

  private dataSourceType(typeName: string): DataSourceType<C> {
    const d = Object.prototype.hasOwnProperty.call(this.def.dataSources, typeName) ? this.def.dataSources[typeName] : undefined;
    if (!d) {
      throw new DiagnosticError(
        errorDiag(
          'Unknown data source type',
          `This provider has no data source "${typeName}". Known data sources: ${Object.keys(this.def.dataSources).join(', ') || 'none'}.`,
        ),
      );
    }
    return d;
  }

  private requireClient(): C {
    if (!this.configured) {
      throw new DiagnosticError(
        errorDiag(
          'Provider not configured',
          'Terraform called the provider before ConfigureProvider succeeded. Check the provider block for errors reported earlier.',
        ),
      );
    }
    return this.client as C;
  }
}
