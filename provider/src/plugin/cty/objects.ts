// Small helpers for the plain objects that hold cty maps and objects, and the arrays of tuples.

/**
 * Sets an own property, even one named `__proto__`, which plain assignment
 * would treat as the prototype.
 */
export function setOwn<T>(obj: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** Own enumerable entries; `__proto__` included when it is an own property. */
export function ownEntries<T>(obj: { [key: string]: T }): [string, T][] {
  return Object.entries(obj);
}

/** The element at `index`, which the caller has checked is there (a tuple's type for one of its values). */
export function elementAt<T>(list: readonly T[], index: number, what: string): T {
  const element = list[index];
  if (element === undefined) throw new RangeError(`${what}: no element ${index} (${list.length} given)`);
  return element;
}

/** True for an own property, never for something inherited like `toString`. */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Orders strings by Unicode code point, which is the byte order of their UTF-8 (Go's string order). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

/** A plain object (not an array, class instance or binary). */
export function isPlainObject(v: unknown): v is { [key: string]: unknown } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
