// Schemas for the provider, its resources and data sources, independent of
// how they travel on the wire. The plugin layer turns these into tfplugin6
// Schema messages; the docs and cdktf bindings are checked against them.

import type { CtyType } from './values';

export interface AttributeSchema {
  type: CtyType;
  /** Markdown. */
  description: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}

export interface BlockSchema {
  attributes: { [name: string]: AttributeSchema };
  /** Markdown. */
  description?: string;
  deprecated?: boolean;
}

export interface Schema {
  /** Stored in state; bump it together with an upgrade in upgradeState. */
  version: number;
  block: BlockSchema;
}

/** The cty object type of a block, as Terraform sees it. */
export function objectTypeOf(block: BlockSchema): CtyType {
  const attrs: { [name: string]: CtyType } = {};
  for (const [name, a] of Object.entries(block.attributes)) attrs[name] = a.type;
  return ['object', attrs] as const;
}
