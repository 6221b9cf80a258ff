// cty values as JSON: the form of UpgradeResourceState's raw_state.json and
// the DynamicValue.json fallback. Works on parsed JSON (what JSON.parse
// returns), so callers choose how to parse.
//
// Decoding is lenient the way state upgrades need: a missing object
// attribute becomes null, and an attribute the type does not know is dropped
// (state written by an older schema may still carry it).

import type { CtyType, CtyValue } from '../../framework/values';
import { Dynamic, Unknown } from '../../framework/values';
import { isCompoundType, type CompoundType } from './compound-type';
import { KnownWriter } from './encode-walk';
import { CtyCodecError, attrPath, describeJs, indexPath, keyPath, mismatch } from './errors';
import { MAX_VALUE_DEPTH } from './limits';
import { canonicalNumber, parseNumberString } from './numbers';
import { elementAt, hasOwn, isPlainObject, ownEntries, setOwn } from './objects';
import { typeFromJsonValue, typeToJsonValue } from './type-json';

/** Parsed JSON, as JSON.parse returns it (bigint allowed for callers that keep big numbers exact). */
type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

/** Reads a parsed JSON value as a value of the given type. Throws CtyCodecError naming the path. */
export function decodeJsonValue(json: unknown, type: CtyType): CtyValue {
  return fromJson(json, type, '', 0);
}

/**
 * Writes a value as parsed JSON, ready for JSON.stringify. Unknown values
 * cannot be written (JSON has no form for them). An integer that JSON
 * numbers would round becomes a decimal string, which cty reads back as a number.
 */
export function encodeJsonValue(value: CtyValue, type: CtyType): unknown {
  return toJson(value, type, '', 0);
}

