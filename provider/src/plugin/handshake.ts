// The go-plugin handshake: the magic cookie check, protocol version
// negotiation, and the one line the provider prints on stdout.

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** go-plugin's own protocol version; always 1. */
const CORE_PROTOCOL_VERSION = 1;
/** The only Terraform plugin protocol this provider speaks. */
const APP_PROTOCOL_VERSION = 6;

/** A reason the process cannot serve, meant for a human reading stderr. */
export class HandshakeError extends Error {}

/** `installHint` tells the person who ran the binary by hand what to do instead. */
export function checkMagicCookie(env: NodeJS.ProcessEnv, installHint = ''): void {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeError(
      'This binary is a plugin. These are not meant to be executed directly.\n' +
        `Terraform or OpenTofu start it for you.${installHint ? ` ${installHint}` : ''}`,
    );
  }
}

/**
 * Picks protocol 6 from PLUGIN_PROTOCOL_VERSIONS (e.g. "5,6", in any order).
 * An unset variable means a client that predates negotiation; such a client
 * cannot speak 6 either, so that is refused too.
 */
export function negotiateProtocolVersion(env: NodeJS.ProcessEnv): number {
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!offered.includes(String(APP_PROTOCOL_VERSION))) {
    throw new HandshakeError(
      `This provider speaks Terraform plugin protocol ${APP_PROTOCOL_VERSION}, but the client offered ` +
        `${offered.length ? offered.join(', ') : 'no protocol versions'} (PLUGIN_PROTOCOL_VERSIONS). ` +
        'Use Terraform >= 1.0 or OpenTofu.',
    );
  }
  return APP_PROTOCOL_VERSION;
}

export interface HandshakeLine {
  network: 'unix' | 'tcp';
  address: string;
  /** DER of the server certificate; absent when TLS is off. */
  certDer?: Uint8Array;
}

/**
 * `1|6|unix|/path|grpc|CERT\n`. The certificate is DER in standard base64
 * without '=' padding (Go's RawStdEncoding); empty when TLS is off.
 */
export function formatHandshakeLine(h: HandshakeLine): string {
  const cert = h.certDer ? Buffer.from(h.certDer).toString('base64').replace(/=+$/, '') : '';
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|${h.network}|${h.address}|grpc|${cert}\n`;
}
