// cty values as msgpack, the form Terraform uses for DynamicValue.msgpack.
// @msgpack/msgpack turns bytes into plain JS data and back; this module maps
// that data to and from CtyValue by walking the expected type, so every
// mistake is reported with the path where it happened.

import { DecodeError, Decoder, Encoder, ExtData } from '@msgpack/msgpack';
import type { ExtensionCodecType } from '@msgpack/msgpack';
import type { CtyType, CtyValue } from '../../framework/values';
import { Dynamic, Unknown, UNKNOWN } from '../../framework/values';
import { isCompoundType, type CompoundType } from './compound-type';
import { KnownWriter } from './encode-walk';
import { CtyCodecError, attrPath, describeJs, indexPath, keyPath } from './errors';
import { MAX_VALUE_DEPTH } from './limits';
import { canonicalNumber, numberToWire, parseNumberString } from './numbers';
import { elementAt, hasOwn, isPlainObject, ownEntries, setOwn } from './objects';
import { EXT_REFINED_UNKNOWN, EXT_UNKNOWN, decodeRefinements, encodeRefinements, refineFor } from './refinements';
import { parseTypeJson, typeToJson } from './type-json';

/** Plain JS data as @msgpack/msgpack reads and writes it, plus our unknown markers. */
type Wire = null | boolean | number | bigint | string | Uint8Array | ExtData | Unknown | BadExtension | Wire[] | { [key: string]: Wire };

/** An extension the decoder could not accept; reported once the walk knows its path. */
class BadExtension {
  constructor(readonly detail: string) {}
}

/** The single zero byte cty puts in a plain unknown: `d4 00 00`. */
const PLAIN_UNKNOWN = new ExtData(EXT_UNKNOWN, Uint8Array.of(0));

const extensionCodec: ExtensionCodecType<undefined> = {
  tryToEncode: (object) => (object instanceof ExtData ? object : null),
  decode(data, extType) {
    // cty reads any extension of at most one byte as a plain unknown.
    if (data.length <= 1) return UNKNOWN;
    if (extType !== EXT_REFINED_UNKNOWN) return new BadExtension(`unsupported msgpack extension type ${extType}`);
    try {
      return new Unknown(decodeRefinements(data));
    } catch (e) {
      if (e instanceof CtyCodecError) return new BadExtension(e.detail);
      throw e;
    }
  },
};

