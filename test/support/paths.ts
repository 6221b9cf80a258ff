// Where things are in the repository, for tests that run built code.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The built provider entry point that the launcher runs: the bundle `npm run build` makes. */
export const PROVIDER_MAIN = path.join(REPO_ROOT, 'dist', 'provider', 'terraform-provider-cognitoidentity.js');

/** Fails with a message naming the fix when the provider has not been built. */
export function requireBuiltProvider(): string {
  if (!fs.existsSync(PROVIDER_MAIN)) {
    throw new Error(`${PROVIDER_MAIN} does not exist: build first with \`npm run build\` (npm test does this).`);
  }
  return PROVIDER_MAIN;
}
