import { validateProviderConfig } from '../../../provider/src/cognito/provider-config';
import { validateDeveloperIdentityConfig, validateMergedIdentityConfig } from '../../../provider/src/cognito/validation';
import { UNKNOWN, type CtyValue, type ObjectValue } from '../../../provider/src/framework/values';
import { attributesOf, providerConfig, text } from './harness';

const POOL = 'us-east-1:0def4f54-71bd-42f5-b8d9-7e8811807670';

function merged(overrides: { [name: string]: CtyValue }): ObjectValue {
  return {
    id: null,
    identity_pool_id: POOL,
    developer_provider_name: 'login.example.app',
    source_user_identifier: 'alice',
    destination_user_identifier: 'bob',
    on_destroy: null,
    identity_id: null,
    developer_user_identifiers: null,
    ...overrides,
  };
}

describe('merged_identity validation', () => {
  it('accepts a valid configuration', () => {
    expect(validateMergedIdentityConfig(merged({ on_destroy: 'error' }))).toEqual([]);
  });

  it('skips unknown values', () => {
    const config = merged({
      identity_pool_id: UNKNOWN,
      developer_provider_name: UNKNOWN,
      source_user_identifier: UNKNOWN,
      destination_user_identifier: UNKNOWN,
      on_destroy: UNKNOWN,
    });
    expect(validateMergedIdentityConfig(config)).toEqual([]);
  });

  it.each<[string, { [name: string]: CtyValue }, string, RegExp]>([
    ['an empty pool id', { identity_pool_id: '' }, 'identity_pool_id', /1 to 55 characters.*"" \(0 characters\)/],
    ['a pool id over 55 characters', { identity_pool_id: `us-east-1:${'a'.repeat(50)}` }, 'identity_pool_id', /1 to 55 characters.*60 characters/],
    ['a user pool id', { identity_pool_id: 'us-east-1_AbCdEf' }, 'identity_pool_id', /pattern \[\\w-\]\+:\[0-9a-f-\]\+.*16 characters/],
    ['an upper-case GUID', { identity_pool_id: 'us-east-1:ABCDEF' }, 'identity_pool_id', /pattern/],
    ['an empty provider name', { developer_provider_name: '' }, 'developer_provider_name', /1 to 128 characters/],
    ['a provider name with a space', { developer_provider_name: 'login example' }, 'developer_provider_name', /pattern \[\\w\._-\]\+/],
    ['a provider name of 129 characters', { developer_provider_name: 'p'.repeat(129) }, 'developer_provider_name', /1 to 128.*129 characters/],
    ['an empty source', { source_user_identifier: '' }, 'source_user_identifier', /1 to 1024 characters/],
    ['a destination of 1025 characters', { destination_user_identifier: 'd'.repeat(1025) }, 'destination_user_identifier', /a value of 1025 characters/],
    [
      'source equal to destination',
      { source_user_identifier: 'same', destination_user_identifier: 'same' },
      'source_user_identifier',
      /two different developer users/,
    ],
    ['an unknown on_destroy mode', { on_destroy: 'delete' }, 'on_destroy', /"warn" or "error".*"delete"/],
  ])('rejects %s, naming the attribute and the rule', (_what, overrides, attribute, detail) => {
    const diags = validateMergedIdentityConfig(merged(overrides));
    expect(diags).toHaveLength(1);
    expect(diags[0]?.severity).toBe('error');
    expect(attributesOf(diags)).toEqual([attribute]);
    expect(text(diags)).toMatch(detail);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateMergedIdentityConfig(merged({ source_user_identifier: '😀'.repeat(1024) }))).toEqual([]);
    expect(text(validateMergedIdentityConfig(merged({ source_user_identifier: '😀'.repeat(1025) })))).toMatch(/1025 characters/);
  });

  it('never quotes a huge value in full', () => {
    const huge = 'x'.repeat(5000);
    const message = text(validateMergedIdentityConfig(merged({ source_user_identifier: huge })));
    expect(message).toMatch(/5000 characters/);
    expect(message).not.toContain('x'.repeat(100));
  });
});

