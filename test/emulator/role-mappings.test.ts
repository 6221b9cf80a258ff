/**
 * SetIdentityPoolRoles' RoleMappings against the model (Type and MatchType
 * enums, 1..400 rules, MappingRule fields) and the service's own rules (a
 * configured provider as key, AmbiguousRoleResolution, RulesConfiguration),
 * through the SDK and the AWS CLI; and the 50-tag cap of a pool.
 */
import {
  CreateIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  SetIdentityPoolRolesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UpdateIdentityPoolCommand,
  type RoleMapping,
} from '@aws-sdk/client-cognito-identity';
import { AwsCli, findAwsCli } from '../support/aws-cli';
import { createPool, DEV_PROVIDER, useEmulator } from './helpers';

const ctx = useEmulator();
const client = () => ctx.client();

const ROLE = 'arn:aws:iam::123456789012:role/authenticated';
const USER_POOL = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi';
const USER_POOL_KEY = `${USER_POOL}:app_client_1`;

async function poolWithProviders(): Promise<string> {
  return createPool(client(), {
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: 'app_client_1' }],
    OpenIdConnectProviderARNs: ['arn:aws:iam::123456789012:oidc-provider/login.example.com'],
  });
}

const rule = (over: Record<string, unknown> = {}) => ({ Claim: 'isAdmin', MatchType: 'Equals', Value: 'yes', RoleARN: ROLE, ...over });

function setRoles(poolId: string, mappings: Record<string, unknown>) {
  return client().send(
    new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: ROLE }, RoleMappings: mappings as Record<string, RoleMapping> }),
  );
}

test('mappings for each kind of configured provider are stored and read back', async () => {
  const poolId = await poolWithProviders();
  const mappings = {
    [USER_POOL_KEY]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
    'graph.facebook.com': { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule()] } },
    'login.example.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
  };
  await setRoles(poolId, mappings);
  const out = await client().send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
  expect(out.RoleMappings).toEqual(mappings);
});

const path = `roleMappings.${USER_POOL_KEY}`;
test.each([
  [
    'a Type outside the enum',
    { Type: 'Magic', AmbiguousRoleResolution: 'Deny' },
    `Value 'Magic' at '${path}.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]`,
  ],
  [
    'an AmbiguousRoleResolution outside the enum',
    { Type: 'Token', AmbiguousRoleResolution: 'Allow' },
    'Member must satisfy enum value set: [AuthenticatedRole, Deny]',
  ],
  [
    'no rules',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [] } },
    `at '${path}.rulesConfiguration.rules' failed to satisfy constraint: Member must have length greater than or equal to 1`,
  ],
  [
    '401 rules',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: Array.from({ length: 401 }, () => rule()) } },
    'Member must have length less than or equal to 400',
  ],
  [
    'a MatchType outside the enum',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule({ MatchType: 'Like' })] } },
    'Member must satisfy enum value set: [Equals, Contains, StartsWith, NotEqual]',
  ],
  [
    'a rule without a Claim',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule({ Claim: undefined })] } },
    `Value null at '${path}.rulesConfiguration.rules.1.member.claim' failed to satisfy constraint: Member must not be null`,
  ],
  [
    'a Claim with a space',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule({ Claim: 'is admin' })] } },
    'Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  ],
  [
    'a short RoleARN',
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule({ RoleARN: 'arn:short' })] } },
    'Member must have length greater than or equal to 20',
  ],
])('%s is a ValidationException', async (_what, mapping, text) => {
  const poolId = await poolWithProviders();
  await expect(setRoles(poolId, { [USER_POOL_KEY]: mapping })).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining(text) });
});

test('a Unicode claim name fits the model pattern', async () => {
  const poolId = await poolWithProviders();
  await setRoles(poolId, {
    [USER_POOL_KEY]: { Type: 'Rules', AmbiguousRoleResolution: 'Deny', RulesConfiguration: { Rules: [rule({ Claim: 'rôle:équipe' })] } },
  });
});

