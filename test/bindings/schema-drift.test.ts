// Fails when the hand-written cdktf bindings and the provider's schemas drift
// apart: every schema attribute must have its getter (and setter, `xxxInput`,
// `resetXxx` where the attribute is settable), the synthesized JSON must hold
// exactly the schema's configurable attribute names, and every getter must
// reference the attribute of the same name.
import { TerraformOutput, type TerraformMetaArguments } from 'cdktf';
import type { Construct } from 'constructs';
import {
  CognitoidentityProvider,
  DataCognitoidentityDeveloperIdentity,
  DataCognitoidentityMergedIdentities,
  MergedIdentity,
  PROVIDER_NAME,
  type CognitoidentityProviderConfig,
  type DataCognitoidentityDeveloperIdentityConfig,
  type DataCognitoidentityMergedIdentitiesConfig,
  type MergedIdentityConfig,
} from '../../bindings';
import {
  DEVELOPER_IDENTITY,
  MERGED_IDENTITIES,
  MERGED_IDENTITY,
  PROVIDER_TYPE,
  developerIdentitySchema,
  mergedIdentitiesSchema,
  mergedIdentitySchema,
  providerSchema,
} from '../../provider/src/cognito/schemas';
import type { Schema } from '../../provider/src/framework/schema';
import {
  attributeKeys,
  attrs,
  blockOf,
  camel,
  expectAccessorsMatch,
  expectKeyTables,
  fullConfig,
  pascal,
  providerBlockOf,
  sampleValue,
  settable,
  settableNames,
  synth,
} from '../support/binding-schema';

// --- Compile-time half: `npm run build` type-checks these tables against the
// config interfaces (a missing or extra key fails), and the runtime tests
// below compare the same tables with the schemas.
type ConfigKeys<T> = Exclude<keyof T, keyof TerraformMetaArguments>;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type KeyTable<K extends PropertyKey> = { readonly [P in K]: true };

const providerConfigKeys: KeyTable<Exclude<keyof CognitoidentityProviderConfig, 'alias'>> = {
  region: true,
  profile: true,
  accessKey: true,
  secretKey: true,
  token: true,
  endpoint: true,
  maxRetries: true,
  retryMode: true,
  countDeveloperIdsAsLinkedLogins: true,
  connectTimeoutSeconds: true,
  requestTimeoutSeconds: true,
};
const providerRequiredKeys: KeyTable<RequiredKeys<CognitoidentityProviderConfig>> = {};
const mergedConfigKeys: KeyTable<ConfigKeys<MergedIdentityConfig>> = {
  identityPoolId: true,
  developerProviderName: true,
  sourceUserIdentifier: true,
  destinationUserIdentifier: true,
  onDestroy: true,
  allowMovingUnnamedLogins: true,
};
const mergedRequiredKeys: KeyTable<RequiredKeys<MergedIdentityConfig>> = {
  identityPoolId: true,
  developerProviderName: true,
  sourceUserIdentifier: true,
  destinationUserIdentifier: true,
};
const dataConfigKeys: KeyTable<ConfigKeys<DataCognitoidentityDeveloperIdentityConfig>> = {
  identityPoolId: true,
  developerUserIdentifier: true,
  identityId: true,
};
const dataRequiredKeys: KeyTable<RequiredKeys<DataCognitoidentityDeveloperIdentityConfig>> = { identityPoolId: true };
const mergesConfigKeys: KeyTable<ConfigKeys<DataCognitoidentityMergedIdentitiesConfig>> = {
  identityPoolId: true,
  developerProviderName: true,
  minDeveloperUsers: true,
};
const mergesRequiredKeys: KeyTable<RequiredKeys<DataCognitoidentityMergedIdentitiesConfig>> = { identityPoolId: true, developerProviderName: true };

// --- Tests

describe('type names', () => {
  test('match the schema constants', () => {
    expect(PROVIDER_NAME).toBe(PROVIDER_TYPE);
    expect(MergedIdentity.tfResourceType).toBe(MERGED_IDENTITY);
    expect(DataCognitoidentityDeveloperIdentity.tfResourceType).toBe(DEVELOPER_IDENTITY);
    expect(DataCognitoidentityMergedIdentities.tfResourceType).toBe(MERGED_IDENTITIES);
  });
});

describe('provider binding vs providerSchema', () => {
  test('config interface keys and required keys equal the schema', () => {
    expectKeyTables(providerSchema, providerConfigKeys, providerRequiredKeys);
  });

  test('getters, setters, xxxInput and resetXxx exist for exactly the schema attributes (plus alias)', () => {
    expectAccessorsMatch(CognitoidentityProvider.prototype, providerSchema, ['alias']);
  });

  test('synthesized provider block holds exactly the schema attributes, with their values', () => {
    const config = fullConfig(providerSchema);
    const out = synth((s) => new CognitoidentityProvider(s, 'p', config as CognitoidentityProviderConfig));
    const block = providerBlockOf(out, PROVIDER_TYPE);
    expect(attributeKeys(block)).toEqual(settableNames(providerSchema));
    for (const [name, a] of attrs(providerSchema)) expect(block[name]).toEqual(sampleValue(name, a.type));
  });

  test('setters and resets change the synthesized block', () => {
    const out = synth((s) => {
      const p = new CognitoidentityProvider(s, 'p', fullConfig(providerSchema) as CognitoidentityProviderConfig);
      const target = p as unknown as Record<string, unknown>;
      for (const [name, a] of attrs(providerSchema)) {
        target[camel(name)] = sampleValue(name, a.type, 'set');
        expect(target[`${camel(name)}Input`]).toEqual(sampleValue(name, a.type, 'set'));
      }
      (target[`reset${pascal('region')}`] as () => void).call(p);
    });
    const block = providerBlockOf(out, PROVIDER_TYPE);
    for (const [name, a] of attrs(providerSchema)) {
      if (name === 'region') expect(block).not.toHaveProperty('region');
      else expect(block[name]).toEqual(sampleValue(name, a.type, 'set'));
    }
  });

  test('required_providers carries the source address', () => {
    const out = synth((s) => new CognitoidentityProvider(s, 'p'));
    expect(out.terraform?.required_providers?.[PROVIDER_TYPE]).toEqual({
      source: 'terraform.local/cognito/cognitoidentity',
      version: '0.1.0',
    });
  });
});

