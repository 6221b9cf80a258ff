// An HTTPS front for the emulator, with a test CA's certificate: the provider
// then reaches Cognito over TLS that only that CA vouches for, as it reaches
// AWS through a corporate proxy that re-signs traffic.

import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './registry';

/** A relayed request must not hang the test. */
const RELAY_TIMEOUT_MS = 30_000;

export interface HttpsFront {
  /** https://localhost:PORT */
  endpoint: string;
  /** How many requests came through. */
  relayed(): number;
  close(): Promise<void>;
}

export async function startHttpsFront(target: string, certs: TestCertificates): Promise<HttpsFront> {
  let relayed = 0;
  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    relayed++;
    // Headers (Host included) go through unchanged, so the SigV4 signature still matches.
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers, timeout: RELAY_TIMEOUT_MS }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('emulator did not answer')));
    upstream.on('error', (err) => res.writeHead(502).end(err.message));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `https://localhost:${(server.address() as AddressInfo).port}`,
    relayed: () => relayed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
