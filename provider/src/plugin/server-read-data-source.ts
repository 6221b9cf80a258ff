// ReadDataSource: the provider logic reads a data source from a wholly known config.

import { errorDiag } from '../framework/diagnostics';
import type { MessageInit, ReadDataSourceRequest, ReadDataSourceResponse } from './proto-types';
import { guard } from './server-guard';
import { DATA_SOURCE_KIND, lookupType, requireClient, type ServerState } from './server-state';
import { decodeObject, DiagnosticError, encodeObject } from './value-codec';

export function readDataSource<C>(server: ServerState<C>, req: ReadDataSourceRequest): Promise<MessageInit<ReadDataSourceResponse>> {
  return guard(server, 'ReadDataSource', { tf_data_source_type: req.type_name }, async (ctx) => {
    const dataSource = lookupType(server.def.dataSources, req.type_name, DATA_SOURCE_KIND);
    const client = requireClient(server);
    const config = decodeObject(req.config, dataSource.schema, `configuration of data source ${req.type_name}`);
    if (config === null) throw new DiagnosticError(errorDiag('Missing data source configuration', `Terraform sent no configuration for ${req.type_name}.`));
    const result = await dataSource.read(client, config, ctx);
    return { state: encodeObject(result.state, dataSource.schema, 'data source state'), diagnostics: result.diagnostics };
  });
}
