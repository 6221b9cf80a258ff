// Cognito/SDK failures turned into diagnostics that say what happened and what
// to do about it. No stack trace and no credential ever reaches the text:
// service messages are quoted only after redaction.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import { CredentialsNotFoundError } from './credential-errors';

export type ErrorKind = 'aborted' | 'throttled' | 'conflict' | 'not-found' | 'auth' | 'invalid' | 'network' | 'server' | 'not-ready' | 'not-cognito' | 'other';

/** Raised instead of calling AWS when the provider block still holds unknown values. */
export class ProviderNotReadyError extends Error {
  override readonly name = 'ProviderNotReadyError';
  constructor(readonly unknownAttributes: string[]) {
    super(`provider configuration is not known yet (${unknownAttributes.join(', ')})`);
  }
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

function shape(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** The SDK wraps throwables that are not Error instances (e.g. from another realm) in this message. */
const SDK_WRAPPER = /^AWS SDK error wrapper for (\w+)/;

export function errorName(err: unknown): string {
  const n = shape(err).name;
  const name = typeof n === 'string' ? n : 'Error';
  const wrapped = name === 'Error' ? SDK_WRAPPER.exec(errorMessage(err)) : null;
  return wrapped?.[1] ?? name;
}

function errorMessage(err: unknown): string {
  const m = shape(err).message;
  if (typeof m === 'string') return m;
  return typeof err === 'string' ? err : '';
}

const AUTH_ERRORS = new Set([
  'NotAuthorizedException',
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'MissingAuthenticationTokenException',
  'IncompleteSignature',
  'CredentialsProviderError',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED']);
const THROTTLE_ERRORS = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'LimitExceededException']);

function networkCode(err: unknown, depth = 0): string | undefined {
  const s = shape(err);
  if (typeof s.code === 'string' && NETWORK_CODES.has(s.code)) return s.code;
  // Wrapped errors keep the code only in their message ("connect ECONNREFUSED 127.0.0.1:9").
  const inMessage = /\b(E[A-Z_]+)\b/.exec(errorMessage(err));
  const inCode = inMessage?.[1];
  if (inCode !== undefined && NETWORK_CODES.has(inCode)) return inCode;
  // The SDK names a reset connection "TimeoutError" too; Node says "socket hang up" for it.
  if (/socket hang up/i.test(errorMessage(err))) return 'ECONNRESET';
  if (errorName(err) === 'TimeoutError' || errorName(err) === 'RequestTimeout') return 'timeout';
  if (depth < 5 && s.cause !== undefined) return networkCode(s.cause, depth + 1);
  return undefined;
}

export function classifyError(err: unknown, signal?: AbortSignal): ErrorKind {
  if (err instanceof ProviderNotReadyError) return 'not-ready';
  const name = errorName(err);
  if (name === 'AbortError' || signal?.aborted) return 'aborted';
  if (THROTTLE_ERRORS.has(name) || shape(err).$metadata?.httpStatusCode === 429) return 'throttled';
  if (name === 'ResourceConflictException') return 'conflict';
  if (name === 'ResourceNotFoundException') return 'not-found';
  if (AUTH_ERRORS.has(name)) return 'auth';
  if (name === 'InvalidParameterException' || name === 'ValidationException') return 'invalid';
  if (networkCode(err)) return 'network';
  const status = shape(err).$metadata?.httpStatusCode;
  if (name === 'InternalErrorException' || (status !== undefined && status >= 500)) return 'server';
  // The SDK names an answer without a Cognito error code "Unknown"/"UnknownError".
  if (status !== undefined && (name === 'Unknown' || name === 'UnknownError')) return 'not-cognito';
  return 'other';
}

/**
 * Not-found errors about the pool itself, as opposed to a user or identity in
 * it. Cognito says `IdentityPool '<id>' not found.` for a missing pool.
 */
export function isPoolNotFound(err: unknown): boolean {
  return classifyError(err) === 'not-found' && /IdentityPool\s*'[^']*'\s*not found/i.test(errorMessage(err));
}

/** Replaces known secrets and anything shaped like an AWS access key id. */
export class Redactor {
  private readonly secrets = new Set<string>();
  add(...values: (string | undefined)[]): void {
    for (const v of values) if (v && v.length >= 4) this.secrets.add(v);
  }
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[REDACTED]');
    return out.replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '[REDACTED]');
  }
}

export interface CallContext {
  /** What we were doing, e.g. "merge developer user \"a\" into \"b\"". */
  action: string;
  /** The Cognito operation name, e.g. MergeDeveloperIdentities. */
  operation: string;
  endpoint: string;
  redactor?: Redactor;
  /** Attribute the problem is about, when there is one. */
  attribute?: string;
}

function isTimeout(err: unknown): boolean {
  const code = networkCode(err);
  return code === 'timeout' || code === 'ETIMEDOUT';
}

