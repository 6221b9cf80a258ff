// The contract between the plugin layer (gRPC, msgpack, handshake) and the
// provider logic. The plugin layer calls these methods with decoded values;
// the logic never sees a protobuf message, and the plugin layer never knows
// what a Cognito identity is.
//
// Values follow Terraform's rules (see ../../../docs/architecture.md, "Rules"): every object
// carries every schema attribute, null when unset; Unknown marks values not
// known until apply.

import type { FunctionDefinition } from './functions';
import type { AttributePath, Diagnostic } from './diagnostics';
import type { Schema } from './schema';
import type { ObjectValue } from './values';

/** Structured logs; the plugin layer writes them to stderr as hclog JSON. */
export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Given to every call. `signal` aborts when Terraform calls StopProvider (Ctrl-C). */
export interface RequestContext {
  signal: AbortSignal;
  log: Logger;
  /** Not tied to this call: for work that outlives it (clients made at ConfigureProvider). */
  providerLog?: Logger;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
}

export interface PlanRequest {
  /** null on create. */
  priorState: ObjectValue | null;
  /** null on destroy. Core's merge of config over prior state. */
  proposedNewState: ObjectValue | null;
  /** null on destroy; may hold unknowns. */
  config: ObjectValue | null;
  priorPrivate: Uint8Array;
}

export interface PlanResult {
  /** null when planning a destroy. */
  plannedState: ObjectValue | null;
  requiresReplace?: AttributePath[];
  plannedPrivate?: Uint8Array;
  diagnostics: Diagnostic[];
}

export interface ApplyRequest {
  /** null on create. */
  priorState: ObjectValue | null;
  /** null on destroy. */
  plannedState: ObjectValue | null;
  config: ObjectValue | null;
  plannedPrivate: Uint8Array;
}

export interface ApplyResult {
  /** null after a destroy; on error, the state to keep (or null to keep the prior). */
  newState: ObjectValue | null;
  private?: Uint8Array;
  diagnostics: Diagnostic[];
}

export interface ReadRequest {
  currentState: ObjectValue;
  private: Uint8Array;
}

export interface ReadResult {
  /** null: the remote object is gone, and Terraform will plan to create it. */
  newState: ObjectValue | null;
  private?: Uint8Array;
  diagnostics: Diagnostic[];
}

export interface ImportResult {
  /** Must hold every attribute (null where not yet known); Read runs next. */
  state: ObjectValue | null;
  private?: Uint8Array;
  diagnostics: Diagnostic[];
}

export interface UpgradeResult {
  state: ObjectValue | null;
  diagnostics: Diagnostic[];
}

/** A managed resource type. `C` is whatever ConfigureProvider produced (an API client). */
export interface ResourceType<C> {
  schema: Schema;
  /** Config may contain unknowns (variables during `terraform validate`). */
  validate(config: ObjectValue): ValidateResult;
  /**
   * `state` is the stored JSON attributes in the schema of `version`.
   * Must return an object in the current schema.
   */
  upgradeState(version: number, state: Record<string, unknown>): UpgradeResult;
  plan(client: C, req: PlanRequest, ctx: RequestContext): Promise<PlanResult>;
  apply(client: C, req: ApplyRequest, ctx: RequestContext): Promise<ApplyResult>;
  read(client: C, req: ReadRequest, ctx: RequestContext): Promise<ReadResult>;
  importState(client: C, id: string, ctx: RequestContext): Promise<ImportResult>;
}

export interface DataSourceType<C> {
  schema: Schema;
  validate(config: ObjectValue): ValidateResult;
  /** Config is wholly known here; the result must be wholly known. */
  read(client: C, config: ObjectValue, ctx: RequestContext): Promise<{ state: ObjectValue | null; diagnostics: Diagnostic[] }>;
}

export interface ConfigureResult<C> {
  client?: C;
  diagnostics: Diagnostic[];
}

/** What serving needs before the provider itself is loaded: the handshake does not need the rest. */
export interface ProviderIdentity {
  /** The provider type, e.g. `cognitoidentity`: names the executable and the log module. */
  typeName: string;
  /** Shown when someone runs the executable by hand: how to install and reference it. */
  installHint: string;
}

export interface ProviderDefinition<C> extends ProviderIdentity {
  schema: Schema;
  /** Ask Terraform to call plan on destroy, so destroy-time warnings show in the plan. */
  planDestroy: boolean;
  validateConfig(config: ObjectValue): ValidateResult;
  /** Config may contain unknowns. */
  configure(config: ObjectValue, terraformVersion: string, ctx: RequestContext): Promise<ConfigureResult<C>>;
  resources: { [typeName: string]: ResourceType<C> };
  dataSources: { [typeName: string]: DataSourceType<C> };
  /** Provider-defined functions, by name (framework/functions.ts). */
  functions?: { [name: string]: FunctionDefinition };
}
