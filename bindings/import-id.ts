// The import id of `cognitoidentity_merged_identity`: four parts joined by `,`,
// with `%` written `%25` and `,` written `%2C` inside each part, so developer
// user identifiers may hold any character. Built by the provider's own code,
// so the bindings and the provider cannot disagree on the format.

import { formatResourceId, type MergeKey } from '../provider/src/public-api';

/** The four parts of a merge's import id. */
export type MergedIdentityImportParts = MergeKey;

/** Builds the id for `terraform import` / `import {}` / `MergedIdentity.generateConfigForImport`. */
export function mergedIdentityImportId(parts: MergedIdentityImportParts): string {
  return formatResourceId(parts);
}
