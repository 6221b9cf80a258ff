// Provider-defined functions (Terraform 1.8+: provider::NAME::FUNCTION(...)):
// the contract between the plugin layer, which speaks GetFunctions and
// CallFunction, and the provider logic, which only computes values.

import type { CtyType, CtyValue } from './values';

export interface FunctionParameter {
  name: string;
  type: CtyType;
  description: string;
}

/** A refusal that names the argument (0-based position) it is about, when there is one. */
export interface FunctionError {
  text: string;
  argument?: number;
}

export type FunctionResult = { ok: true; value: CtyValue } | { ok: false; error: FunctionError };

export interface FunctionDefinition {
  summary: string;
  description: string;
  parameters: readonly FunctionParameter[];
  returnType: CtyType;
  /** Arguments arrive decoded, in parameter order, known and non-null (Terraform checks that first). */
  call(args: readonly CtyValue[]): FunctionResult;
}
