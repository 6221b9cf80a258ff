// Puts every attempt of every Cognito call through the OperationPacer
// (pacer.ts). It sits inside the SDK's retry middleware, so retries are paced
// too. The caller's abort signal reaches it through an AsyncLocalStorage,
// because the SDK does not hand the signal to middleware; StopProvider then
// ends a wait for a send slot at once. The same context carries a hook told
// when a request actually goes out, for request coalescing.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeHandlerOutput, HandlerExecutionContext, MetadataBearer, Pluggable } from '@smithy/types';
import { classifyError } from './errors';
import type { OperationPacer } from './pacer';

interface CallContext {
  signal?: AbortSignal;
  /** Told when the first attempt leaves its send slot (coalescing-cache.ts numbers requests by it). */
  onSend?: () => void;
  /** Runs as each attempt leaves its send slot; throwing stops the call before that attempt is sent. */
  beforeSend?: () => void;
}

const callContext = new AsyncLocalStorage<CallContext>();

/** Runs `call` (a client.send) so that its attempts wait for a slot with this signal. */
export function withCallSignal<T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> {
  return callContext.run({ ...callContext.getStore(), signal }, call);
}

/**
 * Runs `call` so that `guard` runs just before each attempt is sent, after any
 * wait for a send slot; if it throws, that attempt is not sent and the call
 * fails with its error (not retried: the SDK sees a client-side error).
 */
export function withSendGuard<T>(guard: () => void, call: () => Promise<T>): Promise<T> {
  return callContext.run({ ...callContext.getStore(), beforeSend: guard }, call);
}

/** Runs `call` so that `onSend` is told each time one of its requests goes out. */
export function withSendHook<T>(onSend: () => void, call: () => Promise<T>): Promise<T> {
  return callContext.run({ ...callContext.getStore(), onSend }, call);
}

function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? 'unknown').replace(/Command$/, '');
}

export function pacingPlugin<Input extends object, Output extends MetadataBearer>(pacer: OperationPacer): Pluggable<Input, Output> {
  return {
    applyToStack(stack) {
      stack.addRelativeTo(
        (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
          async (args: FinalizeHandlerArguments<Input>): Promise<FinalizeHandlerOutput<Output>> => {
            const operation = operationOf(context);
            const call = callContext.getStore();
            const sentAt = await pacer.acquire(operation, call?.signal);
            call?.beforeSend?.();
            call?.onSend?.();
            try {
              const out = await next(args);
              pacer.succeeded(operation);
              return out;
            } catch (err) {
              if (classifyError(err) === 'throttled') pacer.throttled(operation, sentAt);
              throw err;
            }
          },
        {
          relation: 'after',
          toMiddleware: 'retryMiddleware',
          name: 'cognitoPacing',
        },
      );
    },
  };
}
