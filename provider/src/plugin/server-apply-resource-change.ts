// ApplyResourceChange: the provider logic carries out a planned change.

import type { MessageInit, ApplyResourceChangeRequest, ApplyResourceChangeResponse } from './proto-types';
import { guard } from './server-guard';
import { lookupType, requireClient, RESOURCE_KIND, type ServerState } from './server-state';
import { decodeObject, encodeObject } from './value-codec';

export function applyResourceChange<C>(server: ServerState<C>, req: ApplyResourceChangeRequest): Promise<MessageInit<ApplyResourceChangeResponse>> {
  return guard(server, 'ApplyResourceChange', { tf_resource_type: req.type_name }, async (ctx) => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    const client = requireClient(server);
    const result = await resource.apply(
      client,
      {
        priorState: decodeObject(req.prior_state, resource.schema, 'prior state'),
        plannedState: decodeObject(req.planned_state, resource.schema, 'planned state'),
        config: decodeObject(req.config, resource.schema, `configuration of ${req.type_name}`),
        plannedPrivate: req.planned_private ?? new Uint8Array(),
      },
      ctx,
    );
    // A null new state with errors tells core to keep the prior state.
    return {
      new_state: encodeObject(result.newState, resource.schema, 'new state'),
      private: Buffer.from(result.private ?? req.planned_private ?? new Uint8Array()),
      diagnostics: result.diagnostics,
    };
  });
}
