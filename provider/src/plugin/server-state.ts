// What the RPCs of the framework server (the server-*.ts files) share: the
// provider definition, the logger, the configured client and the stop signal,
// and the lookups every resource and data source RPC starts with.

import { errorDiag } from '../framework/diagnostics';
import type { ProviderDefinition } from '../framework/provider';
import type { HclogLogger } from './logger';
import type { GetProviderSchemaResponse, MessageInit } from './proto-types';
import { DiagnosticError } from './value-codec';

/** ConfigureProvider's outcome: a client exists only once it succeeded. */
export type ClientState<C> = { kind: 'unconfigured' } | { kind: 'configured'; client: C };

export interface ServerState<C> {
  readonly def: ProviderDefinition<C>;
  readonly log: HclogLogger;
  client: ClientState<C>;
  /** Aborted by StopProvider, then replaced so later calls start fresh. */
  stop: AbortController;
  /** The schema never changes in a process; built once. */
  schemaCache: MessageInit<GetProviderSchemaResponse> | undefined;
}

/** How the "unknown type" diagnostic names a kind of type. */
interface TypeKind {
  summary: string;
  /** In "This provider has no <one> ...". */
  one: string;
  /** In "Known <many>: ...". */
  many: string;
}

export const RESOURCE_KIND: TypeKind = { summary: 'Unknown resource type', one: 'resource type', many: 'resource types' };
export const DATA_SOURCE_KIND: TypeKind = { summary: 'Unknown data source type', one: 'data source', many: 'data sources' };

/** The type named `typeName`, or a diagnostic listing the known ones (own keys only: no `constructor` from the prototype). */
export function lookupType<T>(types: { [name: string]: T }, typeName: string, kind: TypeKind): T {
  const found = Object.prototype.hasOwnProperty.call(types, typeName) ? types[typeName] : undefined;
  if (!found) {
    const known = Object.keys(types).join(', ') || 'none';
    throw new DiagnosticError(errorDiag(kind.summary, `This provider has no ${kind.one} "${typeName}". Known ${kind.many}: ${known}.`));
  }
  return found;
}

export function requireClient<C>(server: ServerState<C>): C {
  if (server.client.kind === 'unconfigured') {
    throw new DiagnosticError(
      errorDiag(
        'Provider not configured',
        'Terraform called the provider before ConfigureProvider succeeded. Check the provider block for errors reported earlier.',
      ),
    );
  }
  return server.client.client;
}
