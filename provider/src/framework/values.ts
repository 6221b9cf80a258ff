// Values and types as Terraform's type system (cty) sees them, in plain
// TypeScript. Both sides of the provider speak this: the plugin layer decodes
// wire bytes into it, and the resource logic reads and writes it.

/** A cty type, in the same shape as cty's JSON type encoding. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['tuple', readonly CtyType[]];

/** What Terraform already knows about a value it cannot know yet. */
export interface Refinements {
  /** true: the value is known not to be null. */
  notNull?: boolean;
  stringPrefix?: string;
  numberLowerBound?: { value: number; inclusive: boolean };
  numberUpperBound?: { value: number; inclusive: boolean };
  lengthLowerBound?: number;
  lengthUpperBound?: number;
}

/** A value that is not known until apply. */
export class Unknown {
  constructor(readonly refinements: Refinements = {}) {}
}

/** The plain unknown, with no refinements. */
export const UNKNOWN = new Unknown();

/** A value of a `dynamic` attribute carries its concrete type with it. */
export class Dynamic {
  constructor(
    readonly type: CtyType,
    readonly value: CtyValue,
  ) {}
}

/**
 * A cty value. Lists, sets and tuples are arrays; maps and objects are plain
 * objects. Numbers beyond 2^53 decode as bigint so they are not rounded.
 */
export type CtyValue = null | Unknown | Dynamic | string | number | bigint | boolean | CtyValue[] | { [key: string]: CtyValue };

/** An object value: every attribute of the schema is present (null when unset). */
export type ObjectValue = { [attribute: string]: CtyValue };

export function isUnknown(v: CtyValue | undefined): v is Unknown {
  return v instanceof Unknown;
}

/** True when the value and everything inside it is known. */
export function isWhollyKnown(v: CtyValue): boolean {
  if (v instanceof Unknown) return false;
  if (v instanceof Dynamic) return isWhollyKnown(v.value);
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (v !== null && typeof v === 'object') return Object.values(v).every(isWhollyKnown);
  return true;
}

/** The attribute `name` of `obj` when it is a known string; undefined when null, unknown or not a string. */
export function knownString(obj: ObjectValue, name: string): string | undefined {
  const v = obj[name];
  return typeof v === 'string' ? v : undefined;
}
