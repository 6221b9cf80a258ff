// tfplugin6 messages through the serializers grpc-server.ts uses (proto-loader.ts),
// for tests of the plugin layer without gRPC: a request a test writes in part
// arrives as the provider would receive it, and a response reads as Terraform
// would receive it (every field present, defaults filled in).

import { loadPluginServices } from '../../provider/src/plugin/proto-loader';
import type { MessageInit, ProviderRpcs } from '../../provider/src/plugin/proto-types';
import { required } from './lists';

type Request<R extends keyof ProviderRpcs> = ProviderRpcs[R]['request'];
type Response<R extends keyof ProviderRpcs> = ProviderRpcs[R]['response'];

const methods = loadPluginServices().provider;

/** A response the provider built, as Terraform decodes it. */
export async function answer<R extends keyof ProviderRpcs>(rpc: R, sent: MessageInit<Response<R>> | Promise<MessageInit<Response<R>>>): Promise<Response<R>> {
  const method = required(methods[rpc], `the ${rpc} method`);
  return method.responseDeserialize(method.responseSerialize(await sent)) as Response<R>;
}

/** Calls `handler` with `init` as the provider receives it, and decodes the answer as Terraform would. */
export async function overWire<R extends keyof ProviderRpcs>(
  rpc: R,
  init: MessageInit<Request<R>>,
  handler: (request: Request<R>) => MessageInit<Response<R>> | Promise<MessageInit<Response<R>>>,
): Promise<Response<R>> {
  const method = required(methods[rpc], `the ${rpc} method`);
  const request = method.requestDeserialize(method.requestSerialize(init)) as Request<R>;
  return answer(rpc, handler(request));
}
