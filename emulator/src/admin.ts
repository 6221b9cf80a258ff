/**
 * The emulator's own control endpoint (not part of the AWS API):
 *   GET/PUT /_emulator/faults    fault configuration (JSON FaultConfig)
 *   GET     /_emulator/stats     call counters (JSON EmulatorStats)
 *   POST    /_emulator/stats/reset
 *   POST    /_emulator/reset     wipe all pools and identities
 */
import type { IncomingMessage } from 'node:http';
import { ServiceError } from './errors';
import { FaultConfigError, parseFaultConfig } from './faults';
import { readBody, sendError, sendJson } from './http-io';
import type { Exchange, ServerDeps } from './server';

export const ADMIN_PREFIX = '/_emulator';

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const read = await readBody(req, maxBytes);
  if (read.kind !== 'ok') throw new ServiceError('InvalidFaultConfiguration', 'The request body is too large or was cut off.');
  try {
    return JSON.parse(read.body.toString('utf8'));
  } catch {
    throw new ServiceError('InvalidFaultConfiguration', 'The request body is not valid JSON.');
  }
}

/** Returns a one-line summary for the log. */
export async function handleAdmin({ req, res, requestId }: Exchange, path: string, deps: ServerDeps): Promise<string> {
  const route = `${req.method} ${path}`;
  switch (route) {
    case `GET ${ADMIN_PREFIX}/faults`:
      sendJson(res, 200, deps.faults.current(), requestId);
      break;
    case `PUT ${ADMIN_PREFIX}/faults`: {
      const body = await readJson(req, deps.maxBodyBytes);
      try {
        deps.faults.set(parseFaultConfig(body));
      } catch (err) {
        if (err instanceof FaultConfigError) throw new ServiceError('InvalidFaultConfiguration', err.message);
        throw err;
      }
      sendJson(res, 200, deps.faults.current(), requestId);
      break;
    }
    case `GET ${ADMIN_PREFIX}/stats`:
      sendJson(res, 200, deps.stats.snapshot(), requestId);
      break;
    case `POST ${ADMIN_PREFIX}/stats/reset`:
      req.resume();
      deps.stats.reset();
      sendJson(res, 200, {}, requestId);
      break;
    case `POST ${ADMIN_PREFIX}/reset`:
      req.resume();
      deps.store.clear();
      deps.onStateChanged();
      sendJson(res, 200, {}, requestId);
      break;
    default:
      req.resume();
      sendError(res, new ServiceError('NotFoundException', `No admin route for ${route}.`, 404), requestId);
  }
  return `admin ${route} ${res.statusCode}`;
}
