// The one error type of the codec, and the cty-style paths it carries.

/**
 * A value or type that cannot be encoded or decoded. `path` points at the
 * offending part in cty's notation (`.attr`, `[2]`, `["key"]`), empty for the
 * whole value, so the caller can attach it to a diagnostic.
 */
export class CtyCodecError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path === '' ? detail : `${path}: ${detail}`);
    this.name = 'CtyCodecError';
  }
}

/** The path of an object attribute. */
export function attrPath(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** The path of a list, set or tuple element. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** The path of a map element. */
export function keyPath(path: string, key: string): string {
  return `${path}[${JSON.stringify(key)}]`;
}

/** Short description of a JavaScript value for error messages; never the value itself, which may be secret. */
export function describeJs(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') {
    // Read the class from the prototype: an own `constructor` property may hold anything.
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === null || proto === Object.prototype) return 'an object';
    const ctor: unknown = (proto as { constructor?: unknown }).constructor;
    return typeof ctor === 'function' && ctor.name !== '' ? `a ${ctor.name} value` : 'an object';
  }
  return `a ${typeof v}`;
}

/** The error for a value of the wrong JS kind at `path`. */
export function mismatch(path: string, expected: string, got: unknown): CtyCodecError {
  return new CtyCodecError(path, `${expected} is required, got ${describeJs(got)}`);
}
