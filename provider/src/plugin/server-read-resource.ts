// ReadResource: refresh one resource's state through the provider logic.

import type { MessageInit, ReadResourceRequest, ReadResourceResponse } from './proto-types';
import { guard } from './server-guard';
import { lookupType, requireClient, RESOURCE_KIND, type ServerState } from './server-state';
import { decodeObject, encodeObject } from './value-codec';

export function readResource<C>(server: ServerState<C>, req: ReadResourceRequest): Promise<MessageInit<ReadResourceResponse>> {
  return guard(server, 'ReadResource', { tf_resource_type: req.type_name }, async (ctx) => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    const client = requireClient(server);
    const currentState = decodeObject(req.current_state, resource.schema, 'current state');
    if (currentState === null) {
      // Nothing to refresh: keep it absent.
      return { new_state: encodeObject(null, resource.schema, 'new state'), diagnostics: [] };
    }
    const result = await resource.read(client, { currentState, private: req.private ?? new Uint8Array() }, ctx);
    return {
      new_state: encodeObject(result.newState, resource.schema, 'new state'),
      private: Buffer.from(result.private ?? req.private ?? new Uint8Array()),
      diagnostics: result.diagnostics,
    };
  });
}
