#!/usr/bin/env node
// The npx entry point of the package:
//   terraform-provider-cognitoidentity install [--mirror DIR]  installs the release executable for Terraform/OpenTofu
//   terraform-provider-cognitoidentity cdktf-import-code ID    prints the cdktf code that adopts an existing merge
//   started by Terraform (magic cookie set)                    serves the provider
// Paths are relative to this file, so it works from the published package too.
'use strict';

const path = require('node:path');

const distRoot = path.join(__dirname, '..', '..', 'dist');
const dist = path.join(distRoot, 'provider');
// Terraform's go-plugin cookie, as in provider/src/plugin/handshake.ts: this file runs
// without a build (its help, for one), so it keeps a copy, which test/unit/provider-address.test.ts
// checks against that one.
const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

const HELP = `terraform-provider-cognitoidentity: a Terraform/OpenTofu provider for Amazon Cognito Identity developer-identity merges.

Usage:
  npx terraform-provider-cognitoidentity install [--mirror DIR] [--source HOST/NAMESPACE/cognitoidentity]
      Builds this platform's self-contained provider executable (the same bytes as the
      release zip), places the zip in a filesystem mirror (default ~/.terraform.d/plugins)
      and prints the provider_installation and required_providers settings to use.

  npx terraform-provider-cognitoidentity cdktf-import-code IMPORT_ID [--id CONSTRUCT_ID] [--cdktn]
      Prints the TypeScript that adopts an existing merge in a cdktf (or, with --cdktn, CDK Terrain)
      stack: a MergedIdentity with .importFrom(IMPORT_ID). Paste it into the stack's constructor.

Terraform or OpenTofu start the provider themselves; it is not meant to be run directly.
`;

const args = process.argv.slice(2);
if (args[0] === 'install') {
  const { runInstallCommand } = require(path.join(dist, 'src', 'release', 'install-release.js'));
  runInstallCommand(
    args.slice(1),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).then((code) => (process.exitCode = code));
} else if (args[0] === 'cdktf-import-code') {
  process.exitCode = printImportCode(args.slice(1));
} else if (args.length === 0 && process.env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE) {
  // The bundled provider (provider/scripts/bundle.js), as the installed launcher runs it.
  require(path.join(dist, 'terraform-provider-cognitoidentity.js'));
} else {
  process.stderr.write(HELP);
  process.exitCode = 1;
}

/** `cdktf-import-code ID [--id CONSTRUCT_ID] [--cdktn]`; a bad id or flag is one line on stderr and exit 2. */
function printImportCode(rest) {
  const { parseArgs } = require('node:util');
  const { mergedIdentityImportCode } = require(path.join(distRoot, 'bindings', 'import-code.js'));
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { id: { type: 'string' }, cdktn: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Error('give exactly one import id (quote it for the shell)');
    const entryPoint = values.cdktn ? 'terraform-provider-cognitoidentity/cdktn' : undefined;
    process.stdout.write(mergedIdentityImportCode(positionals[0], { constructId: values.id, entryPoint }));
    return 0;
  } catch (err) {
    process.stderr.write(`cdktf-import-code: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
