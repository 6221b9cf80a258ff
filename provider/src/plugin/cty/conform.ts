// Brings a value built by hand into the shape the codecs require: every
// object attribute present (null when unset), at every depth. Also reports
// every place where the value does not fit the type, all at once, so a
// resource can turn them into diagnostics instead of failing on the first.

import type { CtyType, CtyValue } from '../../framework/values';
import { Dynamic, Unknown } from '../../framework/values';
import { isCompoundType, type CompoundType } from './compound-type';
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
  const walk = new ConformWalk();
  const result = walk.value(value, type, '', 0);
  return { value: result, problems: walk.problems };
}

type PlainObject = { [key: string]: CtyValue };

/** One walk over a value; the problems found so far live here rather than in every call's parameters. */
class ConformWalk {
  readonly problems: ConformProblem[] = [];

  value(v: CtyValue | undefined, type: CtyType, path: string, depth: number): CtyValue {
    if (depth > MAX_VALUE_DEPTH) return this.problem(path, v, `value nests deeper than ${MAX_VALUE_DEPTH} levels`);
    if (v === undefined || v === null) return null;
    if (v instanceof Unknown) return v;
    if (type === 'dynamic') {
      if (!(v instanceof Dynamic)) return this.problem(path, v, `a dynamic attribute needs a Dynamic value (its type and value), got ${describeJs(v)}`);
      if (v.type === 'dynamic') return this.value(v.value, 'dynamic', path, depth + 1);
      return new Dynamic(v.type, this.value(v.value, v.type, path, depth + 1));
    }
    if (v instanceof Dynamic) return this.problem(path, v, 'a dynamic value where a concrete type is expected');
    if (!isCompoundType(type)) return this.primitive(v, type, path);
    return this.compound(v, type, path, depth);
  }

  /** Records a misfit; the value stays as it was. */
  private problem(path: string, v: CtyValue | undefined, message: string): CtyValue {
    this.problems.push({ path, message });
    return v === undefined ? null : v;
  }

  private primitive(v: CtyValue, type: CtyType, path: string): CtyValue {
    switch (type) {
      case 'string':
        return typeof v === 'string' ? v : this.problem(path, v, `a string is required, got ${describeJs(v)}`);
      case 'number':
        if (typeof v === 'bigint') return v;
        if (typeof v !== 'number') return this.problem(path, v, `a number is required, got ${describeJs(v)}`);
        return Number.isNaN(v) ? this.problem(path, v, 'NaN is not a cty number') : v;
      case 'bool':
        return typeof v === 'boolean' ? v : this.problem(path, v, `a bool is required, got ${describeJs(v)}`);
      default:
        return this.problem(path, v, `invalid type ${describeJs(type)}`);
    }
  }

  private compound(v: CtyValue, type: CompoundType, path: string, depth: number): CtyValue {
    switch (type[0]) {
      case 'list':
      case 'set': {
        if (!Array.isArray(v)) return this.problem(path, v, `a ${type[0]} (array) is required, got ${describeJs(v)}`);
        const element = type[1];
        return v.map((e, i) => this.value(e, element, indexPath(path, i), depth + 1));
      }
      case 'tuple': {
        if (!Array.isArray(v)) return this.problem(path, v, `a tuple (array) is required, got ${describeJs(v)}`);
        const elements = type[1];
        if (v.length !== elements.length) return this.problem(path, v, `a tuple of ${elements.length} elements is required (${v.length} given)`);
        return v.map((e, i) => this.value(e, elementAt(elements, i, 'tuple element type'), indexPath(path, i), depth + 1));
      }
      case 'map': {
        if (!isPlainObject(v)) return this.problem(path, v, `a map (object) is required, got ${describeJs(v)}`);
        const out: PlainObject = {};
        for (const [k, e] of ownEntries(v)) setOwn(out, k, this.value(e, type[1], keyPath(path, k), depth + 1));
        return out;
      }
      case 'object':
        if (!isPlainObject(v)) return this.problem(path, v, `an object is required, got ${describeJs(v)}`);
        return this.object(v, type[1], path, depth);
      default:
        return this.problem(path, v, `invalid type ${describeJs(type)}`);
    }
  }

  /** Every attribute of the type, null when the value lacks it; attributes the type does not know are problems. */
  private object(v: PlainObject, attrs: { readonly [name: string]: CtyType }, path: string, depth: number): CtyValue {
    const out: PlainObject = {};
    for (const name of Object.keys(v)) {
      if (!hasOwn(attrs, name)) this.problems.push({ path: attrPath(path, name), message: 'unsupported attribute' });
    }
    for (const [name, attrType] of ownEntries(attrs)) {
      setOwn(out, name, this.value(hasOwn(v, name) ? v[name] : null, attrType, attrPath(path, name), depth + 1));
    }
    return out;
  }
}
