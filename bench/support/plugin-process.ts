// Starts a plugin executable the way Terraform's go-plugin client does and
// measures it: time from spawn to the handshake line on stdout, and the
// process's peak resident memory (VmHWM) read right after the handshake.
// The process is then stopped; nobody connects to it.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import { inheritedBasics } from '../../examples/demo/terraform-sandbox';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../provider/src/plugin/handshake';
import type { ClientCertificate } from '../../examples/demo/go-plugin-certificate';
import { call, connect, startPlugin } from '../../examples/demo/go-plugin-client';
import { nowMs } from './timing';

/** A failed launch never hangs the benchmark. */
const HANDSHAKE_TIMEOUT_MS = 60_000;

export interface LaunchMeasurement {
  /** Spawn to the complete first stdout line. */
  handshakeMs: number;
  /** Peak resident set size in KiB, from /proc/<pid>/status. */
  peakRssKiB: number;
  /** e.g. "1|6|unix|...|grpc|..." */
  handshakeLine: string;
  /** The measured process's name (from /proc): the launcher exec's node, so this is node, not sh. */
  processName: string;
}

/**
 * The environment go-plugin gives a plugin: the magic cookie, the protocol
 * versions Terraform speaks, the port range, and the AutoMTLS client certificate.
 * `tmpDir` is where the plugin puts its socket, so stopped plugins leave nothing elsewhere.
 */
export function pluginEnvironment(clientCertPem: string, tmpDir: string): NodeJS.ProcessEnv {
  return {
    ...inheritedBasics(),
    TMPDIR: tmpDir,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
    PLUGIN_CLIENT_CERT: clientCertPem,
  };
}

/** Name and VmHWM (peak resident set, KiB) of a live process. */
export function processPeak(pid: number): { name: string; peakRssKiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const peak = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!peak) throw new Error(`no VmHWM line in /proc/${pid}/status`);
  return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', peakRssKiB: Number(peak[1]) };
}

function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

/** Reads the live child's peak memory, then kills it; settles once it is gone. */
function measureThenStop(child: ChildProcess, handshakeMs: number, handshakeLine: string): Promise<LaunchMeasurement> {
  let peak: { name: string; peakRssKiB: number };
  try {
    peak = processPeak(child.pid as number);
  } catch (err) {
    return killAndWait(child).then(() => Promise.reject(err));
  }
  return killAndWait(child).then(() => ({ handshakeMs, peakRssKiB: peak.peakRssKiB, processName: peak.name, handshakeLine }));
}

/** Calls `onLine` with the stream's first complete line, again on every later chunk: the caller settles once. */
function onFirstLine(stream: Readable, onLine: (line: string) => void): void {
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    const newline = text.indexOf('\n');
    if (newline >= 0) onLine(text.slice(0, newline));
  });
}

/**
 * Executes `executable` (with no arguments, as Terraform does), waits for the
 * handshake line, measures, and stops the process before returning.
 */
export function measureLaunch(executable: string, env: NodeJS.ProcessEnv, args: readonly string[] = []): Promise<LaunchMeasurement> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(executable, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      outcome();
    };
    // The message is made once the child is gone, so it has the last of its stderr.
    const timedOut = (): Error => new Error(`${executable}: no handshake line within ${HANDSHAKE_TIMEOUT_MS / 1000} s; stderr: ${stderr.slice(-2000)}`);
    const guard = setTimeout(() => finish(() => void killAndWait(child).then(() => reject(timedOut()))), HANDSHAKE_TIMEOUT_MS);

    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    onFirstLine(child.stdout, (line) => {
      const handshakeMs = nowMs() - start;
      finish(() => void measureThenStop(child, handshakeMs, line).then(resolve, reject));
    });
    child.on('error', (err) => finish(() => reject(new Error(`cannot start ${executable}: ${err.message}`))));
    child.on('exit', (code, signal) =>
      finish(() => reject(new Error(`${executable} exited (${code ?? signal}) before its handshake; stderr: ${stderr.slice(-2000)}`))),
    );
  });
}

/**
 * Spawn to the first gRPC answer: the handshake, then a connection as
 * go-plugin makes it (mTLS with `clientCert`) and one health check, which a
 * plugin answers only once its gRPC server serves. This is the start-up a
 * Terraform command waits for; the handshake alone can come earlier.
 */
export async function measureFirstAnswer(executable: string, env: NodeJS.ProcessEnv, clientCert: ClientCertificate): Promise<number> {
  const start = nowMs();
  const plugin = await startPlugin(executable, [], env);
  try {
    const clients = connect(plugin.handshake, clientCert);
    try {
      await call(clients.health, 'Check', { service: 'plugin' });
    } finally {
      clients.close();
    }
    return nowMs() - start;
  } finally {
    plugin.child.kill('SIGKILL');
    await plugin.exited;
  }
}
