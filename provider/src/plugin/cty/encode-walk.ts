// Writing a known, non-null value is the same walk for msgpack and JSON:
// check strings and bools, and go through lists, sets, tuples, maps and
// objects (keys in cty's sorted order, every attribute present). Each format
// supplies how it writes a number and its own recursion, which deals with
// null, unknown and dynamic values in that format's way.

import type { CtyType, CtyValue } from '../../framework/values';
import { CtyCodecError, attrPath, describeJs, indexPath, keyPath, mismatch } from './errors';
import { compareCodePoints, hasOwn, isPlainObject, ownEntries, setOwn } from './objects';

export interface FormatWriter<W> {
  number(value: number | bigint, path: string): W;
  /** Writes a nested value, called with depth + 1. */
  nested(value: CtyValue | undefined, type: CtyType, path: string, depth: number): W;
}

/** What the walk returns: a leaf in the format's form, or an array or object of them. */
export type Written<W> = W | W[] | { [key: string]: W };

/** `value` is known and not null; `type` is concrete (not dynamic). */
export function writeKnown<W>(value: CtyValue, type: CtyType, path: string, depth: number, writer: FormatWriter<W>): Written<W> {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw mismatch(path, 'a string', value);
      return value as W;
    case 'number':
      if (typeof value !== 'number' && typeof value !== 'bigint') throw mismatch(path, 'a number', value);
      return writer.number(value, path);
    case 'bool':
      if (typeof value !== 'boolean') throw mismatch(path, 'a bool', value);
      return value as W;
  }
  if (!Array.isArray(type)) throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) throw mismatch(path, `a ${type[0]} (array)`, value);
      const element = type[1];
      return value.map((v, i) => writer.nested(v, element, indexPath(path, i), depth + 1));
    }
    case 'tuple': {
      if (!Array.isArray(value)) throw mismatch(path, 'a tuple (array)', value);
      const elements = type[1];
      if (value.length !== elements.length) {
        throw new CtyCodecError(path, `a tuple of ${elements.length} elements is required (${value.length} given)`);
      }
      return value.map((v, i) => writer.nested(v, elements[i], indexPath(path, i), depth + 1));
    }
    case 'map': {
      if (!isPlainObject(value)) throw mismatch(path, 'a map (object)', value);
      const out: { [key: string]: W } = {};
      const entries = ownEntries(value).sort(([a], [b]) => compareCodePoints(a, b));
      for (const [k, v] of entries) setOwn(out, k, writer.nested(v, type[1], keyPath(path, k), depth + 1));
      return out;
    }
    case 'object': {
      if (!isPlainObject(value)) throw mismatch(path, 'an object', value);
      const attrs = type[1];
      for (const name of Object.keys(value)) {
        if (!hasOwn(attrs, name)) throw new CtyCodecError(attrPath(path, name), 'unsupported attribute');
      }
      const out: { [key: string]: W } = {};
      for (const name of Object.keys(attrs).sort(compareCodePoints)) {
        const at = attrPath(path, name);
        if (!hasOwn(value, name)) throw new CtyCodecError(at, 'attribute is missing (every attribute must be present, null when unset)');
        setOwn(out, name, writer.nested(value[name], attrs[name], at, depth + 1));
      }
      return out;
    }
    default:
      throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
  }
}
