import { schemaToProto, SchemaDefinitionError } from '../../../provider/src/plugin/schema-convert';
import type { Schema } from '../../../provider/src/framework/schema';
import { providerSchema, mergedIdentitySchema } from '../../../provider/src/cognito/schemas';
import { required, tupleOf } from '../../support/lists';
import { answer } from '../../support/plugin-wire';

/** The schema as Terraform receives it (every field present), sent as the provider schema. */
async function sent(schema: Schema) {
  const res = await answer('GetProviderSchema', { provider: schemaToProto('provider', schema) });
  return required(res.provider?.block ?? undefined, 'the schema block');
}

const sample: Schema = {
  version: 3,
  block: {
    description: 'A *thing*.',
    attributes: {
      zeta: { type: ['map', 'string'], optional: true, description: 'z' },
      alpha: { type: 'string', required: true, description: 'a', sensitive: true },
      obj: { type: ['object', { n: 'number', l: ['list', 'bool'] }], computed: true, description: 'o', deprecated: true },
    },
  },
};

describe('schema conversion', () => {
  test('every schema has a block; attributes sorted with compact cty type JSON', async () => {
    expect(schemaToProto('resource "x"', sample).version).toBe(3);
    const block = await sent(sample);
    expect(block.version).toBe(3);
    expect(block.description).toBe('A *thing*.');
    expect(block.description_kind).toBe('MARKDOWN');
    expect(block.attributes.map((a) => a.name)).toEqual(['alpha', 'obj', 'zeta']);
    const types = block.attributes.map((a) => JSON.parse(Buffer.from(a.type).toString('utf8')) as unknown);
    expect(types).toEqual(['string', ['object', { n: 'number', l: ['list', 'bool'] }], ['map', 'string']]);
    const [alpha, obj, zeta] = tupleOf(block.attributes, 3, 'the attributes');
    expect(Buffer.from(alpha.type).toString()).toBe('"string"');
    expect([alpha.required, alpha.optional, alpha.computed, alpha.sensitive]).toEqual([true, false, false, true]);
    expect([obj.computed, obj.deprecated]).toEqual([true, true]);
    expect([zeta.optional, zeta.required]).toEqual([true, false]);
  });

  test('an empty block is still a block', async () => {
    expect(schemaToProto('provider', { version: 0, block: { attributes: {} } }).block).toBeDefined();
    const block = await sent({ version: 0, block: { attributes: {} } });
    expect(block.attributes).toEqual([]);
    expect(block.description).toBe('');
  });

  test.each([
    [{ type: 'string', description: '' }, /must be required, optional or computed/],
    [{ type: 'string', description: '', required: true, computed: true }, /required excludes/],
  ] as const)('rejects invalid attribute flags %j', (attr, message) => {
    expect(() => schemaToProto('resource "r"', { version: 0, block: { attributes: { a: attr } } })).toThrow(message);
  });

  test('rejects names Terraform cannot use, naming the attribute', () => {
    expect(() =>
      schemaToProto('resource "r"', { version: 0, block: { attributes: { BadName: { type: 'string', optional: true, description: '' } } } }),
    ).toThrow(SchemaDefinitionError);
    expect(() =>
      schemaToProto('resource "r"', { version: 0, block: { attributes: { BadName: { type: 'string', optional: true, description: '' } } } }),
    ).toThrow(/resource "r": attribute "BadName"/);
  });

  test('the real provider schemas convert', async () => {
    expect((await sent(providerSchema)).attributes.length).toBeGreaterThan(0);
    expect((await sent(mergedIdentitySchema)).attributes.length).toBeGreaterThan(0);
  });
});
