// GetFunctions and CallFunction: provider-defined functions on the wire. The
// definitions (framework/functions.ts) compute values; this file only
// converts types and values, and turns every failure into a FunctionError,
// with the argument's position when the failure is about one argument.

import type { FunctionDefinition } from '../framework/functions';
import type { CtyValue } from '../framework/values';
import { typeToJson } from './cty';
import { decodeDynamicValue, encodeDynamicValue } from './dynamic-value';
import type { CallFunctionRequest, CallFunctionResponse, FunctionMsg, MessageInit } from './proto-types';

type Definitions = { [name: string]: FunctionDefinition } | undefined;

export function functionsToProto(defs: Definitions): Record<string, MessageInit<FunctionMsg>> {
  const out: Record<string, MessageInit<FunctionMsg>> = {};
  for (const [name, f] of Object.entries(defs ?? {})) {
    out[name] = {
      parameters: f.parameters.map((p) => ({
        name: p.name,
        type: Buffer.from(typeToJson(p.type), 'utf8'),
        allow_null_value: false,
        allow_unknown_values: false,
        description: p.description,
        description_kind: 'PLAIN',
      })),
      return: { type: Buffer.from(typeToJson(f.returnType), 'utf8') },
      summary: f.summary,
      description: f.description,
      description_kind: 'PLAIN',
    };
  }
  return out;
}

export function callFunction(defs: Definitions, req: CallFunctionRequest): MessageInit<CallFunctionResponse> {
  const f = defs?.[req.name];
  if (!f) return { error: { text: `this provider has no function ${JSON.stringify(req.name)}` } };
  if (req.arguments.length !== f.parameters.length) {
    return { error: { text: `${req.name} takes ${f.parameters.length} arguments, got ${req.arguments.length}` } };
  }
  const args: CtyValue[] = [];
  for (const [i, p] of f.parameters.entries()) {
    try {
      args.push(decodeDynamicValue(req.arguments[i], p.type));
    } catch (err) {
      return { error: { text: `${p.name}: ${err instanceof Error ? err.message : String(err)}`, function_argument: i } };
    }
  }
  try {
    const result = f.call(args);
    if (!result.ok) return { error: { text: result.error.text, function_argument: result.error.argument } };
    return { result: encodeDynamicValue(result.value, f.returnType) };
  } catch (err) {
    return { error: { text: `internal error in ${req.name}: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
