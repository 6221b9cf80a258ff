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

export function createRequestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const ctx: OperationContext = {
    store: deps.store,
    region: deps.store.region,
    loginsTowardLimit: deps.loginLimitCounts === 'public' ? publicLoginCount : linkedLoginCount,
    lookupByUserLists: deps.lookupByUserLists,
    onMerge: () => deps.stats.merge(),
  };

  async function callOperation(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<string> {
    const op = resolveOperation(req);
    checkContentType(req);
    const read = await readBody(req, deps.maxBodyBytes);
    if (read.kind === 'aborted') return `${op.name} aborted`;
    if (read.kind === 'too-large') {
      sendError(res, new ServiceError('RequestEntityTooLargeException', `The request body exceeds the limit of ${deps.maxBodyBytes} bytes.`, 413), requestId);
      return `${op.name} 413`;
    }
    deps.stats.call(op.name);
    try {
      const input = parseJsonBody(read.body);
      if (op.auth === 'sigv4') {
        await checkSignature({ method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body: read.body }, deps.credentials);
      }
      if (!deps.faults.admit(op.name)) {
        deps.stats.outcome(op.name, 'throttled');
        throw throttled();
      }
      const fault = deps.faults.before(op.name);
      if (fault !== undefined) {
        deps.stats.outcome(op.name, fault === 'throttle' ? 'throttled' : 'faulted');
        if (fault === 'drop') {
          req.socket.destroy();
          return `${op.name} dropped (fault)`;
        }
        throw faultError(fault);
      }
      const latency = deps.faults.latencyMs(op.name);
      if (latency > 0) await sleep(latency);

      const output = op.run(input, ctx);
      if (op.mutating) deps.onStateChanged();

      const afterFault = deps.faults.after(op.name);
      if (afterFault !== undefined) {
        deps.stats.outcome(op.name, afterFault === 'throttle' ? 'throttled' : 'faulted');
        if (afterFault === 'drop') {
          req.socket.destroy();
          return `${op.name} committed, dropped (fault)`;
        }
        throw faultError(afterFault);
      }
      sendJson(res, 200, output, requestId);
      deps.stats.outcome(op.name, 'succeeded');
      return `${op.name} 200`;
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      sendError(res, err, requestId);
      return `${op.name} ${err.status} ${err.type}`;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = Date.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let summary: string;
    try {
      if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
        summary = await handleAdmin(req, res, path, requestId, deps);
      } else if (req.method !== 'POST' || path !== '/') {
        req.resume();
        sendJson(res, 404, { __type: 'NotFoundException', message: `No route for ${req.method} ${path}; the API is POST /.` }, requestId);
        summary = `${req.method} ${path} 404`;
      } else {
        summary = await callOperation(req, res, requestId);
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

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.log(`request handler failed: ${String(err)}`);
      if (!res.headersSent) res.destroy();
    });
  };
}
