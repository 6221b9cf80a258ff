import { mergedIdentityResource as resource } from '../../../provider/src/cognito/merged-identity';

describe('merged_identity upgradeState', () => {
  it('returns version 0 JSON attributes as an object, filling missing ones with null', () => {
    const result = resource.upgradeState(0, {
      id: 'p:1,prov,a,b',
      identity_pool_id: 'p:1',
      developer_provider_name: 'prov',
      source_user_identifier: 'a',
      destination_user_identifier: 'b',
      developer_user_identifiers: ['b', 'a'],
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.state).toEqual({
      id: 'p:1,prov,a,b',
      identity_pool_id: 'p:1',
      developer_provider_name: 'prov',
      source_user_identifier: 'a',
      destination_user_identifier: 'b',
      on_destroy: null,
      allow_moving_unnamed_logins: null,
      identity_id: null,
      developer_user_identifiers: ['b', 'a'],
      moving_users: null,
      moving_public_logins: null,
    });
  });

  it('refuses state from a newer schema version', () => {
    const result = resource.upgradeState(1, {});
    expect(result.state).toBeNull();
    expect(result.diagnostics[0]?.detail).toMatch(/schema version 1.*Upgrade the provider/);
  });
});
