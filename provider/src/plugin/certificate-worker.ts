// Worker-thread entry: generates the AutoMTLS certificate off the main
// thread, so loading the X.509 library overlaps with loading gRPC.

import { parentPort } from 'node:worker_threads';
import { generateServerCertificate } from './certificate';

generateServerCertificate().then(
  (cert) => parentPort?.postMessage({ ok: true, certPem: cert.certPem, keyPem: cert.keyPem, der: cert.der }),
  (err: unknown) => parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
);
