/**
 * SigV4 checks for the signed operations. Without configured credentials only the presence and
 * form of the Authorization header are checked; with them the signature is recomputed over the
 * received method, path, signed headers and body, and compared.
 * Nothing from the Authorization header or the secret ever goes into an error message.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ServiceError } from './errors';
import type { EmulatorCredentials } from './types';

const SIGNING_SERVICE = 'cognito-identity';
const MAX_SKEW_MS = 5 * 60 * 1000;

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (what: string): ServiceError => new ServiceError('IncompleteSignatureException', `Authorization header is malformed: ${what}.`);

const invalidSignature = (message: string): ServiceError => new ServiceError('InvalidSignatureException', message);

function parseAuthorization(header: string): ParsedAuthorization {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match) throw incomplete("the algorithm must be 'AWS4-HMAC-SHA256'");
  const fields = new Map<string, string>();
  for (const part of (match[1] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential) throw incomplete("'Credential' is missing");
  if (!signedHeaders) throw incomplete("'SignedHeaders' is missing");
  if (!signature) throw incomplete("'Signature' is missing");
  const [accessKeyId, date, region, service, terminator, ...rest] = credential.split('/');
  const complete = accessKeyId !== undefined && date !== undefined && region !== undefined && service !== undefined;
  if (!complete || terminator !== 'aws4_request' || rest.length > 0) {
    throw incomplete("'Credential' must be KEY/DATE/REGION/SERVICE/aws4_request");
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** x-amz-date (yyyyMMddTHHmmssZ) to a Date. */
function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What a signed request must have whether or not credentials are configured. */
interface SignatureForm {
  auth: ParsedAuthorization;
  signingDate: Date;
}

function checkForm(request: ReceivedRequest, now: Date): SignatureForm {
  const header = headerValue(request.headers, 'authorization');
  if (!header) throw new ServiceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  const auth = parseAuthorization(header);
  if (auth.service !== SIGNING_SERVICE) {
    throw invalidSignature(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`);
  }
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (!signingDate) throw incomplete("the 'X-Amz-Date' header is missing or not in yyyyMMddTHHmmssZ form");
  if (!amzDate?.startsWith(auth.date)) throw invalidSignature('Date in Credential scope does not match the X-Amz-Date header.');
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS) {
    throw invalidSignature('Signature expired or not yet current: the request time is more than 5 minutes from the server time.');
  }
  if (!auth.signedHeaders.includes('host')) throw incomplete("'SignedHeaders' must include 'host'");
  return { auth, signingDate };
}

function signedHeaderValues(request: ReceivedRequest, auth: ParsedAuthorization): { [name: string]: string } {
  const headers: { [name: string]: string } = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw incomplete(`signed header '${name}' is not in the request`);
    headers[name] = value;
  }
  return headers;
}

function checkBodyHash(body: Buffer, headers: { [name: string]: string }): void {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const claimedHash = headers['x-amz-content-sha256'];
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD' && claimedHash !== bodyHash) {
    throw invalidSignature('The provided x-amz-content-sha256 header does not match what was computed.');
  }
}

/** The signature the request would carry if signed with `credentials`. */
async function expectedSignature(request: ReceivedRequest, credentials: EmulatorCredentials, form: SignatureForm): Promise<string> {
  const headers = signedHeaderValues(request, form.auth);
  checkBodyHash(request.body, headers);
  const signer = new SignatureV4({
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region: form.auth.region,
    service: SIGNING_SERVICE,
    sha256: Sha256,
    applyChecksum: false,
  });
  // split always gives at least one part: the default only satisfies the type.
  const [path = '', query = ''] = request.path.split('?', 2);
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers,
      body: request.body,
    },
    { signingDate: form.signingDate, signableHeaders: new Set(form.auth.signedHeaders) },
  );
  return parseAuthorization(String(signed.headers.authorization ?? signed.headers.Authorization ?? '')).signature;
}

/** Throws the service's error when the request is not properly signed. */
export async function checkSignature(request: ReceivedRequest, credentials: EmulatorCredentials | undefined, now = new Date()): Promise<void> {
  const form = checkForm(request, now);
  if (!credentials) return;
  if (!sameText(form.auth.accessKeyId, credentials.accessKeyId)) {
    throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (!sameText(await expectedSignature(request, credentials, form), form.auth.signature)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
