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
