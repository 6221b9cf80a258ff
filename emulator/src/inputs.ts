/**
 * The TypeScript view of each operation's input once validated against its
 * shape in shapes.ts.
 */

export type StringMap = { [key: string]: string };

export interface CognitoIdentityProvider {
  ProviderName?: string;
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface IdentityPoolBody {
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: StringMap;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  CognitoIdentityProviders?: CognitoIdentityProvider[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: StringMap;
}

export interface PoolIdInput {
  IdentityPoolId: string;
}

export type UpdateIdentityPoolInput = IdentityPoolBody & PoolIdInput;

export interface ListIdentityPoolsInput {
  MaxResults: number;
  NextToken?: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: { Claim: string; MatchType: string; Value: string; RoleARN: string }[] };
}

export interface SetIdentityPoolRolesInput extends PoolIdInput {
  Roles: StringMap;
  RoleMappings?: { [provider: string]: RoleMapping };
}

export interface GetIdInput extends PoolIdInput {
  AccountId?: string;
  Logins?: StringMap;
}

export interface GetOpenIdTokenForDeveloperIdentityInput extends PoolIdInput {
  IdentityId?: string;
  Logins: StringMap;
  PrincipalTags?: StringMap;
  TokenDuration?: number;
}

export interface LookupDeveloperIdentityInput extends PoolIdInput {
  IdentityId?: string;
  DeveloperUserIdentifier?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface MergeDeveloperIdentitiesInput extends PoolIdInput {
  SourceUserIdentifier: string;
  DestinationUserIdentifier: string;
  DeveloperProviderName: string;
}

export interface UnlinkDeveloperIdentityInput extends PoolIdInput {
  IdentityId: string;
  DeveloperProviderName: string;
  DeveloperUserIdentifier: string;
}

export interface DescribeIdentityInput {
  IdentityId: string;
}

export interface ListIdentitiesInput extends PoolIdInput {
  MaxResults: number;
  NextToken?: string;
  HideDisabled?: boolean;
}

export interface DeleteIdentitiesInput {
  IdentityIdsToDelete: string[];
}

export interface TagResourceInput {
  ResourceArn: string;
  Tags: StringMap;
}

export interface UntagResourceInput {
  ResourceArn: string;
  TagKeys: string[];
}

export interface ListTagsForResourceInput {
  ResourceArn: string;
}

export interface GetOpenIdTokenInput {
  IdentityId: string;
  Logins?: StringMap;
}

export interface GetCredentialsForIdentityInput extends GetOpenIdTokenInput {
  CustomRoleArn?: string;
}

export interface UnlinkIdentityInput {
  IdentityId: string;
  Logins: StringMap;
  LoginsToRemove: string[];
}

export interface PrincipalTagMapInput {
  IdentityPoolId: string;
  IdentityProviderName: string;
  UseDefaults?: boolean;
  PrincipalTags?: StringMap;
}
