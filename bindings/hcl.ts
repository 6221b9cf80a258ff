// cdktf can synthesize HCL as well as JSON (`cdktf synth --hcl`). For that,
// each attribute carries how it is stored; these helpers build that shape the
// way cdktf's generated bindings do, for the kinds of value we have.
import { booleanToHclTerraform, numberToHclTerraform, stringToHclTerraform } from './cdk';

export interface HclAttribute {
  value: unknown;
  isBlock: false;
  type: 'simple' | 'list';
  storageClassType: 'string' | 'number' | 'boolean' | 'stringList';
}

export function hclString(value: string | undefined): HclAttribute {
  return { value: stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
}

export function hclNumber(value: number | undefined): HclAttribute {
  return { value: numberToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'number' };
}

export function hclBoolean(value: boolean | undefined): HclAttribute {
  return { value: booleanToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'boolean' };
}

/** Drops attributes that were not set, as generated bindings do. */
export function definedHclAttributes(attrs: Record<string, HclAttribute>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
}
