// Synth-level checks of the bindings with cdktf's own Testing helpers and
// matchers, plus a snapshot of a whole stack's JSON.
import { TerraformStack, Testing } from 'cdktf';
import { CognitoidentityProvider, DataCognitoidentityDeveloperIdentity, IdentityMerge, MergedIdentity, mergedIdentityImportId } from '../../bindings';
// Brings the type declarations of cdktf's jest matchers (toHaveResource…).
import 'cdktf/lib/testing/adapters/jest';

Testing.setupJest();

const POOL = 'us-east-1:8a2b3c4d-1111-2222-3333-444455556666';

/** JSON with object keys sorted at every level, so snapshots do not depend on insertion order. */
function stableJson(text: string): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sortKeys(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(JSON.parse(text)), null, 2);
}

describe('resources and data sources', () => {
  const synthesized = Testing.synthScope((scope) => {
    const provider = new CognitoidentityProvider(scope, 'cognito', { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', maxRetries: 5 });
    const merged = new MergedIdentity(scope, 'merged', {
      identityPoolId: POOL,
      developerProviderName: 'login.example.app',
      sourceUserIdentifier: 'user,with:comma',
      destinationUserIdentifier: 'user-primary',
      onDestroy: 'error',
      provider,
    });
    new DataCognitoidentityDeveloperIdentity(scope, 'lookup', {
      identityPoolId: POOL,
      identityId: merged.identityId,
      dependsOn: [merged],
    });
  });

  test('provider block', () => {
    expect(synthesized).toHaveProviderWithProperties(CognitoidentityProvider, {
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      max_retries: 5,
    });
  });

  test('merged identity with every argument', () => {
    expect(synthesized).toHaveResourceWithProperties(MergedIdentity, {
      identity_pool_id: POOL,
      developer_provider_name: 'login.example.app',
      source_user_identifier: 'user,with:comma',
      destination_user_identifier: 'user-primary',
      on_destroy: 'error',
      provider: 'cognitoidentity',
    });
  });

  test('data source looks up the merged identity and waits for it', () => {
    expect(synthesized).toHaveDataSourceWithProperties(DataCognitoidentityDeveloperIdentity, {
      identity_pool_id: POOL,
      identity_id: '${cognitoidentity_merged_identity.merged.identity_id}',
      depends_on: ['cognitoidentity_merged_identity.merged'],
    });
  });

  test('matchers can fail: a wrong value is not found', () => {
    expect(synthesized).not.toHaveResourceWithProperties(MergedIdentity, { on_destroy: 'warn' });
  });

  test('unset optional arguments are left out, not written as null', () => {
    const out = JSON.parse(
      Testing.synthScope((scope) => {
        new MergedIdentity(scope, 'm', {
          identityPoolId: POOL,
          developerProviderName: 'p',
          sourceUserIdentifier: 's',
          destinationUserIdentifier: 'd',
        });
      }),
    ) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(out.resource.cognitoidentity_merged_identity?.m).not.toHaveProperty('on_destroy');
  });
});

describe('import', () => {
  test('generateConfigForImport writes an import block with the given id', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'imports');
    const provider = new CognitoidentityProvider(stack, 'cognito');
    const id = mergedIdentityImportId({
      identityPoolId: POOL,
      developerProviderName: 'login.example.app',
      sourceUserIdentifier: 'a,b',
      destinationUserIdentifier: 'c:d',
    });
    MergedIdentity.generateConfigForImport(stack, 'adopted', id, provider);
    const out = JSON.parse(Testing.synth(stack)) as { import: { to: string; id: string; provider?: string }[] };
    expect(out.import).toEqual([{ to: 'cognitoidentity_merged_identity.adopted', id: `${POOL},login.example.app,a%2Cb,c:d`, provider: 'cognitoidentity' }]);
  });

  test('import ids escape % before , so every identifier round-trips', () => {
    expect(
      mergedIdentityImportId({
        identityPoolId: POOL,
        developerProviderName: 'dev',
        sourceUserIdentifier: '50%,off',
        destinationUserIdentifier: '%2C',
      }),
    ).toBe(`${POOL},dev,50%25%2Coff,%252C`);
  });
});

describe('HCL output', () => {
  test('synthesizes HCL with every configured attribute', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'hcl');
    new CognitoidentityProvider(stack, 'cognito', { region: 'eu-west-1', maxRetries: 3 });
    new MergedIdentity(stack, 'm', {
      identityPoolId: POOL,
      developerProviderName: 'dev',
      sourceUserIdentifier: 'a',
      destinationUserIdentifier: 'b',
    });
    const hcl = Testing.synthHcl(stack) as string;
    expect(hcl).toContain('provider "cognitoidentity"');
    expect(hcl).toMatch(/max_retries\s*=\s*3/);
    expect(hcl).toContain('resource "cognitoidentity_merged_identity" "m"');
    expect(hcl).toMatch(/source_user_identifier\s*=\s*"a"/);
    expect(hcl).toMatch(/source\s*=\s*"terraform.local\/cognito\/cognitoidentity"/);
  });
});

describe('snapshot', () => {
  test('a stack with the provider, an IdentityMerge and a lookup', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CognitoidentityProvider(scope, 'cognito', { region: 'us-east-1' });
      const merge = new IdentityMerge(scope, 'family', {
        identityPoolId: POOL,
        developerProviderName: 'login.example.app',
        destinationUserIdentifier: 'parent',
        sourceUserIdentifiers: ['child-1', 'child 2', 'child,3'],
        onDestroy: 'warn',
      });
      new DataCognitoidentityDeveloperIdentity(scope, 'parent', {
        identityPoolId: POOL,
        developerUserIdentifier: 'parent',
        dependsOn: [merge.lastMerge],
      });
    });
    expect(stableJson(synthesized)).toMatchSnapshot();
  });
});
