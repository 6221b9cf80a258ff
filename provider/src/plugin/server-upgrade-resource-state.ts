// UpgradeResourceState: stored state (raw JSON, any earlier schema version)
// to the current schema, by the resource's own upgrade.

import { hasErrors } from '../framework/diagnostics';
import type { MessageInit, UpgradeResourceStateRequest, UpgradeResourceStateResponse } from './proto-types';
import { guard } from './server-guard';
import { lookupType, RESOURCE_KIND, type ServerState } from './server-state';
import { conformObject, encodeObject, parseRawState } from './value-codec';

export function upgradeResourceState<C>(server: ServerState<C>, req: UpgradeResourceStateRequest): Promise<MessageInit<UpgradeResourceStateResponse>> {
  return guard(server, 'UpgradeResourceState', { tf_resource_type: req.type_name }, async () => {
    const resource = lookupType(server.def.resources, req.type_name, RESOURCE_KIND);
    const raw = parseRawState(req);
    const result = resource.upgradeState(req.version, raw);
    if (result.state === null || hasErrors(result.diagnostics)) {
      return { diagnostics: result.diagnostics };
    }
    const state = conformObject(server.log, req.type_name, resource.schema.block, result.state);
    return { upgraded_state: encodeObject(state, resource.schema, 'upgraded state'), diagnostics: result.diagnostics };
  });
}
