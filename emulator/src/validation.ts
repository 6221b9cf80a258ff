/**
 * Input validation against the service model's constraints (length, pattern, range, required).
 *
 * Wrong JSON types answer SerializationException (the request cannot be read as the shape);
 * constraint violations are collected and answered as one ValidationException in the
 * service's "N validation error(s) detected: ...; ..." style, member paths in lowerCamel.
 */
import { ServiceError } from './errors';

export type Rule =
  | { kind: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[]; sensitive?: boolean }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'list'; min?: number; max?: number; member: Rule }
  | { kind: 'map'; min?: number; max?: number; key: Rule; value: Rule }
  | { kind: 'structure'; members: Members }
  /** Accepted as any JSON value (shapes the emulator stores but does not interpret). */
  | { kind: 'document' };

export interface Member {
  rule: Rule;
  required?: boolean;
}

/** Keyed by the wire (PascalCase) member name. */
export type Members = { [wireName: string]: Member };

export type JsonObject = { [key: string]: unknown };

const REDACTED = '*** Sensitive Data Redacted ***';

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Renders a value the way the service's Java stack prints it in messages. */
function show(value: unknown, rule: Rule): string {
  if (rule.kind === 'string' && rule.sensitive) return REDACTED;
  if (rule.kind === 'map' && isJsonObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${k}=${show(v, rule.value)}`);
    return `{${entries.join(', ')}}`;
  }
  if (rule.kind === 'list' && Array.isArray(value)) {
    return `[${value.map((v) => show(v, rule.member)).join(', ')}]`;
  }
  return String(value);
}

function typeError(path: string, expected: string): ServiceError {
  return new ServiceError('SerializationException', `Expected ${expected} at '${path}'.`);
}

type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/** The length texts strings, lists and maps share, max before min. */
function lengthTexts(length: number, rule: { min?: number; max?: number }): string[] {
  const texts: string[] = [];
  if (rule.max !== undefined && length > rule.max) texts.push(`Member must have length less than or equal to ${rule.max}`);
  if (rule.min !== undefined && length < rule.min) texts.push(`Member must have length greater than or equal to ${rule.min}`);
  return texts;
}

function stringTexts(value: unknown, rule: RuleOf<'string'>, path: string): string[] {
  if (typeof value !== 'string') throw typeError(path, 'a string');
  const texts: string[] = [];
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    texts.push(`Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
  }
  // 'u': the model's patterns use Unicode classes such as \p{L} (ClaimName).
  if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) {
    texts.push(`Member must satisfy regular expression pattern: ${rule.pattern}`);
  }
  return [...texts, ...lengthTexts(value.length, rule)];
}

function integerTexts(value: unknown, rule: RuleOf<'integer'>, path: string): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(path, 'an integer');
  const texts: string[] = [];
  if (rule.max !== undefined && value > rule.max) texts.push(`Member must have value less than or equal to ${rule.max}`);
  if (rule.min !== undefined && value < rule.min) texts.push(`Member must have value greater than or equal to ${rule.min}`);
  return texts;
}

/** The list's own texts; its members' violations go to `violations` under their own paths. */
function listTexts(value: unknown, rule: RuleOf<'list'>, path: string, violations: string[]): string[] {
  if (!Array.isArray(value)) throw typeError(path, 'a list');
  const texts = lengthTexts(value.length, rule);
  value.forEach((item, i) => checkValue(item, rule.member, `${path}.${i + 1}.member`, violations));
  return texts;
}

/** A map's keys and values fail as the map itself ("Map keys must satisfy ..."), as the service reports them. */
function mapTexts(value: unknown, rule: RuleOf<'map'>, path: string, violations: string[]): string[] {
  if (!isJsonObject(value)) throw typeError(path, 'a map');
  const texts = lengthTexts(Object.keys(value).length, rule);
  for (const [key, item] of Object.entries(value)) {
    const keyTexts = constraintTexts(key, rule.key, `${path}.${key}`, violations);
    if (keyTexts.length > 0) texts.push(`Map keys must satisfy constraint: [${keyTexts.join(', ')}]`);
    if (item === null || item === undefined) continue;
    const valueTexts = constraintTexts(item, rule.value, `${path}.${key}`, violations);
    if (valueTexts.length > 0) texts.push(`Map value must satisfy constraint: [${valueTexts.join(', ')}]`);
  }
  return texts;
}

/** Checks of one value against its rule; returns the "Member must ..." texts, pushes nested members' violations. */
function constraintTexts(value: unknown, rule: Rule, path: string, violations: string[]): string[] {
  switch (rule.kind) {
    case 'string':
      return stringTexts(value, rule, path);
    case 'integer':
      return integerTexts(value, rule, path);
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(path, 'a boolean');
      return [];
    case 'document':
      return [];
    case 'list':
      return listTexts(value, rule, path, violations);
    case 'map':
      return mapTexts(value, rule, path, violations);
    case 'structure':
      if (!isJsonObject(value)) throw typeError(path, 'a structure');
      checkMembers(value, rule.members, `${path}.`, violations);
      return [];
  }
}

function checkValue(value: unknown, rule: Rule, path: string, violations: string[]): void {
  const texts = constraintTexts(value, rule, path, violations);
  for (const text of texts) {
    violations.push(`Value '${show(value, rule)}' at '${path}' failed to satisfy constraint: ${text}`);
  }
}

function checkMembers(input: JsonObject, members: Members, prefix: string, violations: string[]): void {
  for (const [wireName, member] of Object.entries(members)) {
    const path = prefix + lowerCamel(wireName);
    const value = input[wireName];
    if (value === undefined || value === null) {
      if (member.required) violations.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    checkValue(value, member.rule, path, violations);
  }
}

/** Throws SerializationException or ValidationException; returns normally when the input fits. */
export function validateInput(input: JsonObject, members: Members): void {
  const violations: string[] = [];
  checkMembers(input, members, '', violations);
  if (violations.length === 0) return;
  const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
  throw new ServiceError('ValidationException', `${count}: ${violations.join('; ')}`);
}
