// Property tests of the emulator's request pipeline over real HTTP. Requests
// are SigV4-signed with the emulator's key pair so that random bodies get past
// the signature check and reach the JSON parser and the input validator.
// Whatever arrives, the answer is a proper awsJson1_1 response (200, or a 4xx
// with __type and message), never a 5xx (no faults are injected here), never
// a hang, and the server keeps serving.
//
// test/emulator/protocol.test.ts covers unsigned garbage and a few fixed
// cases; the msgpack decoder is fuzzed in test/unit/cty.

import * as http from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { operationNames } from '../../emulator/src/index';
import { inputShapes } from '../../emulator/src/shapes';
import { LOCAL_CREDENTIALS } from '../../examples/demo/local-emulator';
import { createPoolWithUsers, REGION, startTestEmulator, type TestEmulator, type TestPool } from '../support/emulator';

const TARGET_PREFIX = 'AWSCognitoIdentityService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
/** A hang guard per request: a response must come, however slowly; not a timing assertion. */
const REQUEST_GUARD_MS = 30_000;
const RUNS = 60;

let env: TestEmulator;
let pool: TestPool;
let port: number;

const signer = new SignatureV4({
  credentials: LOCAL_CREDENTIALS,
  region: REGION,
  service: 'cognito-identity',
  sha256: Sha256,
});

beforeAll(async () => {
  env = await startTestEmulator();
  port = env.emulator.port;
  pool = await createPoolWithUsers(env.client, 2);
});

afterAll(async () => {
  await env?.stop();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Request {
  target?: string;
  body: Uint8Array | string;
  /** Extra or replacing headers, applied before signing. */
  headers?: Record<string, string>;
  sign?: boolean;
}

async function send(req: Request): Promise<Reply> {
  const body = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.from(req.body);
  let headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'content-type': CONTENT_TYPE,
    'content-length': String(body.length),
    ...(req.target !== undefined ? { 'x-amz-target': req.target } : {}),
    ...req.headers,
  };
  if (req.sign ?? true) {
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port, path: '/', query: {}, headers, body });
    headers = signed.headers;
  }
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.setTimeout(REQUEST_GUARD_MS, () => r.destroy(new Error(`no response within ${REQUEST_GUARD_MS} ms (hang) for target ${req.target}`)));
    r.on('error', reject);
    r.end(body);
  });
}

/** A well-formed awsJson1_1 answer: JSON, and for errors a 4xx with __type, message and x-amzn-ErrorType. Returns __type or 'OK'. */
function expectProperReply(reply: Reply): string {
  const where = `status ${reply.status}: ${reply.body.slice(0, 300)}`;
  expect({ where, contentType: reply.headers['content-type'] }).toEqual({ where, contentType: CONTENT_TYPE });
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(reply.body))).not.toThrow();
  expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
  if (reply.status === 200) return 'OK';
  const error = parsed as { __type?: unknown; message?: unknown };
  expect({ where, clientError: reply.status >= 400 && reply.status < 500 }).toEqual({ where, clientError: true });
  expect(typeof error.__type).toBe('string');
  expect(typeof error.message).toBe('string');
  expect(String(reply.headers['x-amzn-errortype'] ?? '')).toContain(String(error.__type));
  return String(error.__type);
}

const SIGNATURE_ERRORS = ['IncompleteSignatureException', 'InvalidSignatureException', 'MissingAuthenticationTokenException', 'UnrecognizedClientException'];

/** A signed request got past the signature check, so the fuzzed body really reached the parser. */
function expectSignatureAccepted(type: string): void {
  expect(SIGNATURE_ERRORS).not.toContain(type);
}

async function expectStillServing(): Promise<void> {
  // Fuzzed calls may legitimately create or delete pools, so only the answer's shape is checked.
  const out = await env.client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
  expect(Array.isArray(out.IdentityPools)).toBe(true);
}

const operations = operationNames();
const validTarget = fc.constantFrom(...operations).map((op) => TARGET_PREFIX + op);

/** Members of the operation's real input shape, with values of any JSON type (often the wrong one). */
function wrongTypedBody(op: string): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(inputShapes[op] ?? {});
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(pool.poolId, pool.providerName, 'user-0', 'user-1', `${REGION}:00000000-0000-0000-0000-000000000000`),
  );
  return names.length === 0 ? fc.dictionary(fc.string(), value) : fc.dictionary(fc.constantFrom(...names), value);
}

function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

afterEach(async () => {
  await expectStillServing();
});

test('random bytes, signed, to every operation', async () => {
  await fc.assert(
    fc.asyncProperty(validTarget, fc.uint8Array({ maxLength: 2048 }), async (target, body) => {
      expectSignatureAccepted(expectProperReply(await send({ target, body })));
    }),
    { numRuns: RUNS },
  );
});

