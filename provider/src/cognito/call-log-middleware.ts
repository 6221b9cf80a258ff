// One debug log line per attempt of every Cognito call (TF_LOG=debug), so a
// slow or failing run shows what was called, how often and with what result.
// It sits inside the SDK's retry middleware (and the pacer) to see each attempt. Only names,
// ids, counts and codes are logged: never the request, the answer or an
// error message (they could carry credentials or tokens).

import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeHandlerOutput, HandlerExecutionContext, MetadataBearer, Pluggable } from '@smithy/types';
import type { Logger } from '../framework/provider';
import { errorName } from './errors';

interface CallInput {
  IdentityPoolId?: unknown;
  IdentityId?: unknown;
}

interface HttpFailure {
  $metadata?: { httpStatusCode?: number };
}

/** The pool (or, for DescribeIdentity, the identity) a call is about. */
function subjectOf(input: unknown): Record<string, string> {
  const i = (typeof input === 'object' && input !== null ? input : {}) as CallInput;
  if (typeof i.IdentityPoolId === 'string') return { pool: i.IdentityPoolId };
  return typeof i.IdentityId === 'string' ? { identity_id: i.IdentityId } : {};
}

export function callLogPlugin<Input extends object, Output extends MetadataBearer>(log: Logger, region: string): Pluggable<Input, Output> {
  // The context object is shared by all attempts of one call.
  const attempts = new WeakMap<HandlerExecutionContext, number>();
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
          async (args: FinalizeHandlerArguments<Input>): Promise<FinalizeHandlerOutput<Output>> => {
            const attempt = (attempts.get(context) ?? 0) + 1;
            attempts.set(context, attempt);
            const fields = { operation: (context.commandName ?? 'unknown').replace(/Command$/, ''), ...subjectOf(args.input), region, attempt };
            const started = Date.now();
            try {
              const out = await next(args);
              log.debug('cognito call', { ...fields, duration_ms: Date.now() - started, outcome: 'ok' });
              return out;
            } catch (err) {
              const status = (err as HttpFailure).$metadata?.httpStatusCode;
              log.debug('cognito call', { ...fields, duration_ms: Date.now() - started, outcome: 'error', error_code: errorName(err), http_status: status });
              throw err;
            }
          },
        // Inside the pacer (pacing-middleware.ts), so a duration leaves out the wait for a send slot.
        { relation: 'after', toMiddleware: 'cognitoPacing', name: 'cognitoCallLog' },
      );
    },
  };
}
