#!/usr/bin/env node
// Bundles the built provider (dist/provider/src/main.js, from tsc) into one
// file, dist/provider/terraform-provider-cognitoidentity.js, which the
// launchers run. One file means one read and one compile instead of resolving
// and loading ~150 modules at every start (~17% faster start, measured side by side).
// The AWS SDK stays external: the provider imports it lazily at ConfigureProvider,
// after the handshake, and it resolves from node_modules like any dependency.
// (esbuild's own postinstall is denied in package.json allowScripts: the binary
// comes from the optional dependency @esbuild/linux-x64, so it is not needed.)
'use strict';

const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'provider', 'src', 'main.js');
const OUTFILE = path.join(ROOT, 'dist', 'provider', 'terraform-provider-cognitoidentity.js');

async function main() {
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: OUTFILE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*'],
    // Whitespace and syntax only: names stay readable in logged stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  if (result.errors.length > 0) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`bundle: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
