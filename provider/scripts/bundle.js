#!/usr/bin/env node
// Run by `npm run build` after tsc. Makes, in dist/provider/:
//   provider-bundle.js                     the provider (dist/provider/src/main.js) and its dependencies in one file;
//                                          one read and compile instead of resolving ~150 modules (~22% faster start)
//   provider-bundle.js.v8cache             V8's code cache from one real start of that bundle (~8% faster start)
//   terraform-provider-cognitoidentity.js  the entry point the launchers run (src/start-bundle.ts)
//   provider-sea.js                        the provider with every dependency inlined, AWS SDK included: the
//                                          main script of the single executables (sea-bundle.js says how)
// Start-up gains were measured side by side with `node dist/bench/launch.js`.
// The AWS SDK stays external: the provider imports it lazily at ConfigureProvider,
// after the handshake, and it resolves from node_modules like any dependency.
// (esbuild's own postinstall is denied in package.json allowScripts: the binary
// comes from the optional dependency @esbuild/linux-x64, so it is not needed.)
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const esbuild = require('esbuild');
const { bundleOptions } = require('./esbuild-options');
const { writeSeaBundle } = require('./sea-bundle');

const DIST = path.join(__dirname, '..', '..', 'dist', 'provider');
const BUILT_PLUGIN = path.join(DIST, 'src', 'plugin');
const WARM_UP_TIMEOUT_MS = 60_000;

function bundle(entry, outfile, external) {
  return esbuild.build({ ...bundleOptions(entry), outfile, external });
}

/**
 * Starts the bundle once as Terraform would (AutoMTLS on, so the certificate
 * code is compiled too) and, when it is serving, stops it; the
 * warm-up script then writes the code cache as the process exits.
 */
async function writeCodeCache(bundlePath) {
  const { generateServerCertificate } = require(path.join(BUILT_PLUGIN, 'certificate.js'));
  const { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } = require(path.join(BUILT_PLUGIN, 'handshake.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-warm-up-'));
  const clientCert = (await generateServerCertificate()).certPem; // any valid certificate will do as the client's
  const env = {
    PATH: process.env.PATH,
    TMPDIR: tmp,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '6',
    PLUGIN_CLIENT_CERT: clientCert,
    // At debug the provider logs "serving" once the gRPC side is up (after the handshake line).
    TF_LOG_PROVIDER: 'debug',
  };
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(__dirname, 'code-cache-warm-up.js'), bundlePath], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the provider printed no handshake within ${WARM_UP_TIMEOUT_MS / 1000} s; stderr: ${stderr.slice(-2000)}`));
      }, WARM_UP_TIMEOUT_MS);
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('"@message":"serving"')) child.kill('SIGTERM'); // the start is done
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(guard);
        if (code === 0) resolve();
        else reject(new Error(`the warm-up run exited with ${code ?? signal}; stderr: ${stderr.slice(-2000)}`));
      });
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const bundlePath = path.join(DIST, 'provider-bundle.js');
  await bundle(path.join(DIST, 'src', 'main.js'), bundlePath, ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*']);
  await bundle(path.join(DIST, 'src', 'start-bundle.js'), path.join(DIST, 'terraform-provider-cognitoidentity.js'), []);
  await writeSeaBundle(path.join(DIST, 'provider-sea.js'));
  await writeCodeCache(bundlePath);
}

main().catch((err) => {
  process.stderr.write(`bundle: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
