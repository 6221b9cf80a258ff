// Starts generating the server certificate as early as possible. Importing
// this module (main.ts does so before the gRPC modules load) kicks off a
// worker thread when the environment asks for AutoMTLS; serve.ts then awaits
// the result. The X.509 library is the slowest import of the provider, and
// this keeps it off the path to the handshake line.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServerCertificate } from './certificate';

type WorkerReply = { ok: true; certPem: string; keyPem: string; der: Uint8Array } | { ok: false; message: string };

let pending: Promise<ServerCertificate> | undefined;

function generateInWorker(script: string): Promise<ServerCertificate> {
  return new Promise((resolve, reject) => {
    // stdout: true keeps the worker's stdout away from the handshake channel.
    const worker = new Worker(script, { stdout: true });
    worker.stdout.pipe(process.stderr);
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve({ certPem: reply.certPem, keyPem: reply.keyPem, der: Buffer.from(reply.der) });
      else reject(new Error(`cannot generate the TLS certificate: ${reply.message}`));
      void worker.terminate();
    });
    worker.once('error', (err) => reject(new Error(`cannot generate the TLS certificate: ${err.message}`)));
  });
}

/** The certificate for this run: from the worker when built, in-process when running from source. */
export function serverCertificate(): Promise<ServerCertificate> {
  if (!pending) {
    const script = path.join(__dirname, 'certificate-worker.js');
    pending = fs.existsSync(script)
      ? generateInWorker(script)
      : import('./certificate').then((m) => m.generateServerCertificate());
    // Failures surface where serve.ts awaits; never as an unhandled rejection.
    pending.catch(() => undefined);
  }
  return pending;
}

/** True when Terraform will expect TLS (mirrors tls.ts planTransport). */
function wantsTls(env: NodeJS.ProcessEnv): boolean {
  return !env.TF_DISABLE_PLUGIN_TLS && !!env.PLUGIN_CLIENT_CERT && env.TF_PLUGIN_MAGIC_COOKIE !== undefined;
}

if (wantsTls(process.env)) void serverCertificate();
