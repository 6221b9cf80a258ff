// ImportResourceState: the provider logic finds an existing object by its
// import id. Finding nothing without saying why is still reported.

import { errorDiag, hasErrors } from '../framework/diagnostics';
import type { MessageInit, ImportResourceStateRequest, ImportResourceStateResponse } from './proto-types';
import { guard } from './server-guard';
import { lookupType, requireClient, RESOURCE_KIND, type ServerState } from './server-state';
import { conformObject, encodeObject } from './value-codec';

export function importResourceState<C>(server: ServerState<C>, req: ImportResourceStateRequest): Promise<MessageInit<ImportResourceStateResponse>> {
  return guard(server, 'ImportResourceState', { tf_resource_type: req.type_name }, async (ctx) => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    const client = requireClient(server);
    const result = await resource.importState(client, req.id, ctx);
    if (result.state === null) {
      const diagnostics = hasErrors(result.diagnostics)
        ? result.diagnostics
        : [...result.diagnostics, errorDiag('Cannot import', `The provider found nothing to import for id "${req.id}".`)];
      return { imported_resources: [], diagnostics };
    }
    const state = conformObject(server.log, req.type_name, resource.schema.block, result.state);
    const imported = {
      type_name: req.type_name,
      state: encodeObject(state, resource.schema, 'imported state'),
      private: Buffer.from(result.private ?? new Uint8Array()),
    };
    return { imported_resources: [imported], diagnostics: result.diagnostics };
  });
}
