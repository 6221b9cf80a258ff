// The go-plugin services next to the provider: GRPCController (Shutdown),
// GRPCStdio, GRPCBroker and the gRPC health check.

import type { handleBidiStreamingCall, handleServerStreamingCall, handleUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from '../framework/provider';

type Empty = Record<string, never>;

/** Shutdown replies first, then lets `onShutdown` close the server and exit. */
export function controllerService(log: Logger, onShutdown: () => void): UntypedServiceImplementation {
  const Shutdown: handleUnaryCall<Empty, Empty> = (_call, callback) => {
    log.debug('GRPCController.Shutdown: exiting');
    callback(null, {});
    // Let the reply leave before the server goes down.
    setImmediate(onShutdown);
  };
  return { Shutdown };
}

/** Logs go straight to stderr, so there is nothing to forward: end the stream at once. */
export function stdioService(): UntypedServiceImplementation {
  const StreamStdio: handleServerStreamingCall<Empty, never> = (call) => {
    call.end();
  };
  return { StreamStdio };
}

/** Terraform providers never use the broker; hold the stream open until the client ends it. */
export function brokerService(): UntypedServiceImplementation {
  const StartStream: handleBidiStreamingCall<unknown, unknown> = (call) => {
    call.on('data', () => undefined);
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };
  return { StartStream };
}

export function healthService(): UntypedServiceImplementation {
  const Check: handleUnaryCall<{ service: string }, { status: string }> = (_call, callback) => {
    callback(null, { status: 'SERVING' });
  };
  return { Check };
}
