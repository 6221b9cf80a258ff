// PlanResourceChange for cognitoidentity_merged_identity: destroy and update
// here, create (where every check runs) in merged-identity-plan-create.ts.
// Plan never changes anything in Cognito.

import { attributePath, errorDiag, warningDiag, type Diagnostic } from '../framework/diagnostics';
import type { PlanRequest, PlanResult, RequestContext } from '../framework/provider';
import { knownString, UNKNOWN, type ObjectValue } from '../framework/values';
import type { CognitoClients } from './clients';
import { planCreate } from './merged-identity-plan-create';
import { decodePrivate, encodePrivate } from './merged-identity-private';
import { KEY_ATTRIBUTES, knownKey, sameValue } from './merged-identity-state';
import { formatResourceId } from './resource-id';
import { onDestroyOf } from './validation';

/** Attributes that change in place: they live in state alone. */
const IN_PLACE = ['on_destroy', 'allow_moving_unnamed_logins'] as const;

export async function planMergedIdentity(clients: CognitoClients, req: PlanRequest, ctx: RequestContext): Promise<PlanResult> {
  if (req.proposedNewState === null || req.config === null) {
    return planDestroy(req.priorState);
  }
  if (req.priorState === null)
    return planCreateOrReplacement(clients, { config: req.config, proposed: req.proposedNewState, priorPrivate: req.priorPrivate }, ctx);
  return planUpdate(req.priorState, req.config, req.proposedNewState, req.priorPrivate);
}

/** What a plan with no prior state reads from the request. */
interface CreatePlanInput {
  config: ObjectValue;
  proposed: ObjectValue;
  priorPrivate: Uint8Array;
}

/**
 * When core forces a replacement (-replace=ADDR), it plans the new object with
 * no prior state but with the private data of its update plan, where
 * planUpdate left what the old merge needs. An error here fails the plan; a
 * warning core drops (it expects the first call to have made it), so the
 * destroy half of the replacement gives it at apply, once: core hands it the
 * private data of this call.
 */
async function planCreateOrReplacement(clients: CognitoClients, { config, proposed, priorPrivate }: CreatePlanInput, ctx: RequestContext): Promise<PlanResult> {
  const replaced = decodePrivate(priorPrivate).replaces;
  if (replaced?.onDestroy === 'error') {
    return { plannedState: proposed, diagnostics: [replaceRefusedDiagnostic(['-replace'], replaced.merge)] };
  }
  const result = await planCreate(clients, config, proposed, ctx);
  if (!replaced || !result.plannedPrivate) return result;
  return { ...result, plannedPrivate: encodePrivate({ ...decodePrivate(result.plannedPrivate), replaces: replaced }) };
}

function planDestroy(prior: ObjectValue | null): PlanResult {
  if (prior === null) return { plannedState: null, diagnostics: [] };
  if (onDestroyOf(prior) === 'error') {
    return { plannedState: null, diagnostics: [destroyRefusedDiagnostic(prior)] };
  }
  return { plannedState: null, diagnostics: [destroyWarning(prior)] };
}

export function destroyRefusedDiagnostic(prior: ObjectValue): Diagnostic {
  return errorDiag(
    'Merge is protected by on_destroy = "error"',
    `Destroying this resource would not undo the merge of ${describe(prior)}, and on_destroy = "error" forbids removing it. ` +
      'To remove it from Terraform, set on_destroy = "warn" and apply, then destroy; or run `terraform state rm` on it.',
    'on_destroy',
  );
}

export function replacementWarning(merge: string): Diagnostic {
  return warningDiag(
    'The merge stays in Cognito',
    `Replacing this resource does not undo the old merge: ${merge} stay merged in Cognito. Terraform only forgets it and plans the new merge.`,
  );
}

function destroyWarning(prior: ObjectValue): Diagnostic {
  return warningDiag(
    'The merge stays in Cognito',
    `A merge cannot be undone. Destroying this resource only makes Terraform forget it: ${describe(prior)} stay merged in Cognito.`,
  );
}

function describe(prior: ObjectValue): string {
  const src = knownString(prior, 'source_user_identifier') ?? '?';
  const dst = knownString(prior, 'destination_user_identifier') ?? '?';
  return `developer users "${src.slice(0, 80)}" and "${dst.slice(0, 80)}"`;
}

function planUpdate(prior: ObjectValue, config: ObjectValue, proposed: ObjectValue, priorPrivate: Uint8Array): PlanResult {
  const changed = KEY_ATTRIBUTES.filter((name) => !sameValue(config[name], prior[name]));
  if (changed.length > 0) {
    // A different merge: core destroys this one (which only forgets it) and plans a create.
    const diagnostics = onDestroyOf(prior) === 'error' ? [replaceRefusedDiagnostic(changed, describe(prior))] : [replacementWarning(describe(prior))];
    const key = knownKey(config);
    return {
      plannedState: {
        ...proposed,
        id: key ? formatResourceId(key) : UNKNOWN,
        identity_id: UNKNOWN,
        developer_user_identifiers: UNKNOWN,
        moving_users: UNKNOWN,
        moving_public_logins: UNKNOWN,
      },
      requiresReplace: changed.map((name) => attributePath(name)),
      diagnostics,
    };
  }
  // Core passes this to its second plan call if it forces a replacement (planCreateOrReplacement).
  const plannedPrivate = encodePrivate({ ...decodePrivate(priorPrivate), replaces: { onDestroy: onDestroyOf(prior), merge: describe(prior) } });
  const updated = IN_PLACE.filter((name) => !sameValue(config[name], prior[name] ?? null));
  if (updated.length > 0) {
    const plannedState = { ...prior };
    for (const name of updated) plannedState[name] = config[name] ?? null;
    return { plannedState, plannedPrivate, diagnostics: [] };
  }
  return { plannedState: prior, plannedPrivate, diagnostics: [] };
}

function replaceRefusedDiagnostic(changed: readonly string[], merge: string): Diagnostic {
  const cause = changed[0] === '-replace' ? '`terraform plan -replace`' : `Changing ${changed.map((c) => `\`${c}\``).join(', ')}`;
  return errorDiag(
    'Change needs a new merge, but on_destroy = "error"',
    `${cause} replaces this resource, which first removes the old merge of ${merge} from Terraform, and on_destroy = "error" forbids that. ` +
      'Set on_destroy = "warn" and apply first, or move the old merge out of state with `terraform state rm`.',
    'on_destroy',
  );
}
