// TypeScript shapes of the tfplugin6 messages this layer reads and writes, as
// @grpc/proto-loader presents them with the options in proto-loader.ts
// (keepCase, bytes as Buffer, int64 as number, enums as strings, defaults on:
// absent message fields arrive as null, absent bytes as empty buffers).

export interface DynamicValueMsg {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export type SeverityName = 'INVALID' | 'ERROR' | 'WARNING';

export interface AttributePathStepMsg {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

export interface AttributePathMsg {
  steps: AttributePathStepMsg[];
}

export interface DiagnosticMsg {
  severity: SeverityName;
  summary: string;
  detail: string;
  attribute?: AttributePathMsg;
}

export type StringKindName = 'PLAIN' | 'MARKDOWN';

export interface SchemaAttributeMsg {
  name: string;
  type: Uint8Array;
  description: string;
  description_kind: StringKindName;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
}

export interface SchemaBlockMsg {
  version: number;
  attributes: SchemaAttributeMsg[];
  block_types: never[];
  description: string;
  description_kind: StringKindName;
  deprecated: boolean;
}

export interface SchemaMsg {
  version: number;
  block: SchemaBlockMsg;
}

export interface ServerCapabilitiesMsg {
  plan_destroy: boolean;
  get_provider_schema_optional: boolean;
  move_resource_state: boolean;
}

export interface RawStateMsg {
  json: Uint8Array;
  flatmap: { [key: string]: string };
}

// Requests: only the fields this provider reads.

export interface ValidateProviderConfigRequest {
  config: DynamicValueMsg | null;
}
export interface ValidateResourceConfigRequest {
  type_name: string;
  config: DynamicValueMsg | null;
}
export interface UpgradeResourceStateRequest {
  type_name: string;
  version: number;
  raw_state: RawStateMsg | null;
}
export interface ConfigureProviderRequest {
  terraform_version: string;
  config: DynamicValueMsg | null;
}
export interface ReadResourceRequest {
  type_name: string;
  current_state: DynamicValueMsg | null;
  private: Uint8Array;
}
export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValueMsg | null;
  proposed_new_state: DynamicValueMsg | null;
  config: DynamicValueMsg | null;
  prior_private: Uint8Array;
}
export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state: DynamicValueMsg | null;
  planned_state: DynamicValueMsg | null;
  config: DynamicValueMsg | null;
  planned_private: Uint8Array;
}
export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
}
export interface ReadDataSourceRequest {
  type_name: string;
  config: DynamicValueMsg | null;
}

// Responses.

export interface GetProviderSchemaResponse {
  provider: SchemaMsg;
  resource_schemas: { [typeName: string]: SchemaMsg };
  data_source_schemas: { [typeName: string]: SchemaMsg };
  diagnostics: DiagnosticMsg[];
  server_capabilities: ServerCapabilitiesMsg;
  functions: Record<string, FunctionMsg>;
}
export interface GetMetadataResponse {
  server_capabilities: ServerCapabilitiesMsg;
  diagnostics: DiagnosticMsg[];
  resources: { type_name: string }[];
  data_sources: { type_name: string }[];
  functions: { name: string }[];
}
export interface DiagnosticsResponse {
  diagnostics: DiagnosticMsg[];
}
export interface UpgradeResourceStateResponse {
  upgraded_state?: DynamicValueMsg;
  diagnostics: DiagnosticMsg[];
}
export interface ReadResourceResponse {
  new_state?: DynamicValueMsg;
  diagnostics: DiagnosticMsg[];
  private?: Uint8Array;
}
export interface PlanResourceChangeResponse {
  planned_state?: DynamicValueMsg;
  requires_replace: AttributePathMsg[];
  planned_private?: Uint8Array;
  diagnostics: DiagnosticMsg[];
}
export interface ApplyResourceChangeResponse {
  new_state?: DynamicValueMsg;
  private?: Uint8Array;
  diagnostics: DiagnosticMsg[];
}
export interface ImportResourceStateResponse {
  imported_resources: { type_name: string; state: DynamicValueMsg; private?: Uint8Array }[];
  diagnostics: DiagnosticMsg[];
}
export interface ReadDataSourceResponse {
  state?: DynamicValueMsg;
  diagnostics: DiagnosticMsg[];
}
export interface FunctionParameterMsg {
  name: string;
  type: Buffer;
  allow_null_value: boolean;
  allow_unknown_values: boolean;
  description: string;
  description_kind: 'PLAIN';
}
export interface FunctionMsg {
  parameters: FunctionParameterMsg[];
  return: { type: Buffer };
  summary: string;
  description: string;
  description_kind: 'PLAIN';
}
export interface GetFunctionsResponse {
  functions: Record<string, FunctionMsg>;
  diagnostics: DiagnosticMsg[];
}
export interface CallFunctionRequest {
  name: string;
  arguments: DynamicValueMsg[];
}
export interface CallFunctionResponse {
  result?: DynamicValueMsg;
  error?: { text: string; function_argument?: number };
}
export interface StopProviderResponse {
  Error: string;
}
