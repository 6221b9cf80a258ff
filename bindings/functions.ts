// The provider-defined functions of `cognitoidentity` as cdktf expressions:
// each returns a token that synthesizes to `provider::cognitoidentity::NAME(...)`,
// evaluated by Terraform (1.8 or newer). Arguments may be tokens.
import { Token, call, type IResolvable } from './cdk';
import { PROVIDER_NAME } from './metadata';

/** The provider-defined functions of `cognitoidentity`, as expressions Terraform evaluates. */
export class CognitoidentityFunctions {
  /**
   * `provider::cognitoidentity::merged_identity_id`: the import id of a merge, with each part escaped
   * (`%` as `%25`, `,` as `%2C`). Use it for `import` blocks whose parts Terraform knows only at plan time;
   * for literal parts, `mergedIdentityImportId` gives the same text at synth time.
   */
  static mergedIdentityId(identityPoolId: string, developerProviderName: string, sourceUserIdentifier: string, destinationUserIdentifier: string): string {
    const name = `provider::${PROVIDER_NAME}::merged_identity_id`;
    return Token.asString(call(name, [identityPoolId, developerProviderName, sourceUserIdentifier, destinationUserIdentifier]));
  }

  /**
   * `provider::cognitoidentity::parse_merged_identity_id`: the four parts of an import id, as an object with
   * `identity_pool_id`, `developer_provider_name`, `source_user_identifier` and `destination_user_identifier`.
   */
  static parseMergedIdentityId(id: string): IResolvable {
    return call(`provider::${PROVIDER_NAME}::parse_merged_identity_id`, [id]);
  }
}