interface ElementCase {
  label: string;
  schema: Schema;
  typeName: string;
  section: 'resource' | 'data';
  proto: object;
  allKeys: object;
  requiredKeys: object;
  create(scope: Construct, id: string, config: Record<string, unknown>): Record<string, unknown>;
}

const elementCases: ElementCase[] = [
  {
    label: 'MergedIdentity vs mergedIdentitySchema',
    schema: mergedIdentitySchema,
    typeName: MERGED_IDENTITY,
    section: 'resource',
    proto: MergedIdentity.prototype,
    allKeys: mergedConfigKeys,
    requiredKeys: mergedRequiredKeys,
    create: (scope, id, config) => new MergedIdentity(scope, id, config as unknown as MergedIdentityConfig) as unknown as Record<string, unknown>,
  },
  {
    label: 'DataCognitoidentityDeveloperIdentity vs developerIdentitySchema',
    schema: developerIdentitySchema,
    typeName: DEVELOPER_IDENTITY,
    section: 'data',
    proto: DataCognitoidentityDeveloperIdentity.prototype,
    allKeys: dataConfigKeys,
    requiredKeys: dataRequiredKeys,
    create: (scope, id, config) =>
      new DataCognitoidentityDeveloperIdentity(scope, id, config as unknown as DataCognitoidentityDeveloperIdentityConfig) as unknown as Record<
        string,
        unknown
      >,
  },
  {
    label: 'DataCognitoidentityMergedIdentities vs mergedIdentitiesSchema',
    schema: mergedIdentitiesSchema,
    typeName: MERGED_IDENTITIES,
    section: 'data',
    proto: DataCognitoidentityMergedIdentities.prototype,
    allKeys: mergesConfigKeys,
    requiredKeys: mergesRequiredKeys,
    create: (scope, id, config) =>
      new DataCognitoidentityMergedIdentities(scope, id, config as unknown as DataCognitoidentityMergedIdentitiesConfig) as unknown as Record<string, unknown>,
  },
];

describe.each(elementCases)('$label', (c) => {
  test('config interface keys and required keys equal the schema', () => {
    expectKeyTables(c.schema, c.allKeys, c.requiredKeys);
  });

  test('getters, setters, xxxInput and resetXxx exist for exactly the schema attributes', () => {
    expectAccessorsMatch(c.proto, c.schema);
  });

  test('synthesized keys are exactly the configurable attributes, with their values', () => {
    const out = synth((s) => c.create(s, 'x', fullConfig(c.schema)));
    const block = blockOf(out, c.section, c.typeName, 'x');
    expect(attributeKeys(block)).toEqual(settableNames(c.schema));
    for (const [name, a] of attrs(c.schema)) if (settable(a)) expect(block[name]).toEqual(sampleValue(name, a.type));
  });

  test('setters change the synthesized value and xxxInput returns it; resets remove optional ones', () => {
    const out = synth((s) => {
      const el = c.create(s, 'x', fullConfig(c.schema));
      for (const [name, a] of attrs(c.schema)) {
        if (!settable(a)) continue;
        el[camel(name)] = sampleValue(name, a.type, 'set');
        expect(el[`${camel(name)}Input`]).toEqual(sampleValue(name, a.type, 'set'));
      }
      const y = c.create(s, 'y', fullConfig(c.schema));
      for (const [name, a] of attrs(c.schema)) if (a.optional) (y[`reset${pascal(name)}`] as () => void).call(y);
    });
    const x = blockOf(out, c.section, c.typeName, 'x');
    for (const [name, a] of attrs(c.schema)) if (settable(a)) expect(x[name]).toEqual(sampleValue(name, a.type, 'set'));
    const y = blockOf(out, c.section, c.typeName, 'y');
    expect(attributeKeys(y)).toEqual(
      attrs(c.schema)
        .filter(([, a]) => a.required)
        .map(([n]) => n)
        .sort(),
    );
  });

  test('every attribute getter references the attribute of the same name, string lists as lists', () => {
    const prefix = c.section === 'data' ? `data.${c.typeName}` : c.typeName;
    const out = synth((s) => {
      const el = c.create(s, 'x', fullConfig(c.schema));
      for (const [name, a] of attrs(c.schema)) {
        const value = el[camel(name)];
        // A list of objects is a token, as for the generated bindings' complex lists.
        const isList = Array.isArray(a.type) && a.type[0] === 'list' && a.type[1] === 'string';
        expect(Array.isArray(value)).toBe(isList);
        new TerraformOutput(s, `o_${name}`, { value });
      }
    });
    for (const [name] of attrs(c.schema)) {
      expect(out.output?.[`o_${name}`]).toEqual({ value: `\${${prefix}.x.${name}}` });
    }
  });
});
