// Brings a value built by hand into the shape the codecs require: every
// object attribute present (null when unset), at every depth. Also reports
// every place where the value does not fit the type, all at once, so a
// resource can turn them into diagnostics instead of failing on the first.

import type { CtyType, CtyValue } from '../../framework/values';
import { Dynamic, Unknown } from '../../framework/values';
import { attrPath, describeJs, indexPath, keyPath } from './errors';
import { MAX_VALUE_DEPTH } from './limits';
import { elementAt, hasOwn, isPlainObject, ownEntries, setOwn } from './objects';

export interface ConformProblem {
  /** cty-style path, e.g. `.developer_user_identifiers[2]`; empty for the whole value. */
  path: string;
  message: string;
}

export interface ConformResult {
  /** The value with missing attributes filled in; parts with problems are left as they were. */
  value: CtyValue;
  problems: ConformProblem[];
}

/** Fills missing object attributes with null (recursively) and checks the value against the type. Never throws. */
export function conform(value: CtyValue | undefined, type: CtyType): ConformResult {
  const problems: ConformProblem[] = [];
  const result = walk(value, type, '', 0, problems);
  return { value: result, problems };
}

function walk(v: CtyValue | undefined, type: CtyType, path: string, depth: number, problems: ConformProblem[]): CtyValue {
  const problem = (message: string): CtyValue => {
    problems.push({ path, message });
    return v === undefined ? null : v;
  };
  if (depth > MAX_VALUE_DEPTH) return problem(`value nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (v === undefined || v === null) return null;
  if (v instanceof Unknown) return v;
  if (type === 'dynamic') {
    if (!(v instanceof Dynamic)) return problem(`a dynamic attribute needs a Dynamic value (its type and value), got ${describeJs(v)}`);
    if (v.type === 'dynamic') return walk(v.value, 'dynamic', path, depth + 1, problems);
    return new Dynamic(v.type, walk(v.value, v.type, path, depth + 1, problems));
  }
  if (v instanceof Dynamic) return problem('a dynamic value where a concrete type is expected');
  switch (type) {
    case 'string':
      return typeof v === 'string' ? v : problem(`a string is required, got ${describeJs(v)}`);
    case 'number':
      if (typeof v === 'bigint') return v;
      if (typeof v !== 'number') return problem(`a number is required, got ${describeJs(v)}`);
      return Number.isNaN(v) ? problem('NaN is not a cty number') : v;
    case 'bool':
      return typeof v === 'boolean' ? v : problem(`a bool is required, got ${describeJs(v)}`);
  }
  if (!Array.isArray(type)) return problem(`invalid type ${describeJs(type)}`);
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return problem(`a ${type[0]} (array) is required, got ${describeJs(v)}`);
      const element = type[1];
      return v.map((e, i) => walk(e, element, indexPath(path, i), depth + 1, problems));
    }
    case 'tuple': {
      if (!Array.isArray(v)) return problem(`a tuple (array) is required, got ${describeJs(v)}`);
      const elements = type[1];
      if (v.length !== elements.length) return problem(`a tuple of ${elements.length} elements is required (${v.length} given)`);
      return v.map((e, i) => walk(e, elementAt(elements, i, 'tuple element type'), indexPath(path, i), depth + 1, problems));
    }
    case 'map': {
      if (!isPlainObject(v)) return problem(`a map (object) is required, got ${describeJs(v)}`);
      const out: { [key: string]: CtyValue } = {};
      for (const [k, e] of ownEntries(v)) setOwn(out, k, walk(e, type[1], keyPath(path, k), depth + 1, problems));
      return out;
    }
    case 'object': {
      if (!isPlainObject(v)) return problem(`an object is required, got ${describeJs(v)}`);
      const attrs = type[1];
      const out: { [key: string]: CtyValue } = {};
      for (const name of Object.keys(v)) {
        if (!hasOwn(attrs, name)) problems.push({ path: attrPath(path, name), message: 'unsupported attribute' });
      }
      for (const [name, attrType] of ownEntries(attrs)) {
        setOwn(out, name, walk(hasOwn(v, name) ? v[name] : null, attrType, attrPath(path, name), depth + 1, problems));
      }
      return out;
    }
    default:
      return problem(`invalid type ${describeJs(type)}`);
  }
}
