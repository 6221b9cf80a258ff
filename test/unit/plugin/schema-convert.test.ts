import { schemaToProto, SchemaDefinitionError } from '../../../provider/src/plugin/schema-convert';
import type { Schema } from '../../../provider/src/framework/schema';
import { providerSchema, mergedIdentitySchema } from '../../../provider/src/cognito/schemas';
import { tupleOf } from '../../support/lists';

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
  test('every schema has a block; attributes sorted with compact cty type JSON', () => {
    const msg = schemaToProto('resource "x"', sample);
    expect(msg.version).toBe(3);
    expect(msg.block.description).toBe('A *thing*.');
    expect(msg.block.description_kind).toBe('MARKDOWN');
    expect(msg.block.attributes.map((a) => a.name)).toEqual(['alpha', 'obj', 'zeta']);
    const types = msg.block.attributes.map((a) => JSON.parse(Buffer.from(a.type).toString('utf8')) as unknown);
    expect(types).toEqual(['string', ['object', { n: 'number', l: ['list', 'bool'] }], ['map', 'string']]);
    const [alpha, obj, zeta] = tupleOf(msg.block.attributes, 3, 'the attributes');
    expect(Buffer.from(alpha.type).toString()).toBe('"string"');
    expect([alpha.required, alpha.optional, alpha.computed, alpha.sensitive]).toEqual([true, false, false, true]);
    expect([obj.computed, obj.deprecated]).toEqual([true, true]);
    expect([zeta.optional, zeta.required]).toEqual([true, false]);
  });

  test('an empty block is still a block', () => {
    const msg = schemaToProto('provider', { version: 0, block: { attributes: {} } });
    expect(msg.block).toBeDefined();
    expect(msg.block.attributes).toEqual([]);
    expect(msg.block.description).toBe('');
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

  test('the real provider schemas convert', () => {
    expect(schemaToProto('provider', providerSchema).block.attributes.length).toBeGreaterThan(0);
    expect(schemaToProto('resource', mergedIdentitySchema).block.attributes.length).toBeGreaterThan(0);
  });
});
