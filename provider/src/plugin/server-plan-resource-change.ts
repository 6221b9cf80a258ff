// PlanResourceChange: the provider logic's plan for create, update or destroy.

import { attributePathToProto } from './diagnostics-convert';
import type { MessageInit, PlanResourceChangeRequest, PlanResourceChangeResponse } from './proto-types';
import { guard } from './server-guard';
import { lookupType, requireClient, RESOURCE_KIND, type ServerState } from './server-state';
import { decodeObject, encodeObject } from './value-codec';

export function planResourceChange<C>(server: ServerState<C>, req: PlanResourceChangeRequest): Promise<MessageInit<PlanResourceChangeResponse>> {
  return guard(server, 'PlanResourceChange', { tf_resource_type: req.type_name }, async (ctx) => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    const client = requireClient(server);
    const result = await resource.plan(
      client,
      {
        priorState: decodeObject(req.prior_state, resource.schema, 'prior state'),
        proposedNewState: decodeObject(req.proposed_new_state, resource.schema, 'proposed new state'),
        config: decodeObject(req.config, resource.schema, `configuration of ${req.type_name}`),
        priorPrivate: req.prior_private ?? new Uint8Array(),
      },
      ctx,
    );
    return {
      planned_state: encodeObject(result.plannedState, resource.schema, 'planned state'),
      requires_replace: (result.requiresReplace ?? []).map(attributePathToProto),
      // Private data the logic did not replace is carried forward, as Terraform's own SDKs do.
      planned_private: Buffer.from(result.plannedPrivate ?? req.prior_private ?? new Uint8Array()),
      diagnostics: result.diagnostics,
    };
  });
}
