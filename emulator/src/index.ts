/**
 * Library entry point: startEmulator() runs a local Amazon Cognito Identity emulator
 * (awsJson1_1 over HTTP on 127.0.0.1).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultController } from './faults';
import { loadStateFile, StateWriter } from './persistence';
import { createRequestHandler } from './server';
import { StatsRecorder } from './stats';
import { Store } from './store';
import { LOGIN_LIMIT_COUNTS, LOOKUP_BY_USER_LISTS, type EmulatorOptions, type RunningEmulator } from './types';

export type {
  CountByOperation,
  EmulatorCredentials,
  EmulatorOptions,
  EmulatorStats,
  FaultConfig,
  FaultRule,
  LoginLimitCounts,
  LookupByUserLists,
  RunningEmulator,
} from './types';
export { FaultConfigError, parseFaultConfig, quotaPreset } from './faults';
export { StateFileError } from './persistence';
export { operationNames } from './operations';

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class EmulatorOptionsError extends Error {}

function checkOptions(options: EmulatorOptions): void {
  const { port, maxBodyBytes, region, credentials, loginLimitCounts, lookupByUserLists } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new EmulatorOptionsError(`port must be an integer 0..65535 (0 = any free port), got ${String(port)}.`);
  }
  if (maxBodyBytes !== undefined && (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1)) {
    throw new EmulatorOptionsError(`maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}.`);
  }
  if (region !== undefined && !/^[a-z0-9-]+$/.test(region)) {
    throw new EmulatorOptionsError(`region must look like 'us-east-1' (lower-case letters, digits, '-').`);
  }
  if (loginLimitCounts !== undefined && !LOGIN_LIMIT_COUNTS.includes(loginLimitCounts)) {
    throw new EmulatorOptionsError(`loginLimitCounts must be one of ${LOGIN_LIMIT_COUNTS.join(', ')}, got ${String(loginLimitCounts)}.`);
  }
  if (lookupByUserLists !== undefined && !LOOKUP_BY_USER_LISTS.includes(lookupByUserLists)) {
    throw new EmulatorOptionsError(`lookupByUserLists must be one of ${LOOKUP_BY_USER_LISTS.join(', ')}, got ${String(lookupByUserLists)}.`);
  }
  if (credentials !== undefined && (!credentials.accessKeyId || !credentials.secretAccessKey)) {
    throw new EmulatorOptionsError('credentials needs a non-empty accessKeyId and secretAccessKey.');
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Loads the state file if it exists; the writer saves the store there after each change. */
async function restoreState(stateFile: string, store: Store, log: (line: string) => void): Promise<StateWriter> {
  const snapshot = await loadStateFile(stateFile);
  if (snapshot) store.load(snapshot);
  const writer = new StateWriter(stateFile, () => store.snapshot(), log);
  log(`state: ${snapshot ? 'loaded' : 'new'} ${stateFile} (${store.pools.size} pools, ${store.identities.size} identities)`);
  return writer;
}

function createEmulatorServer(handler: RequestListener): Server {
  const server = createServer(handler);
  // Clients keep idle connections for reuse (the SDKs do); Node's 5 s default would close them under a client
  // that is about to send, which it then sees as ECONNRESET. Keep them a minute, as load balancers commonly do.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  return server;
}

/** RunningEmulator.stop: the first call closes the server and flushes the state file; later calls share its promise. */
function stopOnce(server: Server, writer: StateWriter | undefined, log: (line: string) => void): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
      log('stopped');
    })();
    return stopping;
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const log = options.log ?? ((): void => undefined);
  const store = new Store(options.region ?? 'us-east-1');
  const faults = new FaultController(options.faults ?? {});
  const stats = new StatsRecorder();
  const writer = options.stateFile === undefined ? undefined : await restoreState(options.stateFile, store, log);
  const server = createEmulatorServer(
    createRequestHandler({
      store,
      faults,
      stats,
      credentials: options.credentials,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      loginLimitCounts: options.loginLimitCounts ?? 'all',
      lookupByUserLists: options.lookupByUserLists ?? 'identity',
      log,
      onStateChanged: () => writer?.markDirty(),
    }),
  );
  const port = await listen(server, options.port ?? 0);
  const endpoint = `http://127.0.0.1:${port}`;
  log(`listening on ${endpoint} (region ${store.region}, signatures ${options.credentials ? 'verified' : 'presence-checked'})`);
  return {
    endpoint,
    port,
    stop: stopOnce(server, writer, log),
    setFaults: (config) => faults.set(config),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}
