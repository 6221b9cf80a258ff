// ConfigureProvider: the provider logic builds its client from the provider
// block. Only a configuration without errors makes the server configured.

import { hasErrors } from '../framework/diagnostics';
import type { ConfigureProviderRequest, ConfigureProviderResponse, MessageInit } from './proto-types';
import { guard } from './server-guard';
import type { ServerState } from './server-state';
import { decodeObject, nullObject } from './value-codec';

export function configureProvider<C>(server: ServerState<C>, req: ConfigureProviderRequest): Promise<MessageInit<ConfigureProviderResponse>> {
  return guard(server, 'ConfigureProvider', {}, async (ctx) => {
    const { def } = server;
    const config = decodeObject(req.config, def.schema, 'provider configuration') ?? nullObject(def.schema.block);
    const result = await def.configure(config, req.terraform_version, ctx);
    // `client` is optional for the error case; a success without one is passed on as before (a C that allows undefined).
    if (!hasErrors(result.diagnostics)) server.client = { kind: 'configured', client: result.client as C };
    return { diagnostics: result.diagnostics };
  });
}