const encoder = new Encoder({ extensionCodec, useBigInt64: true, maxDepth: 4 * MAX_VALUE_DEPTH });
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Encodes a value of the given type; throws CtyCodecError naming the path of anything that does not fit. */
export function encodeMsgpack(value: CtyValue, type: CtyType): Uint8Array {
  const wire = toWire(value, type, '', 0);
  try {
    return encoder.encode(wire);
  } catch (e) {
    throw new CtyCodecError('', `cannot write msgpack: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Decodes bytes holding exactly one value of the given type; throws CtyCodecError on anything else. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): CtyValue {
  if (bytes.length === 0) throw new CtyCodecError('', 'no msgpack bytes to decode');
  // No length field can be honestly larger than the input, so cap them all by it.
  const limit = bytes.length;
  const decoder = new Decoder({
    extensionCodec,
    useBigInt64: true,
    maxStrLength: limit,
    maxBinLength: limit,
    maxArrayLength: limit,
    maxMapLength: limit,
    maxExtLength: limit,
    mapKeyConverter: (key) => {
      if (typeof key !== 'string') throw new DecodeError('map keys must be strings');
      return key;
    },
  });
  let wire: Wire;
  try {
    wire = decoder.decode(bytes) as Wire;
  } catch (e) {
    throw new CtyCodecError('', `malformed msgpack: ${libraryMessage(e)}`);
  }
  try {
    return fromWire(wire, type, '', 0);
  } catch (e) {
    if (e instanceof CtyCodecError) throw e;
    // A bug or an engine limit; still a clean error for the caller.
    throw new CtyCodecError('', `cannot decode value: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function libraryMessage(e: unknown): string {
  if (e instanceof RangeError && /Extra \d+ of \d+ byte/.test(e.message)) return 'unexpected bytes after the value';
  if (e instanceof RangeError && /Insufficient data|outside the bounds/.test(e.message)) return 'the input ends in the middle of a value';
  if (e instanceof Error && /Max length exceeded/.test(e.message)) return 'a length field claims more than the input holds';
  return e instanceof Error ? e.message : String(e);
}

// ---- encoding ----

function toWire(value: CtyValue | undefined, type: CtyType, path: string, depth: number): Wire {
  if (depth > MAX_VALUE_DEPTH) throw new CtyCodecError(path, `value nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (value === undefined) throw new CtyCodecError(path, 'value is missing (use null for an absent value)');
  if (value === null) return null;
  if (value instanceof Unknown) return unknownToWire(value, type, path);
  if (type === 'dynamic') return dynamicToWire(value, path, depth);
  if (value instanceof Dynamic) throw new CtyCodecError(path, `a dynamic value where ${typeToJson(type)} is expected`);
  return wireWriter.write(value, type, path, depth);
}

function unknownToWire(u: Unknown, type: CtyType, path: string): ExtData {
  const payload = encodeRefinements(refineFor(u.refinements, type).refinements, path);
  return payload === null ? PLAIN_UNKNOWN : new ExtData(EXT_REFINED_UNKNOWN, payload);
}

/** A known dynamic value travels as [type JSON as bin, value of that type]. */
function dynamicToWire(value: CtyValue, path: string, depth: number): Wire {
  if (!(value instanceof Dynamic)) {
    throw new CtyCodecError(path, `a dynamic attribute needs a Dynamic value (its type and value), got ${describeJs(value)}`);
  }
  // "dynamic" is not a concrete type; its value is itself what goes here.
  if (value.type === 'dynamic') return toWire(value.value, 'dynamic', path, depth + 1);
  let typeJson: string;
  try {
    typeJson = typeToJson(value.type);
  } catch (e) {
    throw e instanceof CtyCodecError ? new CtyCodecError(path, `dynamic value type: ${e.detail}`) : e;
  }
  return [utf8Encoder.encode(typeJson), toWire(value.value, value.type, path, depth + 1)];
}

const wireWriter = new KnownWriter<Wire>({ number: numberToWire, nested: toWire });

// ---- decoding ----

function fromWire(w: Wire, type: CtyType, path: string, depth: number): CtyValue {
  if (depth > MAX_VALUE_DEPTH) throw new CtyCodecError(path, `value nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (w instanceof BadExtension) throw new CtyCodecError(path, w.detail);
  if (w === null) return null;
  if (w instanceof Unknown) return refineFor(w.refinements, type);
  if (type === 'dynamic') return dynamicFromWire(w, path, depth);
  if (!isCompoundType(type)) return primitiveFromWire(w, type, path);
  return compoundFromWire(w, type, path, depth);
}

function primitiveFromWire(w: Wire, type: CtyType, path: string): CtyValue {
  switch (type) {
    case 'string':
      if (typeof w === 'string') return w;
      if (w instanceof Uint8Array) return utf8Decoder.decode(w); // cty accepts bin as a string
      throw wireMismatch(path, 'a string', w);
    case 'number':
      if (typeof w === 'number') {
        if (Number.isNaN(w)) throw new CtyCodecError(path, 'NaN is not a cty number');
        return canonicalNumber(w);
      }
      if (typeof w === 'bigint') return canonicalNumber(w);
      if (typeof w === 'string') return parseNumberString(w, path);
      if (w instanceof Uint8Array) return parseNumberString(utf8Decoder.decode(w), path);
      throw wireMismatch(path, 'a number', w);
    case 'bool':
      if (typeof w === 'boolean') return w;
      throw wireMismatch(path, 'a bool', w);
    default:
      throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  }
}

function compoundFromWire(w: Wire, type: CompoundType, path: string, depth: number): CtyValue {
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(w)) throw wireMismatch(path, `a ${type[0]} (array)`, w);
      const element = type[1];
      return w.map((v, i) => fromWire(v, element, indexPath(path, i), depth + 1));
    }
    case 'tuple': {
      if (!Array.isArray(w)) throw wireMismatch(path, 'a tuple (array)', w);
      const elements = type[1];
      if (w.length !== elements.length) {
        throw new CtyCodecError(path, `a tuple of ${elements.length} elements is required (${w.length} given)`);
      }
      return w.map((v, i) => fromWire(v, elementAt(elements, i, 'tuple element type'), indexPath(path, i), depth + 1));
    }
    case 'map': {
      if (!isWireMap(w)) throw wireMismatch(path, 'a map', w);
      const out: { [key: string]: CtyValue } = {};
      for (const [k, v] of ownEntries(w)) setOwn(out, k, fromWire(v, type[1], keyPath(path, k), depth + 1));
      return out;
    }
    case 'object':
      if (!isWireMap(w)) throw wireMismatch(path, 'an object (map)', w);
      return objectFromWire(w, type[1], path, depth);
    default:
      throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  }
}

/** Strict: exactly the type's attributes, no more and no fewer. */
function objectFromWire(w: { [key: string]: Wire }, attrs: { readonly [name: string]: CtyType }, path: string, depth: number): CtyValue {
  const names = Object.keys(w);
  const expected = Object.keys(attrs).length;
  if (names.length !== expected) {
    throw new CtyCodecError(path, `an object with ${expected} attributes is required (${names.length} given)`);
  }
  const out: { [key: string]: CtyValue } = {};
  for (const [name, value] of ownEntries(w)) {
    const at = attrPath(path, name.slice(0, 100));
    const attrType = hasOwn(attrs, name) ? attrs[name] : undefined;
    if (attrType === undefined) throw new CtyCodecError(at, 'unsupported attribute');
    setOwn(out, name, fromWire(value, attrType, at, depth + 1));
  }
  return out;
}

function dynamicFromWire(w: Wire, path: string, depth: number): CtyValue {
  const [typeBytes, inner, ...extra] = Array.isArray(w) ? w : [];
  if (typeBytes === undefined || inner === undefined || extra.length > 0) {
    throw wireMismatch(path, 'a dynamic value ([type JSON, value])', w);
  }
  let typeJson: string;
  if (typeBytes instanceof Uint8Array) typeJson = utf8Decoder.decode(typeBytes);
  else if (typeof typeBytes === 'string') typeJson = typeBytes;
  else throw wireMismatch(indexPath(path, 0), 'the type JSON of a dynamic value', typeBytes);
  let type: CtyType;
  try {
    type = parseTypeJson(typeJson);
  } catch (e) {
    throw e instanceof CtyCodecError ? new CtyCodecError(path, `dynamic value type: ${e.detail}`) : e;
  }
  if (type === 'dynamic') return fromWire(inner, 'dynamic', path, depth + 1);
  return new Dynamic(type, fromWire(inner, type, path, depth + 1));
}

function isWireMap(w: Wire): w is { [key: string]: Wire } {
  return isPlainObject(w);
}

function wireMismatch(path: string, expected: string, got: Wire): CtyCodecError {
  let what: string;
  if (got instanceof ExtData) what = 'an extension';
  else if (typeof got === 'string') what = 'a string';
  else if (typeof got === 'bigint' || typeof got === 'number') what = 'a number';
  else what = describeJs(got);
  return new CtyCodecError(path, `${expected} is required, got ${what}`);
}
