// NODE_EXTRA_CA_CERTS for the release executable, applied at the first TLS
// connection instead of at start.
//
// Node reads that variable before any JavaScript runs and then builds its
// whole root store (~150 certificates plus the file), which cost 17 to 55 ms
// on every provider start (bench/RESULTS.md), although most starts (schema,
// validate, plan of nothing) open no TLS connection at all. So the release
// build renames the variable inside its Node binary (release/sea.ts) and this
// module does what Node would have done, lazily: every TLS connection that
// brings no trust settings of its own gets Node's bundled roots plus the
// file's certificates. Corporate proxies' CAs thus still reach every AWS call,
// credential providers' calls (SSO, STS) included.

import { readFileSync } from 'node:fs';
import { isSea } from 'node:sea';
import tls = require('node:tls');

const EXTRA_CA_ENV = 'NODE_EXTRA_CA_CERTS';

/**
 * Options that make tls.connect build its own secure context; a connection
 * that sets any of them keeps its own trust decisions, as under Node.
 */
const CONTEXT_OPTIONS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'ciphers',
  'secureContext',
  'secureProtocol',
  'minVersion',
  'maxVersion',
  'ecdhCurve',
  'sigalgs',
  'crl',
  'dhparam',
  'honorCipherOrder',
  'secureOptions',
  'privateKeyEngine',
  'privateKeyIdentifier',
  'clientCertEngine',
  'sessionIdContext',
  'ticketKeys',
] as const;

type Connect = typeof tls.connect;

/**
 * Makes tls.connect trust the CAs in `file` besides Node's roots. Call it
 * only where Node did not read the variable itself (the release executable).
 * A file that cannot be read or parsed is reported once through `warn`, and
 * connections then use Node's roots, as Node does.
 */
function trustExtraCaCertsLazily(file: string, warn: (message: string) => void): void {
  let context: tls.SecureContext | null | undefined;
  const sharedContext = (): tls.SecureContext | null => {
    if (context !== undefined) return context;
    try {
      context = tls.createSecureContext({ ca: [...tls.rootCertificates, readFileSync(file, 'utf8')] });
    } catch (err) {
      warn(`ignoring extra CA certificates from ${EXTRA_CA_ENV}=${file}: ${err instanceof Error ? err.message : String(err)}`);
      context = null;
    }
    return context;
  };
  const original = tls.connect as (...args: unknown[]) => tls.TLSSocket;
  const connect = (...args: unknown[]): tls.TLSSocket => {
    const [first, ...rest] = args;
    // The form the https agents use: tls.connect(options[, callback]). Other forms pass through.
    if (typeof first === 'object' && first !== null && !CONTEXT_OPTIONS.some((o) => o in first)) {
      const secureContext = sharedContext();
      if (secureContext) return original({ ...first, secureContext }, ...rest);
    }
    return original(...args);
  };
  tls.connect = connect as Connect;
}

/** In the release executable (a single executable application), applies the variable if it is set. */
export function applyExtraCaCerts(env: NodeJS.ProcessEnv, warn: (message: string) => void): void {
  const file = env[EXTRA_CA_ENV];
  if (file && isSea()) trustExtraCaCertsLazily(file, warn);
}
