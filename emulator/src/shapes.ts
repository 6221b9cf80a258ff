/**
 * Input shapes of the operations, with the constraints of the service model
 * (cognito-identity 2014-06-30). The TypeScript view of each input once
 * validated is in inputs.ts.
 */
import type { Members, Rule } from './validation';

const ID_PATTERN = '[\\w-]+:[0-9a-f-]+';

const rules = {
  identityPoolId: { kind: 'string', min: 1, max: 55, pattern: ID_PATTERN },
  identityId: { kind: 'string', min: 1, max: 55, pattern: ID_PATTERN },
  developerProviderName: { kind: 'string', min: 1, max: 128, pattern: '[\\w._-]+' },
  developerUserIdentifier: { kind: 'string', min: 1, max: 1024 },
  identityPoolName: { kind: 'string', min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' },
  queryLimit: { kind: 'integer', min: 1, max: 60 },
  paginationKey: { kind: 'string', min: 1, max: 65535, pattern: '[\\S]+' },
  arn: { kind: 'string', min: 20, max: 2048 },
  accountId: { kind: 'string', min: 1, max: 15, pattern: '\\d+' },
  boolean: { kind: 'boolean' },
} satisfies { [name: string]: Rule };

const logins: Rule = {
  kind: 'map',
  max: 10,
  key: { kind: 'string', min: 1, max: 128 },
  value: { kind: 'string', min: 1, max: 50000, sensitive: true },
};

const loginProviderName: Rule = { kind: 'string', min: 1, max: 128 };

const principalTags: Rule = {
  kind: 'map',
  max: 50,
  key: { kind: 'string', min: 1, max: 128 },
  value: { kind: 'string', min: 1, max: 256 },
};

const poolTags: Rule = {
  kind: 'map',
  key: { kind: 'string', min: 1, max: 128 },
  value: { kind: 'string', min: 0, max: 256 },
};

/** The model's RoleMapping: Type, AmbiguousRoleResolution, RulesConfiguration of 1..400 MappingRules. */
const mappingRule: Rule = {
  kind: 'structure',
  members: {
    Claim: { rule: { kind: 'string', min: 1, max: 64, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' }, required: true },
    MatchType: { rule: { kind: 'string', enum: ['Equals', 'Contains', 'StartsWith', 'NotEqual'] }, required: true },
    Value: { rule: { kind: 'string', min: 1, max: 128 }, required: true },
    RoleARN: { rule: rules.arn, required: true },
  },
};

const roleMapping: Rule = {
  kind: 'structure',
  members: {
    Type: { rule: { kind: 'string', enum: ['Token', 'Rules'] }, required: true },
    AmbiguousRoleResolution: { rule: { kind: 'string', enum: ['AuthenticatedRole', 'Deny'] } },
    RulesConfiguration: {
      rule: { kind: 'structure', members: { Rules: { rule: { kind: 'list', min: 1, max: 400, member: mappingRule }, required: true } } },
    },
  },
};

const identityPoolBody: Members = {
  IdentityPoolName: { rule: rules.identityPoolName, required: true },
  AllowUnauthenticatedIdentities: { rule: rules.boolean, required: true },
  AllowClassicFlow: { rule: rules.boolean },
  SupportedLoginProviders: {
    rule: {
      kind: 'map',
      max: 10,
      key: { kind: 'string', min: 1, max: 128 },
      value: { kind: 'string', min: 1, max: 128, pattern: '[\\w.;_/-]+' },
    },
  },
  DeveloperProviderName: { rule: rules.developerProviderName },
  OpenIdConnectProviderARNs: { rule: { kind: 'list', member: rules.arn } },
  CognitoIdentityProviders: {
    rule: {
      kind: 'list',
      member: {
        kind: 'structure',
        members: {
          ProviderName: { rule: { kind: 'string', min: 1, max: 128, pattern: '[\\w._:/-]+' } },
          ClientId: { rule: { kind: 'string', min: 1, max: 128, pattern: '[\\w_]+' } },
          ServerSideTokenCheck: { rule: rules.boolean },
        },
      },
    },
  },
  SamlProviderARNs: { rule: { kind: 'list', member: rules.arn } },
  IdentityPoolTags: { rule: poolTags },
};

export const inputShapes: { [operation: string]: Members } = {
  CreateIdentityPool: identityPoolBody,
  UpdateIdentityPool: { IdentityPoolId: { rule: rules.identityPoolId, required: true }, ...identityPoolBody },
  DescribeIdentityPool: { IdentityPoolId: { rule: rules.identityPoolId, required: true } },
  DeleteIdentityPool: { IdentityPoolId: { rule: rules.identityPoolId, required: true } },
  ListIdentityPools: {
    MaxResults: { rule: rules.queryLimit, required: true },
    NextToken: { rule: rules.paginationKey },
  },
  GetIdentityPoolRoles: { IdentityPoolId: { rule: rules.identityPoolId, required: true } },
  SetIdentityPoolRoles: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    Roles: {
      rule: { kind: 'map', max: 2, key: { kind: 'string', pattern: '(un)?authenticated' }, value: rules.arn },
      required: true,
    },
    RoleMappings: {
      rule: { kind: 'map', max: 10, key: { kind: 'string', min: 1, max: 128 }, value: roleMapping },
    },
  },
  GetId: {
    AccountId: { rule: rules.accountId },
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    Logins: { rule: logins },
  },
  GetOpenIdTokenForDeveloperIdentity: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    IdentityId: { rule: rules.identityId },
    Logins: { rule: logins, required: true },
    PrincipalTags: { rule: principalTags },
    TokenDuration: { rule: { kind: 'integer', min: 1, max: 86400 } },
  },
  LookupDeveloperIdentity: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    IdentityId: { rule: rules.identityId },
    DeveloperUserIdentifier: { rule: rules.developerUserIdentifier },
    MaxResults: { rule: rules.queryLimit },
    NextToken: { rule: rules.paginationKey },
  },
  MergeDeveloperIdentities: {
    SourceUserIdentifier: { rule: rules.developerUserIdentifier, required: true },
    DestinationUserIdentifier: { rule: rules.developerUserIdentifier, required: true },
    DeveloperProviderName: { rule: rules.developerProviderName, required: true },
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
  },
  UnlinkDeveloperIdentity: {
    IdentityId: { rule: rules.identityId, required: true },
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    DeveloperProviderName: { rule: rules.developerProviderName, required: true },
    DeveloperUserIdentifier: { rule: rules.developerUserIdentifier, required: true },
  },
  DescribeIdentity: { IdentityId: { rule: rules.identityId, required: true } },
  ListIdentities: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    MaxResults: { rule: rules.queryLimit, required: true },
    NextToken: { rule: rules.paginationKey },
    HideDisabled: { rule: rules.boolean },
  },
  DeleteIdentities: {
    IdentityIdsToDelete: { rule: { kind: 'list', min: 1, max: 60, member: rules.identityId }, required: true },
  },
  TagResource: {
    ResourceArn: { rule: rules.arn, required: true },
    Tags: { rule: poolTags, required: true },
  },
  UntagResource: {
    ResourceArn: { rule: rules.arn, required: true },
    TagKeys: { rule: { kind: 'list', member: { kind: 'string', min: 1, max: 128 } }, required: true },
  },
  ListTagsForResource: { ResourceArn: { rule: rules.arn, required: true } },
  GetOpenIdToken: { IdentityId: { rule: rules.identityId, required: true }, Logins: { rule: logins } },
  GetCredentialsForIdentity: {
    IdentityId: { rule: rules.identityId, required: true },
    Logins: { rule: logins },
    CustomRoleArn: { rule: rules.arn },
  },
  UnlinkIdentity: {
    IdentityId: { rule: rules.identityId, required: true },
    Logins: { rule: logins, required: true },
    LoginsToRemove: { rule: { kind: 'list', member: loginProviderName }, required: true },
  },
  GetPrincipalTagAttributeMap: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    IdentityProviderName: { rule: loginProviderName, required: true },
  },
  SetPrincipalTagAttributeMap: {
    IdentityPoolId: { rule: rules.identityPoolId, required: true },
    IdentityProviderName: { rule: loginProviderName, required: true },
    UseDefaults: { rule: rules.boolean },
    PrincipalTags: { rule: principalTags },
  },
};
