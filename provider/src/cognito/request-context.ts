// Per-request plumbing shared by the resource and the data source.

import { setMaxListeners } from 'node:events';
import type { RequestContext } from '../framework/provider';

/**
 * Terraform's stop signal is shared by every concurrent request, and each SDK
 * call listens on it; lift Node's listener warning (10) for it.
 */
export function liftStopListenerLimit(ctx: RequestContext): RequestContext {
  setMaxListeners(0, ctx.signal);
  return ctx;
}