function quote(err: unknown, redactor?: Redactor): string {
  const raw = errorMessage(err).replace(/\s+/g, ' ').trim().slice(0, 500);
  const text = redactor ? redactor.redact(raw) : raw;
  return text ? `${errorName(err)}: ${text}` : errorName(err);
}

/** What a non-Cognito answer was, e.g. "HTTP 404 with an empty body". */
function answerOf(err: unknown): string {
  const s = shape(err);
  const headers = s.$response?.headers ?? {};
  const length = headers['content-length'];
  const body = length === '0' ? 'an empty body' : `a body that holds no Cognito error code${headers['content-type'] ? ` (${headers['content-type']})` : ''}`;
  return `HTTP ${s.$metadata?.httpStatusCode ?? '?'} and ${body}`;
}

/** What went wrong, after "Could not <action>" (none for an error of no known kind), and what to do about it. */
type Explanation = { problem?: string; detail: string };
/** `said` is the error as quoted for the user: its name and redacted message. */
type Explain = (failure: { call: CallContext; said: string; err: unknown }) => Explanation;

const EXPLAIN: Record<ErrorKind, Explain> = {
  aborted: ({ call }) => ({
    problem: 'interrupted',
    detail: `The ${call.operation} call was interrupted because Terraform asked the provider to stop (for example Ctrl-C). Run the command again to finish.`,
  }),
  throttled: ({ call, said }) => ({
    problem: 'throttled by Cognito',
    detail: `${call.operation} was still rate-limited after every retry (${said}). Lower \`-parallelism\`, raise \`max_retries\` in the provider block, or request a Cognito Identity quota increase.`,
  }),
  conflict: ({ call, said }) => ({
    problem: 'conflict',
    detail: `Cognito refused ${call.operation} with a conflict (${said}). This happens when the two users are linked to different logins of the same public provider (for example two Facebook accounts), or a login is already linked to another identity. Resolve the conflicting link in Cognito first.`,
  }),
  'not-found': ({ call, said }) => ({
    problem: 'not found',
    detail: `Cognito answered ${call.operation} with "not found" (${said}). Check that the identity pool and the developer users exist in this Region (${call.endpoint}).`,
  }),
  auth: ({ call, said }) => ({
    problem: 'not authorized',
    detail: `${call.operation} was rejected (${said}). Check the AWS credentials the provider uses and that they allow cognito-identity:MergeDeveloperIdentities, cognito-identity:LookupDeveloperIdentity and cognito-identity:DescribeIdentity on the identity pool.`,
  }),
  invalid: ({ call, said }) => ({ problem: 'rejected by Cognito', detail: `${call.operation} was rejected as invalid: ${said}.` }),
  network: ({ call, said, err }) =>
    isTimeout(err)
      ? {
          problem: 'timed out',
          detail: `${call.operation} to ${call.endpoint} got no answer in time, also after retries (${said}). Check that this is a reachable Cognito Identity endpoint (\`endpoint\`/\`region\`, AWS_ENDPOINT_URL*), or raise \`request_timeout_seconds\`/\`connect_timeout_seconds\` in the provider block.`,
        }
      : {
          problem: 'endpoint unreachable',
          detail: `Could not reach the Cognito Identity endpoint ${call.endpoint} (${said}). Check the \`endpoint\`/\`region\` settings, AWS_ENDPOINT_URL*, and the network.`,
        },
  server: ({ call, said }) => ({
    problem: 'Cognito service error',
    detail: `${call.operation} failed with a service error after retries (${said}). This is usually temporary; run the command again.`,
  }),
  'not-ready': ({ err }) => ({
    problem: 'provider configuration not known yet',
    detail: `The provider block's ${(err as ProviderNotReadyError).unknownAttributes.map((a) => `\`${a}\``).join(', ')} depend on values known only after apply, so Cognito cannot be called yet. Apply the resources they depend on first (for example with -target).`,
  }),
  'not-cognito': ({ call, err }) => ({
    problem: 'the endpoint is not answering as Cognito Identity',
    detail: `${call.endpoint} answered ${call.operation} with ${answerOf(err)}, so it may not be a Cognito Identity endpoint. Check the \`endpoint\`/\`region\` settings and AWS_ENDPOINT_URL*.`,
  }),
  other: ({ call, said }) => ({ detail: `${call.operation} failed: ${said}.` }),
};

/** A diagnostic for a failed Cognito call. */
export function apiErrorDiagnostic(err: unknown, call: CallContext, signal?: AbortSignal): Diagnostic {
  if (err instanceof CredentialsNotFoundError) return errorDiag(`Could not ${call.action}: ${err.title}`, err.message, call.attribute);
  const { problem, detail } = EXPLAIN[classifyError(err, signal)]({ call, said: quote(err, call.redactor), err });
  const base = `Could not ${call.action}`;
  return errorDiag(problem === undefined ? base : `${base}: ${problem}`, detail, call.attribute);
}
