// cdktf can synthesize HCL as well as JSON (`cdktf synth --hcl`). For that,
// each attribute carries how it is stored; these helpers build that shape the
// way cdktf's generated bindings do, for the kinds of value we have.
import { booleanToHclTerraform, numberToHclTerraform, stringToHclTerraform, type IResolvable } from './cdk';

/** One attribute as cdktf's HCL renderer expects it. */
export interface HclAttribute {
  /** The value, or undefined when unset. */
  value: unknown;
  /** Attributes here are never blocks. */
  isBlock: false;
  /** How the renderer writes the value. */
  type: 'simple' | 'list';
  /** The value's type, for the renderer. */
  storageClassType: 'string' | 'number' | 'boolean' | 'stringList';
}

/** A string attribute. */
export function hclString(value: string | undefined): HclAttribute {
  return { value: stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
}

/** A number attribute. */
export function hclNumber(value: number | undefined): HclAttribute {
  return { value: numberToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'number' };
}

/** A boolean attribute (or a token that resolves to one). */
export function hclBoolean(value: boolean | IResolvable | undefined): HclAttribute {
  return { value: booleanToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'boolean' };
}

/** Drops attributes that were not set, as generated bindings do. */
export function definedHclAttributes(attrs: Record<string, HclAttribute>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
}
