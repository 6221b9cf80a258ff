// The collection and structural types, told apart from the primitive ones.

import type { CtyType } from '../../framework/values';

/** list, set, map, object and tuple: a type written as an array. */
export type CompoundType = Extract<CtyType, readonly unknown[]>;

/** Array.isArray on its own does not narrow a union of readonly tuples (it leaves `any` in its place). */
export function isCompoundType(type: CtyType): type is CompoundType {
  return Array.isArray(type);
}
