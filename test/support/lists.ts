// Reading an element the types cannot prove is there (tsconfig's noUncheckedIndexedAccess):
// each helper throws a message naming what was missing, rather than a TypeError a few
// lines later, and returns the element typed without `| undefined`.

/** A value that must be there: a map entry, a regex group, a record key. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/** The first capture group of every match of the global regex `re` in `text`. */
export function firstGroups(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => required(m[1], `capture group 1 of ${re} in "${m[0]}"`));
}

/** The element at `index` (negative counts from the end); throws when there is none. */
export function nth<T>(list: readonly T[], index: number, what = 'the list'): T {
  const element = list.at(index);
  if (element === undefined) throw new Error(`${what} has no element ${index} (${list.length} elements)`);
  return element;
}

/** The first element; throws when the list is empty. */
export function first<T>(list: readonly T[], what = 'the list'): T {
  return nth(list, 0, what);
}

/** The last element; throws when the list is empty. */
export function last<T>(list: readonly T[], what = 'the list'): T {
  return nth(list, -1, what);
}

/** The only element; throws unless there is exactly one. */
export function only<T>(list: readonly T[], what = 'the list'): T {
  if (list.length !== 1) throw new Error(`${what} should have exactly one element, has ${list.length}`);
  return nth(list, 0, what);
}

/**
 * A tuple of N elements when N is a literal (so `const [a, b] = pool.users` gives
 * two defined elements, and a third is a compile error), an array otherwise.
 */
export type Tuple<T, N extends number, Acc extends T[] = []> = number extends N ? T[] : Acc['length'] extends N ? Acc : Tuple<T, N, [...Acc, T]>;

/** `list` as a tuple of `n` elements; throws unless it has exactly `n`. */
export function tupleOf<T, N extends number>(list: T[], n: N, what = 'the list'): Tuple<T, N> {
  if (list.length !== n) throw new Error(`${what} should have ${n} elements, has ${list.length}`);
  // The length was just checked; the type says the same thing.
  return list as Tuple<T, N>;
}
