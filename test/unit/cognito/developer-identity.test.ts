// The developer_identity data source, both ways round.

import { developerIdentityDataSource as dataSource } from '../../../provider/src/cognito/developer-identity';
import type { CognitoClients } from '../../../provider/src/cognito/clients';
import { isWhollyKnown, type CtyValue, type ObjectValue } from '../../../provider/src/framework/values';
import { attributesOf, configure, context, createPool, createUser, errors, startHarness, text, type Harness, type Pool } from './harness';

describe('developer_identity data source', () => {
  let h: Harness;
  let clients: CognitoClients;
  let pool: Pool;
  let identity: string;

  beforeAll(async () => {
    h = await startHarness();
    clients = await configure(h.emulator.endpoint);
    pool = await createPool(h.sdk, ['graph.facebook.com']);
    identity = await createUser(h.sdk, pool, 'main', { 'graph.facebook.com': 'fb' });
    // 70 more users on the same identity: more than one page of LookupDeveloperIdentity.
    for (let i = 0; i < 70; i++) await createUser(h.sdk, pool, `linked-${i}`, { 'graph.facebook.com': 'fb' });
  });
  afterAll(() => h.stop());

  const config = (overrides: { [name: string]: CtyValue }): ObjectValue => ({
    id: null,
    identity_pool_id: pool.poolId,
    developer_user_identifier: null,
    identity_id: null,
    developer_user_identifiers: null,
    ...overrides,
  });
  const expectedUsers = () => ['main', ...Array.from({ length: 70 }, (_, i) => `linked-${i}`)];

  it('finds the identity of a developer user, with every page of users', async () => {
    const result = await dataSource.read(clients, config({ developer_user_identifier: 'linked-5' }), context());
    expect(result.diagnostics).toEqual([]);
    expect(result.state).toEqual({
      id: identity,
      identity_pool_id: pool.poolId,
      developer_user_identifier: 'linked-5',
      identity_id: identity,
      developer_user_identifiers: expectedUsers(),
    });
    expect(isWhollyKnown(result.state!)).toBe(true);
  });

  it('finds the users of an identity id', async () => {
    const result = await dataSource.read(clients, config({ identity_id: identity }), context());
    expect(result.diagnostics).toEqual([]);
    expect(result.state).toMatchObject({ id: identity, developer_user_identifier: null, developer_user_identifiers: expectedUsers() });
  });

  it('reports an unknown user as an error on its attribute', async () => {
    const result = await dataSource.read(clients, config({ developer_user_identifier: 'nobody' }), context());
    expect(result.state).toBeNull();
    expect(attributesOf(errors(result.diagnostics))).toEqual(['developer_user_identifier']);
    expect(text(result.diagnostics)).toMatch(/not found.*"nobody"/);
  });

  it('reports an unknown identity id', async () => {
    const result = await dataSource.read(clients, config({ identity_id: 'us-east-1:00000000-0000-0000-0000-000000000000' }), context());
    expect(result.state).toBeNull();
    expect(attributesOf(errors(result.diagnostics))).toEqual(['identity_id']);
  });

  it('requires exactly one of the two lookup keys', async () => {
    const both = await dataSource.read(clients, config({ developer_user_identifier: 'main', identity_id: identity }), context());
    expect(both.state).toBeNull();
    expect(text(both.diagnostics)).toMatch(/exactly one of `developer_user_identifier` or `identity_id`; both are set/);
    const neither = dataSource.validate(config({}));
    expect(text(neither.diagnostics)).toMatch(/neither is set/);
  });
});
