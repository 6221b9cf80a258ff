// Terraform core accepts a value for a computed-only attribute in
// configuration; rejecting it is the provider's job (as terraform-plugin-framework
// does). Without this check such a line is silently accepted by validate and
// only fails later, at plan, as an inconsistency blamed on the provider.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { BlockSchema } from '../framework/schema';
import type { ObjectValue } from '../framework/values';

/** An error for each computed-only attribute that the configuration sets (unknown counts as set). */
export function readOnlyAttributeDiagnostics(block: BlockSchema, config: ObjectValue): Diagnostic[] {
  const diags: Diagnostic[] = [];
  for (const [name, attr] of Object.entries(block.attributes)) {
    const readOnly = attr.computed === true && !attr.optional && !attr.required;
    const value = config[name];
    if (readOnly && value !== null && value !== undefined) {
      diags.push(
        errorDiag(
          'Invalid Configuration for Read-Only Attribute',
          `\`${name}\` is set by the provider and cannot be configured. Remove the line that sets it.`,
          name,
        ),
      );
    }
  }
  return diags;
}
