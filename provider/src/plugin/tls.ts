// Transport security for the plugin socket. With AutoMTLS (Terraform's
// default) the client passes its certificate in PLUGIN_CLIENT_CERT; we serve
// TLS with our own fresh certificate and accept only that client. With
// TF_DISABLE_PLUGIN_TLS (or no client certificate) the socket is plaintext
// and the handshake's certificate field stays empty. (The gRPC credentials
// are made in grpc-server.ts: this runs before grpc-js is loaded.)

import { X509Certificate } from 'node:crypto';

export interface TransportPlan {
  tls: boolean;
  clientCertPem?: string;
}

export function planTransport(env: NodeJS.ProcessEnv): TransportPlan {
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (env.TF_DISABLE_PLUGIN_TLS || !clientCert || clientCert.trim() === '') return { tls: false };
  if (!clientCert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('PLUGIN_CLIENT_CERT is set but holds no PEM certificate');
  }
  try {
    // Parsed now so a broken certificate stops the start, instead of failing every TLS handshake later.
    new X509Certificate(clientCert);
  } catch (err) {
    throw new Error(`PLUGIN_CLIENT_CERT is not a valid PEM certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  return { tls: true, clientCertPem: clientCert };
}
