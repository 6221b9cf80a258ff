// hclog-compatible JSON logs on stderr. go-plugin reads the provider's stderr
// line by line and re-logs each JSON line at its @level, so these show up in
// Terraform's own log when TF_LOG / TF_LOG_PROVIDER is set.
//
// go-plugin type-asserts @level and @message as strings (anything else panics
// the client) and parses @timestamp with a 6-digit fraction, so both are fixed.

import type { Logger } from '../framework/provider';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

/** The module name Terraform shows next to our log lines. */
const PROVIDER_LOG_MODULE = 'provider';

export const REDACTED = '[REDACTED]';

/** Field names that hold credentials whatever their value. */
const SECRET_FIELD = /secret|token|password|passwd|key|authorization|credential/i;

const registeredSecrets = new Set<string>();

/**
 * Marks a value as secret: it is replaced by [REDACTED] wherever it appears in
 * a log line or an internal-error message. Empty strings are ignored.
 */
export function registerSecret(value: string): void {
  if (value.length > 0) registeredSecrets.add(value);
}

/** Replaces every registered secret inside `text`. */
export function redactText(text: string): string {
  let out = text;
  // Longest first, so a secret containing another is replaced whole.
  const secrets = [...registeredSecrets].sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** Deep copy of a log field value with secret-named fields and secret values redacted. */
function redactValue(value: unknown, seen: Set<unknown> = new Set()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, seen));
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_FIELD.test(k) && v !== null && v !== undefined ? REDACTED : redactValue(v, seen);
  }
  return out;
}

/**
 * The level chosen by TF_LOG_PROVIDER, else TF_LOG. Unset (or an unknown
 * word) means only warnings and errors are written.
 */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || '').trim().toUpperCase();
  switch (raw) {
    case 'TRACE':
    case 'JSON':
      return 'trace';
    case 'DEBUG':
      return 'debug';
    case 'INFO':
      return 'info';
    case 'ERROR':
      return 'error';
    default:
      return 'warn';
  }
}

/** hclog's timestamp layout: 2006-01-02T15:04:05.000000Z (microseconds, UTC). */
export function hclogTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** What one log line says. */
export interface LogRecord {
  level: LogLevel;
  module: string;
  message: string;
  fields?: Record<string, unknown>;
  now?: Date;
}

/** One log line as JSON (no trailing newline). Exported for tests. */
export function formatLogLine({ level, module, message, fields, now = new Date() }: LogRecord): string {
  const entry: Record<string, unknown> = {};
  if (fields) {
    const clean = redactValue(fields) as Record<string, unknown>;
    for (const [k, v] of Object.entries(clean)) {
      // The @-keys belong to hclog; a field may not overwrite them.
      if (!k.startsWith('@')) entry[k] = v;
    }
  }
  entry['@level'] = level;
  entry['@message'] = redactText(String(message));
  entry['@module'] = module;
  entry['@timestamp'] = hclogTimestamp(now);
  return JSON.stringify(entry);
}

export interface LoggerOptions {
  module?: string;
  level?: LogLevel;
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
}

export class HclogLogger implements Logger {
  readonly module: string;
  readonly level: LogLevel;
  private readonly write: (line: string) => void;

  constructor(options: LoggerOptions = {}) {
    this.module = options.module ?? PROVIDER_LOG_MODULE;
    this.level = options.level ?? levelFromEnv();
    this.write = options.write ?? ((line) => process.stderr.write(line));
  }

  enabled(level: LogLevel): boolean {
    return LEVEL_ORDER[level] >= LEVEL_ORDER[this.level];
  }

  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (!this.enabled(level)) return;
    this.write(formatLogLine({ level, module: this.module, message, fields }) + '\n');
  }

  trace(message: string, fields?: Record<string, unknown>): void {
    this.log('trace', message, fields);
  }
  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.log('error', message, fields);
  }

  /** A logger that adds `fields` to every line (e.g. the RPC name). */
  with(fields: Record<string, unknown>): Logger {
    return {
      trace: (m, f) => this.trace(m, { ...fields, ...f }),
      debug: (m, f) => this.debug(m, { ...fields, ...f }),
      info: (m, f) => this.info(m, { ...fields, ...f }),
      warn: (m, f) => this.warn(m, { ...fields, ...f }),
      error: (m, f) => this.error(m, { ...fields, ...f }),
    };
  }
}
