#!/usr/bin/env node
// The npx entry point of the package:
//   terraform-provider-cognitoidentity install [--mirror DIR]  installs the release executable for Terraform/OpenTofu
//   started by Terraform (magic cookie set)                    serves the provider
// Paths are relative to this file, so it works from the published package too.
'use strict';

const path = require('node:path');

const dist = path.join(__dirname, '..', '..', 'dist', 'provider');
const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

const HELP = `terraform-provider-cognitoidentity: a Terraform/OpenTofu provider for Amazon Cognito Identity developer-identity merges.

Usage:
  npx terraform-provider-cognitoidentity install [--mirror DIR] [--source HOST/NAMESPACE/cognitoidentity]
      Builds this platform's self-contained provider executable (the same bytes as the
      release zip), places the zip in a filesystem mirror (default ~/.terraform.d/plugins)
      and prints the provider_installation and required_providers settings to use.

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
} else if (args.length === 0 && process.env.TF_PLUGIN_MAGIC_COOKIE === MAGIC_COOKIE) {
  // The bundled provider (provider/scripts/bundle.js), as the installed launcher runs it.
  require(path.join(dist, 'terraform-provider-cognitoidentity.js'));
} else {
  process.stderr.write(HELP);
  process.exitCode = 1;
}
