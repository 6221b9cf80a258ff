// The one place RPC bodies run: whatever a body throws becomes an error
// diagnostic, so Terraform always gets a well-formed answer. Provider
// exceptions become an "Internal error in provider" diagnostic (logged with
// the stack); a DiagnosticError (bad input) becomes its own diagnostic.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { Logger, RequestContext } from '../framework/provider';
import { diagnosticsToProto } from './diagnostics-convert';
import { redactText } from './logger';
import type { DiagnosticMsg, MessageInit } from './proto-types';
import type { ServerState } from './server-state';
import { DiagnosticError, errorMessage } from './value-codec';

/** What a failed body answers with: valid for every response, whose other fields may be left out. */
type WireDiagnostics = { diagnostics: MessageInit<DiagnosticMsg>[] };

/** A response with its diagnostics converted to wire messages. */
type OnWire<R extends { diagnostics: Diagnostic[] }> = Omit<R, 'diagnostics'> & WireDiagnostics;

/** The prefix of the diagnostic for any exception thrown by provider logic. */
const INTERNAL_ERROR_SUMMARY = 'Internal error in provider';

function context<C>(server: ServerState<C>, rpc: string, fields: Record<string, unknown>): RequestContext {
  const log: Logger = server.log.with({ tf_rpc: rpc, ...fields });
  return { signal: server.stop.signal, log, providerLog: server.log };
}

/** Runs one RPC body with a context whose logger names the RPC and `fields`. */
export async function guard<C, R extends { diagnostics: Diagnostic[] }>(
  server: ServerState<C>,
  rpc: string,
  fields: Record<string, unknown>,
  body: (ctx: RequestContext) => Promise<R>,
): Promise<OnWire<R> | WireDiagnostics> {
  const ctx = context(server, rpc, fields);
  ctx.log.trace(`${rpc} called`);
  try {
    const result = await body(ctx);
    return { ...result, diagnostics: diagnosticsToProto(result.diagnostics) };
  } catch (err) {
    // Only diagnostics: the deserializer on Terraform's side fills the other fields with defaults.
    if (err instanceof DiagnosticError) {
      ctx.log.debug(`${rpc} rejected`, { summary: err.diagnostic.summary });
      return { diagnostics: diagnosticsToProto([err.diagnostic]) };
    }
    return { diagnostics: internalError(server, rpc, err) };
  }
}

export function internalError<C>(server: ServerState<C>, rpc: string, err: unknown): MessageInit<DiagnosticMsg>[] {
  const message = redactText(errorMessage(err));
  server.log.error(`${rpc} failed`, { error: err instanceof Error ? err : message });
  return diagnosticsToProto([
    errorDiag(`${INTERNAL_ERROR_SUMMARY}: ${message}`, 'This is a bug in the provider; the details are in the provider log (TF_LOG_PROVIDER=DEBUG).'),
  ]);
}
