/**
 * The awsJson1_1 request pipeline: route by X-Amz-Target, read and parse the body, check the
 * signature, apply faults, run the operation, answer. Nothing thrown here escapes the handler.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin, ADMIN_PREFIX } from './admin';
import { internalError, ServiceError, throttled } from './errors';
import type { FaultController, FaultKind } from './faults';
import { JSON_CONTENT_TYPE, readBody, sendError, sendJson } from './http-io';
import { operations, type Operation, type OperationContext } from './operations';
import { checkSignature } from './sigv4';
import type { StatsRecorder } from './stats';
import { linkedLoginCount, publicLoginCount, type Store } from './store';
import type { EmulatorCredentials, LoginLimitCounts, LookupByUserLists } from './types';
import { isJsonObject, type JsonObject } from './validation';

const TARGET_PREFIX = 'AWSCognitoIdentityService.';
/** The long form hand-written clients send (and the API Reference's sample requests show). */
const LONG_TARGET_PREFIX = 'com.amazonaws.cognito.identity.model.AWSCognitoIdentityService.';
/** What the SDKs send, plus the plain JSON type that hand-written clients use. */
const ACCEPTED_CONTENT_TYPES = [JSON_CONTENT_TYPE, 'application/json'];

/** The operation name of an X-Amz-Target value, short or long form. */
function operationName(target: string): string | undefined {
  for (const prefix of [TARGET_PREFIX, LONG_TARGET_PREFIX]) if (target.startsWith(prefix)) return target.slice(prefix.length);
  return undefined;
}

export interface ServerDeps {
  store: Store;
  faults: FaultController;
  stats: StatsRecorder;
  credentials?: EmulatorCredentials;
  maxBodyBytes: number;
  loginLimitCounts: LoginLimitCounts;
  lookupByUserLists: LookupByUserLists;
  log: (line: string) => void;
  /** After a mutation (or a state wipe): persist. */
  onStateChanged(): void;
}

// Unref'd: while serving, the listening socket keeps the process alive; once
// stopped, an answer still being delayed must not keep the host process running.
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function faultError(kind: Exclude<FaultKind, 'drop'>): ServiceError {
  return kind === 'throttle' ? throttled() : internalError();
}

/** JSON body of an operation call; an empty body is `{}` (what SDKs send for empty input). */
function parseJsonBody(body: Buffer): JsonObject {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
  }
  if (!isJsonObject(parsed)) throw new ServiceError('SerializationException', 'The request body must be a JSON object.');
  return parsed;
}

function resolveOperation(req: IncomingMessage): Operation {
  const target = header(req, 'x-amz-target');
  if (!target) throw new ServiceError('UnknownOperationException', 'The X-Amz-Target header is missing.');
  const name = operationName(target);
  const op = name === undefined ? undefined : operations.get(name);
  if (!op) throw new ServiceError('UnknownOperationException', `Unknown operation: X-Amz-Target '${target}' is not supported.`);
  return op;
}

function checkContentType(req: IncomingMessage): void {
  const contentType = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED_CONTENT_TYPES.includes(contentType)) {
    throw new ServiceError(
      'UnknownOperationException',
      `Unsupported Content-Type '${contentType || '(none)'}': requests must use ${ACCEPTED_CONTENT_TYPES.join(' or ')}.`,
    );
  }
}

/** What handling a request needs: the server's dependencies and what every operation sees. */
interface Handling {
  deps: ServerDeps;
  ctx: OperationContext;
}

/** One request and where its answer goes. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
}

/**
 * Applies a scripted or random fault, if any: records the outcome, then destroys the socket (a drop:
 * returns true, nothing is answered) or throws the fault's error.
 */
function applyFault(fault: FaultKind | undefined, opName: string, x: Exchange, deps: ServerDeps): boolean {
  if (fault === undefined) return false;
  deps.stats.outcome(opName, fault === 'throttle' ? 'throttled' : 'faulted');
  if (fault !== 'drop') throw faultError(fault);
  x.req.socket.destroy();
  return true;
}

/** Signature, rate limit, faults and latency around the operation itself; returns the log summary. */
async function runOperation(op: Operation, body: Buffer, x: Exchange, { deps, ctx }: Handling): Promise<string> {
  const input = parseJsonBody(body);
  if (op.auth === 'sigv4') {
    await checkSignature({ method: x.req.method ?? 'POST', path: x.req.url ?? '/', headers: x.req.headers, body }, deps.credentials);
  }
  if (!deps.faults.admit(op.name)) {
    deps.stats.outcome(op.name, 'throttled');
    throw throttled();
  }
  if (applyFault(deps.faults.before(op.name), op.name, x, deps)) return `${op.name} dropped (fault)`;
  const latency = deps.faults.latencyMs(op.name);
  if (latency > 0) await sleep(latency);

  const output = op.run(input, ctx);
  if (op.mutating) deps.onStateChanged();

  if (applyFault(deps.faults.after(op.name), op.name, x, deps)) return `${op.name} committed, dropped (fault)`;
  sendJson(x.res, 200, output, x.requestId);
  deps.stats.outcome(op.name, 'succeeded');
  return `${op.name} 200`;
}

/** POST / with an X-Amz-Target: one operation call; returns the log summary. */
async function callOperation(x: Exchange, handling: Handling): Promise<string> {
  const { deps } = handling;
  const op = resolveOperation(x.req);
  checkContentType(x.req);
  const read = await readBody(x.req, deps.maxBodyBytes);
  if (read.kind === 'aborted') return `${op.name} aborted`;
  if (read.kind === 'too-large') {
    sendError(x.res, new ServiceError('RequestEntityTooLargeException', `The request body exceeds the limit of ${deps.maxBodyBytes} bytes.`, 413), x.requestId);
    return `${op.name} 413`;
  }
  deps.stats.call(op.name);
  try {
    return await runOperation(op, read.body, x, handling);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    sendError(x.res, err, x.requestId);
    return `${op.name} ${err.status} ${err.type}`;
  }
}

/** Routes one request (admin, the API, or 404) and logs its summary; an unexpected error answers 500. */
async function handle(x: Exchange, handling: Handling): Promise<void> {
  const { req, res, requestId } = x;
  const { deps } = handling;
  const started = Date.now();
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  let summary: string;
  try {
    if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
      summary = await handleAdmin(x, path, deps);
    } else if (req.method !== 'POST' || path !== '/') {
      req.resume();
      sendJson(res, 404, { __type: 'NotFoundException', message: `No route for ${req.method} ${path}; the API is POST /.` }, requestId);
      summary = `${req.method} ${path} 404`;
    } else {
      summary = await callOperation(x, handling);
    }
  } catch (err) {
    const error = err instanceof ServiceError ? err : internalError();
    if (!(err instanceof ServiceError)) deps.log(`${requestId} unexpected error: ${(err as Error).stack ?? String(err)}`);
    req.resume();
    sendError(res, error, requestId);
    summary = `${error.status} ${error.type}`;
  }
  deps.log(`${requestId} ${summary} ${Date.now() - started}ms`);
}

export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const ctx: OperationContext = {
    store: deps.store,
    region: deps.store.region,
    loginsTowardLimit: deps.loginLimitCounts === 'public' ? publicLoginCount : linkedLoginCount,
    lookupByUserLists: deps.lookupByUserLists,
    onMerge: () => deps.stats.merge(),
  };
  return (req, res) => {
    handle({ req, res, requestId: randomUUID() }, { deps, ctx }).catch((err: unknown) => {
      deps.log(`request handler failed: ${String(err)}`);
      if (!res.headersSent) res.destroy();
    });
  };
}