test.each([
  [
    'a provider the pool does not have',
    'accounts.google.com',
    { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
    'accounts.google.com is not a valid RoleMapping ProviderName or is not a configured provider.',
  ],
  [
    'a user pool without its client id',
    USER_POOL,
    { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
    `${USER_POOL} is not a valid RoleMapping ProviderName or is not a configured provider.`,
  ],
  [
    'the developer provider',
    DEV_PROVIDER,
    { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
    `${DEV_PROVIDER} is not a valid RoleMapping ProviderName or is not a configured provider.`,
  ],
  [
    'Token without AmbiguousRoleResolution',
    USER_POOL_KEY,
    { Type: 'Token' },
    `AmbiguousRoleResolution must be specified for the Token role mapping of ${USER_POOL_KEY}.`,
  ],
  [
    'Rules without RulesConfiguration',
    USER_POOL_KEY,
    { Type: 'Rules', AmbiguousRoleResolution: 'Deny' },
    `RulesConfiguration must be specified for the Rules role mapping of ${USER_POOL_KEY}.`,
  ],
])('%s is an InvalidParameterException and changes nothing', async (_what, key, mapping, message) => {
  const poolId = await poolWithProviders();
  await expect(setRoles(poolId, { [key]: mapping })).rejects.toMatchObject({ name: 'InvalidParameterException', message, $metadata: { httpStatusCode: 400 } });
  const out = await client().send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
  expect(out.RoleMappings).toBeUndefined();
});

test('the AWS CLI gets the same answers', async () => {
  const poolId = await poolWithProviders();
  const cli = new AwsCli(findAwsCli(), ctx.emulator().endpoint, 'us-east-1');
  const set = (mappings: unknown) =>
    cli.run([
      'cognito-identity',
      'set-identity-pool-roles',
      '--identity-pool-id',
      poolId,
      '--roles',
      `authenticated=${ROLE}`,
      '--role-mappings',
      JSON.stringify(mappings),
    ]);
  const wrongType = await set({ [USER_POOL_KEY]: { Type: 'Magic', AmbiguousRoleResolution: 'Deny' } });
  expect(wrongType.code).not.toBe(0);
  expect(wrongType.stderr).toContain('(ValidationException)');
  expect(wrongType.stderr).toContain('Member must satisfy enum value set: [Token, Rules]');
  const unknown = await set({ 'accounts.google.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } });
  expect(unknown.stderr).toContain('(InvalidParameterException)');
  expect(unknown.stderr).toContain('accounts.google.com is not a valid RoleMapping ProviderName or is not a configured provider.');
  const ok = await set({ [USER_POOL_KEY]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } });
  expect(ok.code).toBe(0);
});

const tags = (n: number, prefix = 't'): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));

test('a pool holds at most 50 tags: at create, at update and through TagResource', async () => {
  const create = (n: number) =>
    client().send(new CreateIdentityPoolCommand({ IdentityPoolName: 'tagged', AllowUnauthenticatedIdentities: false, IdentityPoolTags: tags(n) }));
  await expect(create(51)).rejects.toMatchObject({
    name: 'InvalidParameterException',
    message: 'An identity pool can have at most 50 tags; this request would leave it with 51.',
  });
  const created = await create(50);
  const poolId = created.IdentityPoolId ?? '';
  const arn = `arn:aws:cognito-identity:us-east-1:000000000000:identitypool/${poolId}`;
  await expect(client().send(new TagResourceCommand({ ResourceArn: arn, Tags: { extra: 'v' } }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  // Overwriting existing keys does not add tags.
  await client().send(new TagResourceCommand({ ResourceArn: arn, Tags: { t0: 'new' } }));
  const update = (n: number) =>
    client().send(
      new UpdateIdentityPoolCommand({ IdentityPoolId: poolId, IdentityPoolName: 'tagged', AllowUnauthenticatedIdentities: false, IdentityPoolTags: tags(n) }),
    );
  await expect(update(51)).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await update(10);
  expect(Object.keys((await client().send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? {})).toHaveLength(10);
});
