/** Identity pool CRUD, roles and tags. */
import { invalidParameter, notFound, poolNotFound, ServiceError } from '../errors';
import { paginate } from '../pagination';
import type {
  IdentityPoolBody,
  ListIdentityPoolsInput,
  ListTagsForResourceInput,
  PoolIdInput,
  SetIdentityPoolRolesInput,
  TagResourceInput,
  UntagResourceInput,
  UpdateIdentityPoolInput,
} from '../inputs';
import type { PoolRecord, Store } from '../store';
import { defineOperation, type Operation, type Output } from './operation';
import { checkRoleMappings } from './role-mappings';

/** Identity pools per account and Region (fact sheet, quotas). */
const MAX_POOLS = 1000;
/** Tags per resource, the limit of AWS tagging (emulator/README.md, choices). */
const MAX_TAGS = 50;

function checkTagCount(tags: { [key: string]: string }): void {
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) throw invalidParameter(`An identity pool can have at most ${MAX_TAGS} tags; this request would leave it with ${count}.`);
}

export function requirePool(store: Store, poolId: string): PoolRecord {
  const pool = store.pools.get(poolId);
  if (!pool) throw poolNotFound(poolId);
  return pool;
}

/** Fields of the IdentityPool shape; replace semantics: what the body leaves out is unset. */
function poolFields(body: IdentityPoolBody): Omit<PoolRecord, 'IdentityPoolId' | 'tags' | 'roles' | 'roleMappings'> {
  return {
    IdentityPoolName: body.IdentityPoolName,
    AllowUnauthenticatedIdentities: body.AllowUnauthenticatedIdentities,
    AllowClassicFlow: body.AllowClassicFlow,
    SupportedLoginProviders: body.SupportedLoginProviders,
    DeveloperProviderName: body.DeveloperProviderName,
    OpenIdConnectProviderARNs: body.OpenIdConnectProviderARNs,
    CognitoIdentityProviders: body.CognitoIdentityProviders,
    SamlProviderARNs: body.SamlProviderARNs,
  };
}

function describe(pool: PoolRecord): Output {
  const { tags, roles: _roles, roleMappings: _mappings, ...fields } = pool;
  const out: Output = { IdentityPoolTags: tags };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

function poolOfArn(store: Store, arn: string): PoolRecord {
  const match = /^arn:aws[\w-]*:cognito-identity:([^:]*):(\d*):identitypool\/(.+)$/.exec(arn);
  if (!match) throw invalidParameter(`ResourceArn '${arn}' is not an identity pool ARN (arn:aws:cognito-identity:REGION:ACCOUNT:identitypool/POOL_ID).`);
  const [, region, , poolId] = match;
  const pool = poolId === undefined ? undefined : store.pools.get(poolId);
  if (!pool || region !== store.region) throw notFound(`Resource '${arn}' not found.`);
  return pool;
}

export const poolOperations: Operation[] = [
  defineOperation<IdentityPoolBody>('CreateIdentityPool', 'sigv4', true, (input, { store }) => {
    if (store.pools.size >= MAX_POOLS) {
      throw new ServiceError('LimitExceededException', `The limit of ${MAX_POOLS} identity pools per account has been reached.`);
    }
    checkTagCount(input.IdentityPoolTags ?? {});
    const pool: PoolRecord = {
      IdentityPoolId: store.newId(),
      ...poolFields(input),
      tags: { ...(input.IdentityPoolTags ?? {}) },
      roles: {},
      roleMappings: {},
    };
    store.pools.set(pool.IdentityPoolId, pool);
    return describe(pool);
  }),

  defineOperation<PoolIdInput>('DescribeIdentityPool', 'sigv4', false, (input, { store }) => describe(requirePool(store, input.IdentityPoolId))),

  defineOperation<UpdateIdentityPoolInput>('UpdateIdentityPool', 'sigv4', true, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    checkTagCount(input.IdentityPoolTags ?? {});
    const fields = poolFields(input);
    // The developer provider cannot change once set; leaving it out keeps it.
    if (pool.DeveloperProviderName !== undefined) {
      if (fields.DeveloperProviderName !== undefined && fields.DeveloperProviderName !== pool.DeveloperProviderName) {
        throw invalidParameter(`DeveloperProviderName cannot be changed once set (it is '${pool.DeveloperProviderName}').`);
      }
      fields.DeveloperProviderName = pool.DeveloperProviderName;
    }
    Object.assign(pool, fields);
    if (input.IdentityPoolTags !== undefined) pool.tags = { ...input.IdentityPoolTags };
    return describe(pool);
  }),

  defineOperation<PoolIdInput>('DeleteIdentityPool', 'sigv4', true, (input, { store }) => {
    requirePool(store, input.IdentityPoolId);
    store.deletePool(input.IdentityPoolId);
    return {};
  }),

  defineOperation<ListIdentityPoolsInput>('ListIdentityPools', 'sigv4', false, (input, { store }) => {
    const page = paginate(store.listPools(), 'pools', input.MaxResults, input.NextToken);
    const out: Output = {
      IdentityPools: page.items.map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName })),
    };
    if (page.nextToken) out.NextToken = page.nextToken;
    return out;
  }),

  defineOperation<PoolIdInput>('GetIdentityPoolRoles', 'sigv4', false, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    const out: Output = { IdentityPoolId: pool.IdentityPoolId, Roles: pool.roles };
    if (Object.keys(pool.roleMappings).length > 0) out.RoleMappings = pool.roleMappings;
    return out;
  }),

  defineOperation<SetIdentityPoolRolesInput>('SetIdentityPoolRoles', 'sigv4', true, (input, { store }) => {
    const pool = requirePool(store, input.IdentityPoolId);
    checkRoleMappings(pool, input.RoleMappings ?? {});
    pool.roles = { ...input.Roles };
    pool.roleMappings = { ...(input.RoleMappings ?? {}) };
    return {};
  }),

  defineOperation<TagResourceInput>('TagResource', 'sigv4', true, (input, { store }) => {
    const pool = poolOfArn(store, input.ResourceArn);
    const tags = { ...pool.tags, ...input.Tags };
    checkTagCount(tags);
    pool.tags = tags;
    return {};
  }),

  defineOperation<UntagResourceInput>('UntagResource', 'sigv4', true, (input, { store }) => {
    const pool = poolOfArn(store, input.ResourceArn);
    for (const key of input.TagKeys) delete pool.tags[key];
    return {};
  }),

  defineOperation<ListTagsForResourceInput>('ListTagsForResource', 'sigv4', false, (input, { store }) => ({
    Tags: poolOfArn(store, input.ResourceArn).tags,
  })),
];
