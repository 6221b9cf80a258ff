/**
 * Input shapes (service model constraints) of the credential and principal-tag
 * operations, and the TypeScript view of each input once validated.
 */
import type { Members, Rule } from './validation';

const identityId: Rule = { kind: 'string', min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' };
const identityPoolId: Rule = identityId;
const logins: Rule = { kind: 'map', max: 10, key: { kind: 'string', min: 1, max: 128 }, value: { kind: 'string', min: 1, max: 50000, sensitive: true } };
const providerName: Rule = { kind: 'string', min: 1, max: 128 };

export const credentialShapes: { [operation: string]: Members } = {
  GetOpenIdToken: { IdentityId: { rule: identityId, required: true }, Logins: { rule: logins } },
  GetCredentialsForIdentity: {
    IdentityId: { rule: identityId, required: true },
    Logins: { rule: logins },
    CustomRoleArn: { rule: { kind: 'string', min: 20, max: 2048 } },
  },
  UnlinkIdentity: {
    IdentityId: { rule: identityId, required: true },
    Logins: { rule: logins, required: true },
    LoginsToRemove: { rule: { kind: 'list', member: providerName }, required: true },
  },
  GetPrincipalTagAttributeMap: {
    IdentityPoolId: { rule: identityPoolId, required: true },
    IdentityProviderName: { rule: providerName, required: true },
  },
  SetPrincipalTagAttributeMap: {
    IdentityPoolId: { rule: identityPoolId, required: true },
    IdentityProviderName: { rule: providerName, required: true },
    UseDefaults: { rule: { kind: 'boolean' } },
    PrincipalTags: { rule: { kind: 'map', max: 50, key: { kind: 'string', min: 1, max: 128 }, value: { kind: 'string', min: 1, max: 256 } } },
  },
};

type StringMap = { [key: string]: string };

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
