/** Public types of the emulator's library API (re-exported from index.ts). */

/** One scripted fault: fires on the next `count` calls of `operation`. */
export interface FaultRule {
  operation: string;
  kind: 'internal-error' | 'throttle' | 'drop';
  /** 'after': the operation's effect is committed, then the response is replaced by the fault. */
  phase?: 'before' | 'after';
  /** How many times the rule fires (default 1). */
  count?: number;
}

export interface FaultConfig {
  /** Requests per second per operation; token bucket with burst = max(1, rps). */
  rateLimits?: { [operation: string]: number };
  /** Added delay before answering: one value for all operations, or per operation. */
  latencyMs?: number | { [operation: string]: number };
  /** Probability 0..1 that a call answers InternalErrorException (500). */
  internalErrorRate?: number;
  /** Probability 0..1 that the socket is destroyed with no response. */
  dropConnectionRate?: number;
  rules?: FaultRule[];
}

export type CountByOperation = { [operation: string]: number };

export interface EmulatorStats {
  /** Every request that reached an operation, including rejected ones. */
  calls: CountByOperation;
  succeeded: CountByOperation;
  throttled: CountByOperation;
  faulted: CountByOperation;
  /** Merges that changed state. */
  merges: number;
}

export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export type LoginLimitCounts = 'all' | 'public';
export const LOGIN_LIMIT_COUNTS: readonly LoginLimitCounts[] = ['all', 'public'];

/** What a LookupDeveloperIdentity by user lists (EmulatorOptions.lookupByUserLists). */
export type LookupByUserLists = 'identity' | 'given';
export const LOOKUP_BY_USER_LISTS: readonly LookupByUserLists[] = ['identity', 'given'];

export interface EmulatorOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** JSON file the state is loaded from at start and written to after each mutation. */
  stateFile?: string;
  /** When set, SigV4 signatures are verified against this key pair. */
  credentials?: EmulatorCredentials;
  faults?: FaultConfig;
  /** Default us-east-1. */
  region?: string;
  /** Request body cap in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * What counts toward the 20 linked logins of a merge. AWS does not say whether
   * developer user ids count (an UNCONFIRMED point of the fact sheet):
   * 'all' (default) counts public-provider logins and developer user ids;
   * 'public' counts public-provider logins only, so any number of developer
   * users can be merged into one identity.
   */
  loginLimitCounts?: LoginLimitCounts;
  /**
   * What a LookupDeveloperIdentity with only DeveloperUserIdentifier lists.
   * AWS documents DeveloperUserIdentifierList as the identity's list but not
   * that a lookup by user returns all of it (UNCONFIRMED): 'identity'
   * (default) lists every user of the identity, paged; 'given' lists only the
   * user asked about, so clients can be tested under both readings.
   */
  lookupByUserLists?: LookupByUserLists;
  /** Receives one log line per event; never secrets. Default: no logging. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  port: number;
  /** Closes the server and flushes the state file. */
  stop(): Promise<void>;
  setFaults(f: FaultConfig): void;
  stats(): EmulatorStats;
  resetStats(): void;
}