describe('developer_identity validation', () => {
  const ds = (overrides: { [name: string]: CtyValue }): ObjectValue => ({
    id: null,
    identity_pool_id: POOL,
    developer_user_identifier: null,
    identity_id: null,
    developer_user_identifiers: null,
    ...overrides,
  });

  it('accepts exactly one lookup key', () => {
    expect(validateDeveloperIdentityConfig(ds({ developer_user_identifier: 'alice' }))).toEqual([]);
    expect(validateDeveloperIdentityConfig(ds({ identity_id: 'us-east-1:11a86fa8-fc2c-46da-a38b-e46762e447ed' }))).toEqual([]);
    expect(validateDeveloperIdentityConfig(ds({ identity_id: UNKNOWN }))).toEqual([]);
  });

  it('defers the check while a key is unknown (it may still turn out null)', () => {
    expect(validateDeveloperIdentityConfig(ds({ developer_user_identifier: UNKNOWN, identity_id: 'us-east-1:11a86fa8' }))).toEqual([]);
    expect(validateDeveloperIdentityConfig(ds({ developer_user_identifier: 'alice', identity_id: UNKNOWN }))).toEqual([]);
  });

  it.each([
    ['neither', ds({}), /neither is set/],
    ['both', ds({ developer_user_identifier: 'alice', identity_id: 'us-east-1:11a86fa8' }), /both are set/],
  ])('rejects %s, naming both attributes', (_what, config, detail) => {
    const diags = validateDeveloperIdentityConfig(config);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.detail).toMatch(detail);
    expect(diags[0]?.detail).toContain('`developer_user_identifier`');
    expect(diags[0]?.detail).toContain('`identity_id`');
  });

  it('checks the identity id pattern', () => {
    const diags = validateDeveloperIdentityConfig(ds({ identity_id: 'not an id' }));
    expect(attributesOf(diags)).toEqual(['identity_id']);
  });
});

describe('provider configuration validation', () => {
  it('accepts an empty block and a full one', () => {
    expect(validateProviderConfig(providerConfig())).toEqual([]);
    expect(
      validateProviderConfig(
        providerConfig({
          region: 'eu-west-1',
          access_key: 'AKIDEXAMPLE',
          secret_key: 'secret',
          token: 'session',
          endpoint: 'http://127.0.0.1:9229',
          max_retries: 10,
          retry_mode: 'adaptive',
        }),
      ),
    ).toEqual([]);
  });

  it.each<[string, { [name: string]: CtyValue }, string]>([
    ['access_key without secret_key', { access_key: 'AKIDEXAMPLE' }, 'secret_key'],
    ['secret_key without access_key', { secret_key: 'shhh-very-secret' }, 'access_key'],
    ['token without keys', { token: 'session-token-value' }, 'token'],
    ['zero max_retries', { max_retries: 0 }, 'max_retries'],
    ['fractional max_retries', { max_retries: 2.5 }, 'max_retries'],
    ['an unknown retry_mode', { retry_mode: 'legacy' }, 'retry_mode'],
    ['a relative endpoint', { endpoint: 'localhost:4566' }, 'endpoint'],
    ['an empty region', { region: '' }, 'region'],
  ])('rejects %s', (_what, overrides, attribute) => {
    const diags = validateProviderConfig(providerConfig(overrides));
    expect(attributesOf(diags)).toEqual([attribute]);
    // Credentials are named, never shown.
    for (const secret of ['shhh-very-secret', 'session-token-value', 'AKIDEXAMPLE']) expect(text(diags)).not.toContain(secret);
  });

  it('skips unknown values', () => {
    expect(validateProviderConfig(providerConfig({ access_key: UNKNOWN, secret_key: null }))).toEqual([]);
    expect(validateProviderConfig(providerConfig({ max_retries: UNKNOWN, retry_mode: UNKNOWN, endpoint: UNKNOWN }))).toEqual([]);
  });
});
