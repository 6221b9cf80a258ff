// cty's JSON type encoding: how schema attribute types and the types of
// dynamic values travel (`"string"`, `["list","string"]`,
// `["object",{"a":"string"}]`, `["tuple",["bool"]]`).

import type { CtyType } from '../../framework/values';
import { CtyCodecError, describeJs } from './errors';
import { MAX_TYPE_DEPTH } from './limits';
import { compareCodePoints, ownEntries, setOwn } from './objects';

const PRIMITIVES: readonly string[] = ['string', 'number', 'bool', 'dynamic'];

/** Compact JSON of a type, as cty writes it (object attributes sorted). */
export function typeToJson(t: CtyType): string {
  return JSON.stringify(typeToJsonValue(t));
}

/** The parsed-JSON form of a type; used where the type sits inside a JSON document. */
export function typeToJsonValue(t: CtyType, depth = 0): unknown {
  if (depth > MAX_TYPE_DEPTH) throw new CtyCodecError('', `type nests deeper than ${MAX_TYPE_DEPTH} levels`);
  if (typeof t === 'string') {
    if (!PRIMITIVES.includes(t)) throw new CtyCodecError('', `unknown type name ${JSON.stringify(t)}`);
    return t;
  }
  if (!Array.isArray(t)) throw new CtyCodecError('', `a type must be a name or an array, got ${describeJs(t)}`);
  const [kind, arg] = t;
  switch (kind) {
    case 'list':
    case 'set':
    case 'map':
      return [kind, typeToJsonValue(arg as CtyType, depth + 1)];
    case 'tuple':
      if (!Array.isArray(arg)) throw new CtyCodecError('', 'a tuple type needs an array of element types');
      return [kind, (arg as CtyType[]).map((e) => typeToJsonValue(e, depth + 1))];
    case 'object': {
      if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
        throw new CtyCodecError('', 'an object type needs an object of attribute types');
      }
      const attrs = {};
      const entries = ownEntries(arg as Record<string, CtyType>).sort(([a], [b]) => compareCodePoints(a, b));
      for (const [name, attrType] of entries) setOwn(attrs, name, typeToJsonValue(attrType, depth + 1));
      return [kind, attrs];
    }
    default:
      throw new CtyCodecError('', `unknown type kind ${JSON.stringify(kind)}`);
  }
}

/** Parses compact or pretty type JSON. Throws CtyCodecError on anything that is not a cty type. */
export function parseTypeJson(json: string): CtyType {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new CtyCodecError('', 'type is not valid JSON');
  }
  return typeFromJsonValue(parsed);
}

/** Reads a type from its parsed-JSON form. */
export function typeFromJsonValue(v: unknown, depth = 0): CtyType {
  if (depth > MAX_TYPE_DEPTH) throw new CtyCodecError('', `type nests deeper than ${MAX_TYPE_DEPTH} levels`);
  if (typeof v === 'string') {
    if (PRIMITIVES.includes(v)) return v as CtyType;
    throw new CtyCodecError('', `unknown type name ${JSON.stringify(v.slice(0, 40))}`);
  }
  if (!Array.isArray(v) || v.length < 2) {
    throw new CtyCodecError('', `a type must be a name or an array like ["list","string"], got ${describeJs(v)}`);
  }
  const [kind, arg] = v as unknown[];
  switch (kind) {
    case 'list':
    case 'set':
    case 'map':
      if (v.length !== 2) throw new CtyCodecError('', `a ${kind} type has exactly one element type`);
      return [kind, typeFromJsonValue(arg, depth + 1)];
    case 'tuple':
      if (v.length !== 2 || !Array.isArray(arg)) throw new CtyCodecError('', 'a tuple type needs an array of element types');
      return ['tuple', arg.map((e) => typeFromJsonValue(e, depth + 1))];
    case 'object': {
      // A third element lists optional attributes of a type constraint; it does not change the type.
      if (v.length > 3 || arg === null || typeof arg !== 'object' || Array.isArray(arg)) {
        throw new CtyCodecError('', 'an object type needs an object of attribute types');
      }
      const attrs: { [name: string]: CtyType } = {};
      for (const [name, at] of ownEntries(arg as Record<string, unknown>)) setOwn(attrs, name, typeFromJsonValue(at, depth + 1));
      return ['object', attrs];
    }
    default:
      throw new CtyCodecError('', `unknown type kind ${typeof kind === 'string' ? JSON.stringify(kind.slice(0, 40)) : describeJs(kind)}`);
  }
}
