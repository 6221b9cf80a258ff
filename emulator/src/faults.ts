/**
 * Fault injection: per-operation token-bucket rate limits, latency, random internal errors and
 * dropped connections, and scripted rules that fire a fixed number of times.
 */
import { isJsonObject } from './validation';
import type { FaultConfig, FaultRule } from './types';

export type FaultKind = FaultRule['kind'];

const KINDS: readonly FaultKind[] = ['internal-error', 'throttle', 'drop'];

/** The fact sheet's published RPS quotas, plus 5 RPS (our assumption) where none is published. */
export function quotaPreset(): FaultConfig {
  return {
    rateLimits: {
      GetId: 25,
      GetOpenIdToken: 200,
      GetCredentialsForIdentity: 200,
      GetOpenIdTokenForDeveloperIdentity: 50,
      ListIdentities: 5,
      DeleteIdentities: 10,
      TagResource: 5,
      UntagResource: 5,
      ListTagsForResource: 10,
      MergeDeveloperIdentities: 5,
      LookupDeveloperIdentity: 5,
      UnlinkDeveloperIdentity: 5,
      DescribeIdentity: 5,
    },
  };
}

export class FaultConfigError extends Error {}

/** The allowed range of a number; `minExclusive`: the number must be greater than `min`. */
interface NumberRange {
  min: number;
  max: number;
  minExclusive?: boolean;
}

function numberIn(value: unknown, field: string, { min, max, minExclusive = false }: NumberRange): number {
  const tooLow = typeof value === 'number' && (minExclusive ? value <= min : value < min);
  if (typeof value !== 'number' || !Number.isFinite(value) || value > max || tooLow) {
    const range = minExclusive ? `greater than ${min}` : max === Infinity ? `of at least ${min}` : `between ${min} and ${max}`;
    throw new FaultConfigError(`${field} must be a number ${range}.`);
  }
  return value;
}

function numberMap(value: unknown, field: string, check: (v: unknown, f: string) => number): { [op: string]: number } {
  if (!isJsonObject(value)) throw new FaultConfigError(`${field} must be an object of operation name to number.`);
  const out: { [op: string]: number } = {};
  for (const [op, v] of Object.entries(value)) out[op] = check(v, `${field}.${op}`);
  return out;
}

/** Checks an untrusted FaultConfig (admin endpoint, CLI, options); messages name the field. */
export function parseFaultConfig(value: unknown): FaultConfig {
  if (!isJsonObject(value)) throw new FaultConfigError('The fault configuration must be a JSON object.');
  const known = ['rateLimits', 'latencyMs', 'internalErrorRate', 'dropConnectionRate', 'rules'];
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new FaultConfigError(`Unknown fault setting '${key}' (expected one of ${known.join(', ')}).`);
  }
  const config: FaultConfig = {};
  const positive = (v: unknown, f: string): number => numberIn(v, f, { min: 0, max: Infinity, minExclusive: true });
  const nonNegative = (v: unknown, f: string): number => numberIn(v, f, { min: 0, max: Infinity });
  if (value.rateLimits !== undefined) config.rateLimits = numberMap(value.rateLimits, 'rateLimits', positive);
  if (value.latencyMs !== undefined) {
    config.latencyMs = typeof value.latencyMs === 'number' ? nonNegative(value.latencyMs, 'latencyMs') : numberMap(value.latencyMs, 'latencyMs', nonNegative);
  }
  if (value.internalErrorRate !== undefined) config.internalErrorRate = numberIn(value.internalErrorRate, 'internalErrorRate', { min: 0, max: 1 });
  if (value.dropConnectionRate !== undefined) config.dropConnectionRate = numberIn(value.dropConnectionRate, 'dropConnectionRate', { min: 0, max: 1 });
  if (value.rules !== undefined) {
    if (!Array.isArray(value.rules)) throw new FaultConfigError('rules must be a list of fault rules.');
    config.rules = value.rules.map((rule: unknown, i: number): FaultRule => {
      const at = `rules[${i}]`;
      if (!isJsonObject(rule)) throw new FaultConfigError(`${at} must be an object.`);
      if (typeof rule.operation !== 'string' || rule.operation === '') throw new FaultConfigError(`${at}.operation must be an operation name.`);
      if (!KINDS.includes(rule.kind as FaultKind)) throw new FaultConfigError(`${at}.kind must be one of ${KINDS.join(', ')}.`);
      if (rule.phase !== undefined && rule.phase !== 'before' && rule.phase !== 'after') {
        throw new FaultConfigError(`${at}.phase must be 'before' or 'after'.`);
      }
      if (rule.count !== undefined && (!Number.isInteger(rule.count) || (rule.count as number) < 1)) {
        throw new FaultConfigError(`${at}.count must be a positive integer.`);
      }
      return {
        operation: rule.operation,
        kind: rule.kind as FaultKind,
        phase: rule.phase ?? 'before',
        count: (rule.count as number | undefined) ?? 1,
      };
    });
  }
  return config;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class FaultController {
  private config: FaultConfig = {};
  /** Rules with their remaining counts; a rule is dropped once spent. */
  private rules: Required<FaultRule>[] = [];
  private buckets = new Map<string, Bucket>();

  constructor(
    config: FaultConfig = {},
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    this.set(config);
  }

  set(config: FaultConfig): void {
    this.config = parseFaultConfig(config);
    this.rules = (this.config.rules ?? []).map((r) => ({ phase: 'before', count: 1, ...r }));
    this.buckets.clear();
  }

  /** The configuration with the rules' remaining counts. */
  current(): FaultConfig {
    const { rules: _spent, ...rest } = this.config;
    return this.rules.length > 0 ? { ...rest, rules: this.rules.map((r) => ({ ...r })) } : rest;
  }

  /** Takes a token from the operation's bucket; false means "throttle this call". */
  admit(operation: string): boolean {
    const rps = this.config.rateLimits?.[operation];
    if (rps === undefined) return true;
    const capacity = Math.max(1, rps);
    const now = this.now();
    const bucket = this.buckets.get(operation) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rps);
    bucket.updatedAt = now;
    this.buckets.set(operation, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  latencyMs(operation: string): number {
    const latency = this.config.latencyMs;
    if (latency === undefined) return 0;
    return typeof latency === 'number' ? latency : (latency[operation] ?? 0);
  }

  /** A fault to answer instead of running the operation, if any. */
  before(operation: string): FaultKind | undefined {
    const scripted = this.take(operation, 'before');
    if (scripted) return scripted;
    if (this.random() < (this.config.dropConnectionRate ?? 0)) return 'drop';
    if (this.random() < (this.config.internalErrorRate ?? 0)) return 'internal-error';
    return undefined;
  }

  /** A fault to answer after the operation's effect is committed, if any. */
  after(operation: string): FaultKind | undefined {
    return this.take(operation, 'after');
  }

  private take(operation: string, phase: 'before' | 'after'): FaultKind | undefined {
    const rule = this.rules.find((r) => r.phase === phase && (r.operation === operation || r.operation === '*'));
    if (!rule) return undefined;
    rule.count -= 1;
    if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.kind;
  }
}
