// The TypeScript a cdktf user pastes to adopt an existing merge: a
// MergedIdentity with camelCase props and `.importFrom(id)`, which writes the
// import block. (What `generateConfigForImport` and `cdktf plan` print instead
// imports from ./.gen and uses snake_case keys, so it does not compile here.)
// `npx terraform-provider-cognitoidentity cdktf-import-code ID` prints it.
// No cdktf import: the CLI runs this without the CDK library installed.

import { parseResourceId, RESOURCE_ID_FORMAT } from '../provider/src/public-api';

/** Where the app imports the bindings from: cdktf's entry point or CDK Terrain's. */
export type BindingsEntryPoint = 'terraform-provider-cognitoidentity' | 'terraform-provider-cognitoidentity/cdktn';

/** How `mergedIdentityImportCode` writes the snippet. */
export interface ImportCodeOptions {
  /** The construct id; default `adopted-` and the source user, sanitized. */
  readonly constructId?: string;
  /** Default the cdktf entry point. */
  readonly entryPoint?: BindingsEntryPoint;
}

/** An import id that does not parse; the message says which part and why. */
export class ImportIdError extends Error {
  /** Always `ImportIdError`. */
  override readonly name = 'ImportIdError';
}

const literal = (value: string): string => JSON.stringify(value);

/** The import statement and a `new MergedIdentity(this, ...).importFrom(...)` statement for `importId`. */
export function mergedIdentityImportCode(importId: string, options: ImportCodeOptions = {}): string {
  const parsed = parseResourceId(importId);
  if (!parsed.ok) throw new ImportIdError(`Not a merged identity import id (${RESOURCE_ID_FORMAT}): ${parsed.problem}.`);
  const key = parsed.key;
  const constructId = options.constructId ?? `adopted-${key.sourceUserIdentifier.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}`;
  return [
    `import { MergedIdentity } from ${literal(options.entryPoint ?? 'terraform-provider-cognitoidentity')};`,
    '',
    `// Adopts the existing merge of ${literal(key.sourceUserIdentifier)} into ${literal(key.destinationUserIdentifier)}; importing makes no Merge call.`,
    `new MergedIdentity(this, ${literal(constructId)}, {`,
    `  identityPoolId: ${literal(key.identityPoolId)},`,
    `  developerProviderName: ${literal(key.developerProviderName)},`,
    `  sourceUserIdentifier: ${literal(key.sourceUserIdentifier)},`,
    `  destinationUserIdentifier: ${literal(key.destinationUserIdentifier)},`,
    `}).importFrom(${literal(importId)});`,
    '',
  ].join('\n');
}
