// Nesting limits shared by the codecs. Real schemas nest a handful of
// levels; the limits only stop hostile input from exhausting the stack.

/** Deepest type accepted from type JSON. */
export const MAX_TYPE_DEPTH = 64;

/** Deepest value walked; dynamic values can nest types inside values, so this is separate. */
export const MAX_VALUE_DEPTH = 256;
