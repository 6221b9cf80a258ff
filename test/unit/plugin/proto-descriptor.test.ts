// The provider loads provider/proto/plugin-descriptor.json, not the .proto
// text; this keeps the JSON in step with the .proto files (the source of truth).

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { loadPluginServices } from '../../../provider/src/plugin/proto-loader';
import { required } from '../../support/lists';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('precomputed protobuf descriptor', () => {
  test('matches the .proto files', () => {
    const script = path.join(REPO_ROOT, 'provider', 'scripts', 'proto-descriptor.js');
    const run = spawnSync(process.execPath, [script, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('gives grpc-js every service method with its path and streaming flags', () => {
    const services = loadPluginServices();
    expect(services.provider.GetProviderSchema).toMatchObject({
      path: '/tfplugin6.Provider/GetProviderSchema',
      requestStream: false,
      responseStream: false,
    });
    expect(services.stdio.StreamStdio).toMatchObject({ path: '/plugin.GRPCStdio/StreamStdio', responseStream: true });
    expect(services.broker.StartStream).toMatchObject({ requestStream: true, responseStream: true });
    expect(services.health.Check?.path).toBe('/grpc.health.v1.Health/Check');
    expect(Object.keys(services.controller)).toEqual(['Shutdown']);
  });

  test('messages round-trip the way the provider code reads them (defaults, enums as names, bytes as Buffer)', () => {
    const method = required(loadPluginServices().provider.ValidateResourceConfig, 'the ValidateResourceConfig method');
    const wire = method.responseSerialize({ diagnostics: [{ severity: 'ERROR', summary: 'bad', detail: '' }] });
    const back = method.responseDeserialize(wire) as { diagnostics: Array<Record<string, unknown>> };
    expect(back.diagnostics[0]).toMatchObject({ severity: 'ERROR', summary: 'bad', detail: '', attribute: null });
    const request = required(loadPluginServices().provider.ValidateResourceConfig, 'the ValidateResourceConfig method');
    const decoded = request.requestDeserialize(request.requestSerialize({ type_name: 'x', config: { msgpack: Buffer.from([0xc0]) } })) as {
      type_name: string;
      config: { msgpack: Buffer; json: Buffer };
    };
    expect(decoded.type_name).toBe('x');
    expect(Buffer.isBuffer(decoded.config.msgpack)).toBe(true);
    expect([...decoded.config.msgpack]).toEqual([0xc0]);
    expect(decoded.config.json).toHaveLength(0);
  });
});
