// Writing a known, non-null value is the same walk for msgpack and JSON:
// check strings and bools, and go through lists, sets, tuples, maps and
// objects (keys in cty's sorted order, every attribute present). Each format
// supplies how it writes a number and its own recursion, which deals with
// null, unknown and dynamic values in that format's way.

import type { CtyType, CtyValue } from '../../framework/values';
import { isCompoundType, type CompoundType } from './compound-type';
import { CtyCodecError, attrPath, describeJs, indexPath, keyPath, mismatch } from './errors';
import { compareCodePoints, hasOwn, isPlainObject, ownEntries, setOwn } from './objects';

export interface FormatWriter<W> {
  number(value: number | bigint, path: string): W;
  /** Writes a nested value, called with depth + 1. */
  nested(value: CtyValue | undefined, type: CtyType, path: string, depth: number): W;
}

/** What the walk returns: a leaf in the format's form, or an array or object of them. */
export type Written<W> = W | W[] | { [key: string]: W };

/** The walk for one format, made once per format: the format travels in `this`, not in every call. */
export class KnownWriter<W> {
  constructor(private readonly format: FormatWriter<W>) {}

  /** `value` is known and not null; `type` is concrete (not dynamic). */
  write(value: CtyValue, type: CtyType, path: string, depth: number): Written<W> {
    switch (type) {
      case 'string':
        if (typeof value !== 'string') throw mismatch(path, 'a string', value);
        return value as W;
      case 'number':
        if (typeof value !== 'number' && typeof value !== 'bigint') throw mismatch(path, 'a number', value);
        return this.format.number(value, path);
      case 'bool':
        if (typeof value !== 'boolean') throw mismatch(path, 'a bool', value);
        return value as W;
    }
    if (!isCompoundType(type)) throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
    return this.compound(value, type, path, depth);
  }

  private compound(value: CtyValue, type: CompoundType, path: string, depth: number): Written<W> {
    switch (type[0]) {
      case 'list':
      case 'set': {
        if (!Array.isArray(value)) throw mismatch(path, `a ${type[0]} (array)`, value);
        const element = type[1];
        return value.map((v, i) => this.format.nested(v, element, indexPath(path, i), depth + 1));
      }
      case 'tuple': {
        if (!Array.isArray(value)) throw mismatch(path, 'a tuple (array)', value);
        const elements = type[1];
        if (value.length !== elements.length) {
          throw new CtyCodecError(path, `a tuple of ${elements.length} elements is required (${value.length} given)`);
        }
        // The lengths match; a hole in a hand-built tuple type reaches the nested write, which reports the invalid type.
        return value.map((v, i) => this.format.nested(v, elements[i] as CtyType, indexPath(path, i), depth + 1));
      }
      case 'map': {
        if (!isPlainObject(value)) throw mismatch(path, 'a map (object)', value);
        const out: { [key: string]: W } = {};
        const entries = ownEntries(value).sort(([a], [b]) => compareCodePoints(a, b));
        for (const [k, v] of entries) setOwn(out, k, this.format.nested(v, type[1], keyPath(path, k), depth + 1));
        return out;
      }
      case 'object':
        if (!isPlainObject(value)) throw mismatch(path, 'an object', value);
        return this.object(value, type[1], path, depth);
      default:
        throw new CtyCodecError(path, `invalid type ${describeJs(type)}`);
    }
  }

  private object(value: { [key: string]: CtyValue }, attrs: { readonly [name: string]: CtyType }, path: string, depth: number): Written<W> {
    for (const name of Object.keys(value)) {
      if (!hasOwn(attrs, name)) throw new CtyCodecError(attrPath(path, name), 'unsupported attribute');
    }
    const out: { [key: string]: W } = {};
    for (const [name, attrType] of ownEntries(attrs).sort(([a], [b]) => compareCodePoints(a, b))) {
      const at = attrPath(path, name);
      if (!hasOwn(value, name)) throw new CtyCodecError(at, 'attribute is missing (every attribute must be present, null when unset)');
      setOwn(out, name, this.format.nested(value[name], attrType, at, depth + 1));
    }
    return out;
  }
}
