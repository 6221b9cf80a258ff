// The import id of `cognitoidentity_merged_identity`, as the provider parses it:
// four parts joined by `,`, with `%` written `%25` and `,` written `%2C` inside
// each part, so developer user identifiers may hold any character.

export interface MergedIdentityImportParts {
  identityPoolId: string;
  developerProviderName: string;
  sourceUserIdentifier: string;
  destinationUserIdentifier: string;
}

function escapePart(part: string): string {
  // `%` first, or the `%` of `%2C` would be escaped again.
  return part.replace(/%/g, '%25').replace(/,/g, '%2C');
}

/** Builds the id for `terraform import` / `import {}` / `MergedIdentity.generateConfigForImport`. */
export function mergedIdentityImportId(parts: MergedIdentityImportParts): string {
  return [parts.identityPoolId, parts.developerProviderName, parts.sourceUserIdentifier, parts.destinationUserIdentifier]
    .map(escapePart)
    .join(',');
}