test('random JSON documents, signed, to every operation', async () => {
  await fc.assert(
    fc.asyncProperty(validTarget, fc.json({ maxDepth: 4 }), async (target, body) => {
      expectSignatureAccepted(expectProperReply(await send({ target, body })));
    }),
    { numRuns: RUNS },
  );
});

test("each operation's own members with values of the wrong type (or the right one)", async () => {
  const arb = fc.constantFrom(...operations).chain((op) => fc.tuple(fc.constant(op), wrongTypedBody(op)));
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(arb, async ([op, input]) => {
      const type = expectProperReply(await send({ target: TARGET_PREFIX + op, body: JSON.stringify(input) }));
      expectSignatureAccepted(type);
      seen.add(type);
    }),
    { numRuns: RUNS * 2 },
  );
  // The bodies reached the input validator (not only the JSON parser).
  expect([...seen]).toEqual(expect.arrayContaining(['ValidationException']));
});

test('huge strings and deep nesting in members', async () => {
  const members = fc.constantFrom('IdentityPoolId', 'DeveloperUserIdentifier', 'SourceUserIdentifier', 'IdentityPoolName', 'Logins', 'NextToken');
  // Up to ~900 KB inside one JSON string (under the 1 MiB body cap); escapes stay valid JSON.
  const huge = fc
    .tuple(fc.integer({ min: 10_000, max: 900_000 }), fc.constantFrom('a', 'é', '😀', '\\u0000', '\\"'))
    .map(([bytes, piece]) => `"${piece.repeat(Math.floor(bytes / Buffer.byteLength(piece)))}"`);
  const nested = fc.tuple(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => deepNesting(d, k));
  await fc.assert(
    fc.asyncProperty(validTarget, members, fc.oneof(huge, nested), async (target, member, valueText) => {
      const body = `{"${member}":${valueText},"IdentityPoolId":"${pool.poolId}"}`;
      expectSignatureAccepted(expectProperReply(await send({ target, body })));
    }),
    { numRuns: 30 },
  );
  // A whole body that is nothing but nesting.
  for (const kind of ['array', 'object'] as const) {
    expectProperReply(await send({ target: TARGET_PREFIX + 'MergeDeveloperIdentities', body: deepNesting(400_000, kind) }));
  }
});

test('a body over the size cap is a 413 awsJson error', async () => {
  const reply = await send({ target: TARGET_PREFIX + 'GetId', body: `{"IdentityPoolId":"${'a'.repeat(1024 * 1024 + 10)}"}` });
  expect(reply.status).toBe(413);
  expectProperReply(reply);
});

test('random targets and headers', async () => {
  const target = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ maxLength: 40 }).map((s) => TARGET_PREFIX + s),
    fc.constantFrom(...operations).map((op) => `${TARGET_PREFIX}${op.toLowerCase()}`),
    fc.constantFrom(...operations).map((op) => `AWSCognitoIdentityServic.${op}`),
    validTarget,
  );
  const contentType = fc.constantFrom(CONTENT_TYPE, 'application/json', 'text/plain', '', `${CONTENT_TYPE}; charset=utf-8`, 'APPLICATION/X-AMZ-JSON-1.1');
  const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,20}$/);
  // Printable ASCII only: Node's HTTP client refuses control characters before anything is sent.
  const headerValue = fc.stringMatching(/^[\x21-\x7e ]{0,60}$/).map((v) => v.trim());
  const extra = fc.dictionary(headerName, headerValue, { maxKeys: 4 });
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.stringMatching(/^[\x21-\x7e ]{0,200}$/).map((v) => v.trim()),
    fc.constant(
      `AWS4-HMAC-SHA256 Credential=${LOCAL_CREDENTIALS.accessKeyId}/20000101/${REGION}/cognito-identity/aws4_request, SignedHeaders=host, Signature=00`,
    ),
  );
  await fc.assert(
    fc.asyncProperty(target, contentType, extra, fc.boolean(), authorization, async (t, ct, headers, sign, auth) => {
      const all: Record<string, string> = { ...headers, 'content-type': ct };
      // An unsigned request may carry any Authorization text (or none).
      if (!sign && auth !== undefined) all.authorization = auth;
      const reply = await send({ target: t, body: '{}', headers: all, sign });
      expectProperReply(reply);
    }),
    { numRuns: RUNS * 2 },
  );
});

test('many concurrent garbage requests, then the server still serves', async () => {
  const bodies = fc.sample(fc.oneof(fc.json(), fc.string({ maxLength: 500 })), 100);
  const replies = await Promise.all(bodies.map((body, i) => send({ target: TARGET_PREFIX + operations[i % operations.length], body })));
  for (const reply of replies) expectProperReply(reply);
});