function fromJson(j: unknown, type: CtyType, path: string, depth: number): CtyValue {
  if (depth > MAX_VALUE_DEPTH) throw new CtyCodecError(path, `value nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (j === null) return null;
  if (type === 'dynamic') return dynamicFromJson(j, path, depth);
  if (!isCompoundType(type)) return primitiveFromJson(j, type, path);
  return compoundFromJson(j, type, path, depth);
}

/** cty's JSON decoder converts between primitives the way cty conversion does. */
function primitiveFromJson(j: unknown, type: CtyType, path: string): CtyValue {
  switch (type) {
    case 'string':
      if (typeof j === 'string') return j;
      if (typeof j === 'number' || typeof j === 'bigint' || typeof j === 'boolean') return String(j);
      throw mismatch(path, 'a string', j);
    case 'number':
      if (typeof j === 'number') {
        if (!Number.isFinite(j)) throw new CtyCodecError(path, 'a JSON number must be finite');
        return canonicalNumber(j);
      }
      if (typeof j === 'bigint') return canonicalNumber(j);
      if (typeof j === 'string') return parseNumberString(j, path);
      throw mismatch(path, 'a number', j);
    case 'bool':
      if (typeof j === 'boolean') return j;
      if (j === 'true' || j === 'false') return j === 'true';
      throw mismatch(path, 'a bool', j);
    default:
      throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  }
}

function compoundFromJson(j: unknown, type: CompoundType, path: string, depth: number): CtyValue {
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(j)) throw mismatch(path, `a ${type[0]} (array)`, j);
      const element = type[1];
      return j.map((v: unknown, i) => fromJson(v, element, indexPath(path, i), depth + 1));
    }
    case 'tuple': {
      if (!Array.isArray(j)) throw mismatch(path, 'a tuple (array)', j);
      const elements = type[1];
      if (j.length !== elements.length) {
        throw new CtyCodecError(path, `a tuple of ${elements.length} elements is required (${j.length} given)`);
      }
      return j.map((v: unknown, i) => fromJson(v, elementAt(elements, i, 'tuple element type'), indexPath(path, i), depth + 1));
    }
    case 'map': {
      if (!isPlainObject(j)) throw mismatch(path, 'a map (object)', j);
      const out: { [key: string]: CtyValue } = {};
      for (const [k, v] of ownEntries(j)) setOwn(out, k, fromJson(v, type[1], keyPath(path, k), depth + 1));
      return out;
    }
    case 'object':
      if (!isPlainObject(j)) throw mismatch(path, 'an object', j);
      return objectFromJson(j, type[1], path, depth);
    default:
      throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  }
}

/** Lenient: a missing attribute becomes null, one the type does not know is dropped. */
function objectFromJson(j: { [key: string]: unknown }, attrs: { readonly [name: string]: CtyType }, path: string, depth: number): CtyValue {
  const out: { [key: string]: CtyValue } = {};
  for (const [name, attrType] of ownEntries(attrs)) {
    const v = hasOwn(j, name) ? j[name] : null;
    setOwn(out, name, fromJson(v, attrType, attrPath(path, name), depth + 1));
  }
  return out;
}

/** A dynamic value in JSON is {"value": ..., "type": <type JSON>}. */
function dynamicFromJson(j: unknown, path: string, depth: number): CtyValue {
  if (!isPlainObject(j) || !hasOwn(j, 'type')) {
    throw mismatch(path, 'a dynamic value ({"value": ..., "type": ...})', j);
  }
  let type: CtyType;
  try {
    type = typeFromJsonValue(j.type);
  } catch (e) {
    throw e instanceof CtyCodecError ? new CtyCodecError(path, `dynamic value type: ${e.detail}`) : e;
  }
  const inner = hasOwn(j, 'value') ? j.value : null;
  if (type === 'dynamic') return fromJson(inner, 'dynamic', path, depth + 1);
  return new Dynamic(type, fromJson(inner, type, path, depth + 1));
}

function toJson(value: CtyValue | undefined, type: CtyType, path: string, depth: number): JsonValue {
  if (depth > MAX_VALUE_DEPTH) throw new CtyCodecError(path, `value nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (value === undefined) throw new CtyCodecError(path, 'value is missing (use null for an absent value)');
  if (value instanceof Unknown) throw new CtyCodecError(path, 'an unknown value cannot be written as JSON');
  if (value === null) return null;
  if (type === 'dynamic') {
    if (!(value instanceof Dynamic)) {
      throw new CtyCodecError(path, `a dynamic attribute needs a Dynamic value (its type and value), got ${describeJs(value)}`);
    }
    if (value.type === 'dynamic') return toJson(value.value, 'dynamic', path, depth + 1);
    let typeJson: unknown;
    try {
      typeJson = typeToJsonValue(value.type);
    } catch (e) {
      throw e instanceof CtyCodecError ? new CtyCodecError(path, `dynamic value type: ${e.detail}`) : e;
    }
    return { value: toJson(value.value, value.type, path, depth + 1), type: typeJson as JsonValue };
  }
  if (value instanceof Dynamic) throw new CtyCodecError(path, 'a dynamic value where a concrete type is expected');
  return jsonWriter.write(value, type, path, depth);
}

/**
 * A JSON number when JSON.stringify prints its exact value, else a decimal
 * string (cty reads both). Large doubles print rounded digits (2^60 prints as
 * 1152921504606847000), and cty would read those digits exactly.
 */
function numberToJson(value: number | bigint): number | string {
  const n = canonicalNumber(value);
  if (typeof n === 'number') return n;
  const double = Number(n);
  // Both: the double must be exactly n (-94374845984891540 is not a double; the nearest one,
  // ...536, prints as ...540), and print as n's digits (2^60 is a double but prints rounded).
  const exact = Number.isInteger(double) && BigInt(double) === n;
  return exact && JSON.stringify(double) === n.toString() ? double : n.toString();
}

const jsonWriter = new KnownWriter<JsonValue>({
  number(value, path) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new CtyCodecError(path, 'JSON cannot hold NaN or infinite numbers');
    return numberToJson(value);
  },
  nested: toJson,
});
