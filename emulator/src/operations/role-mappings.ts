/**
 * SetIdentityPoolRoles' RoleMappings beyond the model's shape: each key must
 * be a provider the pool is configured with, and each Type needs its settings.
 * See emulator/README.md (choices) for the evidence behind each message.
 */
import { invalidParameter } from '../errors';
import type { RoleMapping } from '../inputs';
import type { PoolRecord } from '../store';

/**
 * The role-mapping keys a pool accepts: its SupportedLoginProviders names,
 * `ProviderName:ClientId` of each user pool, the host of each OIDC provider
 * ARN, and each SAML provider ARN. Developer users carry no IdP token whose
 * claims a mapping could read, so the developer provider is not among them.
 */
function roleMappingKeys(pool: PoolRecord): Set<string> {
  const keys = new Set(Object.keys(pool.SupportedLoginProviders ?? {}));
  for (const p of pool.CognitoIdentityProviders ?? []) {
    if (p.ProviderName !== undefined && p.ClientId !== undefined) keys.add(`${p.ProviderName}:${p.ClientId}`);
  }
  for (const arn of pool.OpenIdConnectProviderARNs ?? []) keys.add(arn.replace(/^.*:oidc-provider\//, ''));
  for (const arn of pool.SamlProviderARNs ?? []) keys.add(arn);
  return keys;
}

function checkMapping(key: string, mapping: RoleMapping): void {
  if (mapping.AmbiguousRoleResolution === undefined) {
    throw invalidParameter(`AmbiguousRoleResolution must be specified for the ${mapping.Type} role mapping of ${key}.`);
  }
  if (mapping.Type === 'Rules' && mapping.RulesConfiguration === undefined) {
    throw invalidParameter(`RulesConfiguration must be specified for the Rules role mapping of ${key}.`);
  }
}

export function checkRoleMappings(pool: PoolRecord, mappings: { [key: string]: RoleMapping }): void {
  const keys = roleMappingKeys(pool);
  for (const [key, mapping] of Object.entries(mappings)) {
    if (!keys.has(key)) throw invalidParameter(`${key} is not a valid RoleMapping ProviderName or is not a configured provider.`);
    checkMapping(key, mapping);
  }
}
