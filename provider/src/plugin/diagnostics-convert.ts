// Framework diagnostics → tfplugin6 Diagnostic messages. Severity is always
// set: core treats INVALID (0) as neither error nor warning and drops it.

import type { AttributePath, Diagnostic } from '../framework/diagnostics';
import { redactText } from './logger';
import type { AttributePathMsg, DiagnosticMsg, MessageInit } from './proto-types';

export function attributePathToProto(path: AttributePath): MessageInit<AttributePathMsg> {
  return {
    steps: path.map((step) => {
      if ('attribute' in step) return { attribute_name: step.attribute };
      if ('key' in step) return { element_key_string: step.key };
      return { element_key_int: step.index };
    }),
  };
}

function diagnosticToProto(d: Diagnostic): MessageInit<DiagnosticMsg> {
  const msg: MessageInit<DiagnosticMsg> = {
    severity: d.severity === 'warning' ? 'WARNING' : 'ERROR',
    // Secrets registered by the provider never reach the user's terminal.
    summary: redactText(d.summary),
    detail: redactText(d.detail ?? ''),
  };
  if (d.attribute && d.attribute.length > 0) msg.attribute = attributePathToProto(d.attribute);
  return msg;
}

export function diagnosticsToProto(diags: readonly Diagnostic[]): MessageInit<DiagnosticMsg>[] {
  return diags.map(diagnosticToProto);
}
