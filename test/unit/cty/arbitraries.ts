// fast-check generators for cty types and values, shared by the cty tests.

import fc from 'fast-check';
import type { CtyType, CtyValue, Refinements } from '../../../provider/src/framework/values';
import { Dynamic, Unknown, UNKNOWN } from '../../../provider/src/framework/values';
import { canonicalNumber } from '../../../provider/src/plugin/cty';
import { nth, required } from '../../support/lists';

const SURROGATES = 0x800;
/**
 * One code point, any but a lone surrogate: the alphabet of fast-check's
 * "binary" string unit, which builds an ~85 MB lookup table in every test
 * file's module registry; jest workers then end with ~500 MB of heap, take
 * longer than jest's 500 ms to tear it down and are force exited.
 */
const codePointArb: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0x10ffff - SURROGATES }).map((n) => String.fromCodePoint(n < 0xd800 ? n : n + SURROGATES));

/**
 * Attribute names and map keys: identifiers, unicode (astral too), integer-like
 * and empty strings. Left out: `__proto__` (see msgpack-errors.test.ts) and
 * `constructor`, which the codec handles but jest's toStrictEqual reads as the
 * object's class (tested separately).
 */
export const keyArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
    fc.string({ unit: codePointArb, maxLength: 6 }),
    fc.constantFrom('', '1', '10', '2', 'toString', 'hasOwnProperty', 'é', '😀'),
  )
  .filter((k) => k !== '__proto__' && k !== 'constructor');

/** Any cty type up to the given nesting depth. */
export function typeArb(depth: number): fc.Arbitrary<CtyType> {
  const primitive = fc.constantFrom<CtyType>('string', 'number', 'bool', 'dynamic');
  if (depth <= 0) return primitive;
  const inner = typeArb(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: primitive },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('list' as const, 'set' as const, 'map' as const), inner) },
    {
      weight: 1,
      arbitrary: fc.dictionary(keyArb, inner, { maxKeys: 4, noNullPrototype: true }).map((attrs): CtyType => ['object', attrs]),
    },
    { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }).map((ts): CtyType => ['tuple', ts]) },
  );
}

/** A type other than "dynamic" at the top, as a Dynamic value carries. */
export const concreteTypeArb: fc.Arbitrary<CtyType> = typeArb(2).filter((t) => t !== 'dynamic');

export interface ValueOptions {
  /** Generate unknown (and refined unknown) values. */
  unknowns: boolean;
  /** Generate ±Infinity (JSON cannot hold it). */
  infinity: boolean;
}

const numberArb = (infinity: boolean): fc.Arbitrary<number | bigint> =>
  fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: !infinity }),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
    fc.bigInt({ min: -(2n ** 63n) - 2n, max: 2n ** 64n + 2n }),
    fc.constantFrom(0, 1.5, 0.1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, -(2 ** 53), 2 ** 63, 1e20, 2 ** 64, 2n ** 64n + 1n, Number.MAX_VALUE),
  );

/** Refinements cty allows for the type, in the form the codec keeps them (so they round-trip unchanged). */
function refinementsArb(type: CtyType): fc.Arbitrary<Refinements> {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
  const bound = fc.record({ value: finite, inclusive: fc.boolean() }, { noNullPrototype: true });
  const notNull = { notNull: fc.constant(true) };
  if (type === 'string') {
    return fc.record({ ...notNull, stringPrefix: fc.string({ unit: codePointArb, minLength: 1, maxLength: 12 }) }, { requiredKeys: [], noNullPrototype: true });
  }
  if (type === 'number') {
    return fc.record({ ...notNull, numberLowerBound: bound, numberUpperBound: bound }, { requiredKeys: [], noNullPrototype: true });
  }
  if (Array.isArray(type) && type[0] !== 'object' && type[0] !== 'tuple') {
    return fc.record(
      { ...notNull, lengthLowerBound: fc.integer({ min: 1, max: 9 }), lengthUpperBound: fc.nat(100) },
      { requiredKeys: [], noNullPrototype: true },
    );
  }
  return fc.record(notNull, { requiredKeys: [], noNullPrototype: true });
}

function unknownArb(type: CtyType): fc.Arbitrary<Unknown> {
  if (type === 'dynamic') return fc.constant(UNKNOWN); // cty never refines dynamic unknowns
  return refinementsArb(type).map((r) => (Object.keys(r).length === 0 ? UNKNOWN : new Unknown(r)));
}

/** Any value of the type: nulls, unknowns (if asked), big numbers, unicode strings. */
export function valueArb(type: CtyType, opts: ValueOptions): fc.Arbitrary<CtyValue> {
  const known = knownArb(type, opts);
  const options: fc.WeightedArbitrary<CtyValue>[] = [
    { weight: 6, arbitrary: known },
    { weight: 1, arbitrary: fc.constant(null) },
  ];
  if (opts.unknowns) options.push({ weight: 1, arbitrary: unknownArb(type) });
  return fc.oneof(...options);
}

function knownArb(type: CtyType, opts: ValueOptions): fc.Arbitrary<CtyValue> {
  switch (type) {
    case 'string':
      return fc.string({ unit: codePointArb, maxLength: 20 });
    case 'number':
      return numberArb(opts.infinity);
    case 'bool':
      return fc.boolean();
    case 'dynamic':
      return concreteTypeArb.chain((t) => valueArb(t, opts).map((v) => new Dynamic(t, v)));
  }
  switch (type[0]) {
    case 'list':
    case 'set':
      return fc.array(valueArb(type[1], opts), { maxLength: 3 });
    case 'map':
      return fc.dictionary(keyArb, valueArb(type[1], opts), { maxKeys: 3, noNullPrototype: true });
    case 'tuple':
      return fc.tuple(...type[1].map((t) => valueArb(t, opts)));
    case 'object': {
      const attrs = type[1];
      const shape: { [name: string]: fc.Arbitrary<CtyValue> } = {};
      for (const [name, attrType] of Object.entries(attrs)) shape[name] = valueArb(attrType, opts);
      return fc.record(shape, { noNullPrototype: true });
    }
  }
}

/** A type together with a value of it. */
export function typedValueArb(depth: number, opts: ValueOptions): fc.Arbitrary<{ type: CtyType; value: CtyValue }> {
  return typeArb(depth).chain((type) => valueArb(type, opts).map((value) => ({ type, value })));
}

/** What a value looks like after a round trip: numbers in their canonical form (bigint only beyond 2^53). */
export function canonical(v: CtyValue, type: CtyType): CtyValue {
  if (v === null || v instanceof Unknown) return v;
  if (v instanceof Dynamic) return new Dynamic(v.type, canonical(v.value, v.type));
  if (typeof v === 'number' || typeof v === 'bigint') return canonicalNumber(v);
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    if (!Array.isArray(type)) return v;
    return v.map((e, i) => canonical(e, type[0] === 'tuple' ? nth(type[1] as readonly CtyType[], i, 'the tuple element types') : (type[1] as CtyType)));
  }
  const out: { [key: string]: CtyValue } = {};
  for (const [k, e] of Object.entries(v)) {
    const et =
      Array.isArray(type) && type[0] === 'object'
        ? required((type[1] as { [n: string]: CtyType })[k], `the type of attribute "${k}"`)
        : (type as readonly [string, CtyType])[1];
    out[k] = canonical(e, et);
  }
  return out;
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

/**
 * A number as comparable text (`5`, `5n`, `-0`). Jest workers cannot pass a
 * failed bigint assertion back to the parent, so tests compare this instead.
 */
export function num(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return `not a number: ${typeof v}`;
}
