/** Small HTTP helpers: bounded body reading and awsJson1_1 responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceError } from './errors';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Once a body is this many times over the cap we stop draining it and drop the connection. */
const DRAIN_FACTOR = 64;

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads the whole body, keeping at most `maxBytes`. An over-long body is drained (so the client
 * can read our answer) but not kept.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) {
        req.socket.destroy();
        settle({ kind: 'aborted' });
      }
    });
    req.on('end', () => settle(size > maxBytes ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

/** Header values must be printable ASCII and short; bodies carry the full text. */
function headerSafe(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length > 1024 ? `${ascii.slice(0, 1021)}...` : ascii;
}

function writeJson(res: ServerResponse, status: number, body: object, headers: { [name: string]: string }): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

export function sendJson(res: ServerResponse, status: number, body: object, requestId: string): void {
  writeJson(res, status, body, { 'x-amzn-RequestId': requestId });
}

export function sendError(res: ServerResponse, error: ServiceError, requestId: string): void {
  writeJson(
    res,
    error.status,
    { __type: error.type, message: error.message },
    {
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': `${error.type}:`,
      'x-amzn-ErrorMessage': headerSafe(error.message),
    },
  );
}
