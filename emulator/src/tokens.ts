/**
 * OpenID tokens handed out by the emulator: JWT-shaped (header.payload.signature), signed with
 * HMAC-SHA256 under a key that lives only in this process. Clients treat them as opaque.
 */
import { createHmac, randomBytes } from 'node:crypto';

const key = randomBytes(32);

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function issueOpenIdToken(poolId: string, identityId: string, durationSeconds: number, amr: string[]): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: 'emulator' })}.${part({
    iss: 'https://cognito-identity.amazonaws.com',
    aud: poolId,
    sub: identityId,
    amr,
    iat: now,
    exp: now + durationSeconds,
  })}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

/** The claims of a token this process issued and that has not expired, or undefined. */
export function verifyOpenIdToken(token: string): { aud: string; sub: string } | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { aud?: unknown; sub?: unknown; exp?: unknown };
    if (typeof claims.aud !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
    return claims.exp * 1000 > Date.now() ? { aud: claims.aud, sub: claims.sub } : undefined;
  } catch {
    return undefined;
  }
}
