// Values between the wire and the provider logic: DynamicValue decoding and
// encoding against a schema, conforming stored objects to the current schema,
// raw stored state, and registering sensitive strings for redaction. Every
// failure the user can cause becomes a DiagnosticError that names the value.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { Logger } from '../framework/provider';
import { objectTypeOf, type BlockSchema, type Schema } from '../framework/schema';
import type { CtyValue, ObjectValue } from '../framework/values';
import { CtyCodecError } from './cty';
import { decodeDynamicValue, encodeDynamicValue } from './dynamic-value';
import { redactText, registerSecret } from './logger';
import type { DynamicValueMsg, MessageInit, UpgradeResourceStateRequest } from './proto-types';

/** A failure that already has the diagnostic to show the user. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function nullObject(block: BlockSchema): ObjectValue {
  const obj: ObjectValue = {};
  for (const name of Object.keys(block.attributes)) obj[name] = null;
  return obj;
}

export function decodeObject(msg: DynamicValueMsg | null | undefined, schema: Schema, what: string): ObjectValue | null {
  let value: CtyValue;
  try {
    value = decodeDynamicValue(msg, objectTypeOf(schema.block));
  } catch (err) {
    if (err instanceof CtyCodecError || err instanceof SyntaxError) {
      throw new DiagnosticError(errorDiag(`Invalid ${what}`, `Terraform sent a value the provider cannot read: ${redactText(err.message)}`));
    }
    throw err;
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DiagnosticError(errorDiag(`Invalid ${what}`, 'Expected an object.'));
  }
  const obj = value as ObjectValue;
  registerSensitive(schema.block, obj);
  return obj;
}

export function encodeObject(value: ObjectValue | null, schema: Schema, what: string): MessageInit<DynamicValueMsg> {
  try {
    return encodeDynamicValue(value, objectTypeOf(schema.block));
  } catch (err) {
    if (err instanceof CtyCodecError) {
      // The provider logic produced a value that does not fit its own schema.
      throw new Error(`the provider produced an invalid ${what}: ${err.message}`);
    }
    throw err;
  }
}

/** Every schema attribute present (null when missing); unknown keys dropped. */
export function conformObject(log: Logger, typeName: string, block: BlockSchema, value: ObjectValue): ObjectValue {
  const out: ObjectValue = {};
  for (const name of Object.keys(block.attributes)) out[name] = value[name] ?? null;
  const dropped = Object.keys(value).filter((k) => !(k in block.attributes));
  if (dropped.length) log.debug('dropped attributes not in the current schema', { tf_resource_type: typeName, dropped });
  return out;
}

export function parseRawState(req: UpgradeResourceStateRequest): Record<string, unknown> {
  const raw = req.raw_state;
  if (!raw || !raw.json || raw.json.length === 0) {
    const legacy = raw && raw.flatmap && Object.keys(raw.flatmap).length > 0;
    throw new DiagnosticError(
      errorDiag(
        'Unsupported state format',
        legacy ? 'The stored state uses the pre-0.12 flatmap format, which this provider cannot read.' : `Terraform sent no stored state for ${req.type_name}.`,
      ),
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw.json).toString('utf8'));
  } catch (err) {
    throw new DiagnosticError(errorDiag('Invalid stored state', `The stored state of ${req.type_name} is not valid JSON: ${errorMessage(err)}`));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DiagnosticError(errorDiag('Invalid stored state', `The stored state of ${req.type_name} is not a JSON object.`));
  }
  return parsed as Record<string, unknown>;
}

/** Sensitive string values are registered so logs and errors redact them. */
function registerSensitive(block: BlockSchema, obj: ObjectValue): void {
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.sensitive) registerStrings(obj[name]);
  }
}

function registerStrings(v: CtyValue | undefined): void {
  if (typeof v === 'string') registerSecret(v);
  else if (Array.isArray(v)) v.forEach(registerStrings);
  else if (v !== null && typeof v === 'object' && v.constructor === Object) Object.values(v).forEach(registerStrings);
}
