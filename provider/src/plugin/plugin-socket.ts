// The unix socket Terraform dials, bound before the gRPC server exists.
//
// Why bind first: go-plugin's client reads the handshake line and then dials
// and waits for the TLS handshake, so everything the gRPC server needs
// (grpc-js, the proto descriptors, TLS with Node's root store) can load after
// the line is printed instead of before it. A connection that arrives in
// between is held here, with whatever bytes it already sent (TLS and HTTP/2
// both replay a socket's buffered data), and handed over once serving starts.

import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Linux limits unix socket paths to 108 bytes (sun_path), including the NUL. */
const MAX_SOCKET_PATH = 100;

export interface PluginSocket {
  readonly socketPath: string;
  /** Hands every held connection, and every later one, to `serve`. */
  serveWith(serve: (connection: net.Socket) => void): void;
  /** Stops listening, drops held connections and removes the socket directory. Safe to call twice. */
  close(): void;
}

/** A fresh 0700 directory for the socket; PLUGIN_UNIX_SOCKET_DIR is honoured like go-plugin does. */
function socketDirectory(env: NodeJS.ProcessEnv): string {
  const bases = [env.PLUGIN_UNIX_SOCKET_DIR, os.tmpdir(), '/tmp'].filter((b): b is string => !!b);
  for (const base of bases) {
    const dir = mkdtempSync(path.join(base, 'tfp-'));
    if (path.join(dir, 'plugin.sock').length <= MAX_SOCKET_PATH) return dir;
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('no temporary directory gives a unix socket path short enough (<= 100 bytes)');
}

export async function listenPluginSocket(env: NodeJS.ProcessEnv): Promise<PluginSocket> {
  const dir = socketDirectory(env);
  const socketPath = path.join(dir, 'plugin.sock');
  const held: net.Socket[] = [];
  let serve: ((connection: net.Socket) => void) | undefined;
  const server = net.createServer((connection) => {
    if (serve) return serve(connection);
    held.push(connection);
    // A client that gives up while we load must not leave an error unhandled.
    connection.on('error', () => connection.destroy());
  });
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    server.close();
    for (const connection of held.splice(0)) connection.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    close();
    throw new Error(`cannot listen on ${socketPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    socketPath,
    serveWith(handler) {
      serve = handler;
      for (const connection of held.splice(0)) handler(connection);
    },
    close,
  };
}
