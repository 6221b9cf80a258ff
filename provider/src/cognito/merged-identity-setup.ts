// The diagnostic for a Cognito client that could not be set up, shared by
// every step of the resource and the data source.

import type { Diagnostic } from '../framework/diagnostics';
import type { RequestContext } from '../framework/provider';
import type { CognitoClients } from './clients';
import { apiErrorDiagnostic } from './errors';
import { RegionMismatchError, regionMismatchDiagnostic } from './region-check';

export function setupDiagnostic(err: unknown, clients: CognitoClients, poolId: string, ctx: RequestContext): Diagnostic {
  if (err instanceof RegionMismatchError) return regionMismatchDiagnostic(err);
  return apiErrorDiagnostic(
    err,
    {
      action: 'set up the Cognito Identity client',
      operation: 'client setup',
      endpoint: clients.endpointFor(poolId),
      redactor: clients.redactor,
    },
    ctx.signal,
  );
}
