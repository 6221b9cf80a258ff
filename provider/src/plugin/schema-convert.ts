// Framework schemas → tfplugin6 Schema messages. Every Schema carries a block
// (core dereferences it without a nil check) and every attribute type is the
// compact cty type JSON (core panics on anything it cannot parse).

import type { BlockSchema, Schema } from '../framework/schema';
import { typeToJson } from './cty';
import type { MessageInit, SchemaAttributeMsg, SchemaBlockMsg, SchemaMsg } from './proto-types';

/** Names Terraform accepts for attributes and types. */
const NAME = /^[a-z0-9_]+$/;

export class SchemaDefinitionError extends Error {}

function checkAttribute(owner: string, name: string, a: BlockSchema['attributes'][string]): void {
  const where = `${owner}: attribute "${name}"`;
  if (!NAME.test(name)) throw new SchemaDefinitionError(`${where}: names must match ${NAME}`);
  if (!a.required && !a.optional && !a.computed) {
    throw new SchemaDefinitionError(`${where}: must be required, optional or computed`);
  }
  if (a.required && (a.optional || a.computed)) {
    throw new SchemaDefinitionError(`${where}: required excludes optional and computed`);
  }
}

function blockToProto(owner: string, block: BlockSchema, version: number): MessageInit<SchemaBlockMsg> {
  const attributes: MessageInit<SchemaAttributeMsg>[] = Object.entries(block.attributes)
    // Sorted so the wire form does not depend on object key order.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, a]) => {
      checkAttribute(owner, name, a);
      return {
        name,
        type: Buffer.from(typeToJson(a.type), 'utf8'),
        description: a.description,
        description_kind: 'MARKDOWN',
        required: a.required ?? false,
        optional: a.optional ?? false,
        computed: a.computed ?? false,
        sensitive: a.sensitive ?? false,
        deprecated: a.deprecated ?? false,
      };
    });
  return {
    version,
    attributes,
    block_types: [],
    description: block.description ?? '',
    description_kind: 'MARKDOWN',
    deprecated: block.deprecated ?? false,
  };
}

/** `owner` names the schema in error messages, e.g. `resource "x_y"`. */
export function schemaToProto(owner: string, schema: Schema): MessageInit<SchemaMsg> {
  return { version: schema.version, block: blockToProto(owner, schema.block, schema.version) };
}
