/** What every operation handler sees and declares. */
import type { IdentityRecord, Store } from '../store';
import { inputShapes } from '../shapes';
import { validateInput, type JsonObject } from '../validation';

export interface OperationContext {
  store: Store;
  region: string;
  /** The logins of an identity that count toward a merge's 20-login limit (EmulatorOptions.loginLimitCounts). */
  loginsTowardLimit(identity: IdentityRecord): number;
  /** What a lookup by user lists (EmulatorOptions.lookupByUserLists). */
  lookupByUserLists: 'identity' | 'given';
  /** Called once per merge that changed state (for stats). */
  onMerge(): void;
}

export type Output = { [member: string]: unknown };

export interface Operation {
  name: string;
  /** 'sigv4' operations need a signed request; 'none' are the service's public operations. */
  auth: 'sigv4' | 'none';
  /** Successful calls change state (the state file is written after them). */
  mutating: boolean;
  run(input: JsonObject, ctx: OperationContext): Output;
}

/**
 * Declares an operation whose input is validated against `inputShapes[name]` first; only then
 * is the JSON viewed as the typed input `T` (the shape guarantees the types the handler reads).
 */
export function defineOperation<T>(name: string, auth: 'sigv4' | 'none', mutating: boolean, handler: (input: T, ctx: OperationContext) => Output): Operation {
  const shape = inputShapes[name];
  if (!shape) throw new Error(`no input shape for ${name}`);
  return {
    name,
    auth,
    mutating,
    run(input, ctx) {
      validateInput(input, shape);
      return handler(input as unknown as T, ctx);
    },
  };
}

/** Epoch seconds with a fraction, the awsJson timestamp format. */
export const epochSeconds = (ms: number): number => ms / 1000;
