// Attribute rules, checked before any API call. They mirror Cognito's own
// constraints so a typo is reported against the attribute at validate time
// rather than as a service error at apply. Unknown values are skipped.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import { isUnknown, knownString, type ObjectValue } from '../framework/values';

export interface StringRule {
  min: number;
  max: number;
  pattern?: RegExp;
  /** How the pattern reads in a message. */
  patternText?: string;
}

/** REGION:GUID, the form of identity pool and identity ids. */
export const POOL_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
export const POOL_ID_RULE: StringRule = { min: 1, max: 55, pattern: POOL_ID_PATTERN, patternText: '[\\w-]+:[0-9a-f-]+ (REGION:GUID)' };
const IDENTITY_ID_RULE: StringRule = POOL_ID_RULE;
export const PROVIDER_NAME_RULE: StringRule = { min: 1, max: 128, pattern: /^[\w._-]+$/, patternText: '[\\w._-]+' };
export const USER_ID_RULE: StringRule = { min: 1, max: 1024 };
export const ON_DESTROY_VALUES = ['warn', 'error'] as const;
export type OnDestroy = (typeof ON_DESTROY_VALUES)[number];

/** A value short enough to quote; long ones are described by their length only. */
function showValue(value: string): string {
  const chars = [...value].length;
  return chars <= 80 ? `"${value}" (${chars} characters)` : `a value of ${chars} characters`;
}

/** Checks one string attribute; null and unknown pass (required-ness is core's job). */
export function checkString(obj: ObjectValue, name: string, rule: StringRule): Diagnostic[] {
  const v = knownString(obj, name);
  if (v === undefined) return [];
  // Cognito counts characters (code points), not UTF-16 units.
  const chars = [...v].length;
  if (chars < rule.min || chars > rule.max) {
    return [errorDiag(`Invalid ${name}`, `\`${name}\` must be ${rule.min} to ${rule.max} characters long; got ${showValue(v)}.`, name)];
  }
  if (rule.pattern && !rule.pattern.test(v)) {
    return [errorDiag(`Invalid ${name}`, `\`${name}\` must match the pattern ${rule.patternText ?? rule.pattern.source}; got ${showValue(v)}.`, name)];
  }
  return [];
}

function checkOnDestroy(obj: ObjectValue): Diagnostic[] {
  const v = knownString(obj, 'on_destroy');
  if (v === undefined || (ON_DESTROY_VALUES as readonly string[]).includes(v)) return [];
  return [errorDiag('Invalid on_destroy', `\`on_destroy\` must be "warn" or "error"; got ${showValue(v)}.`, 'on_destroy')];
}

export function validateMergedIdentityConfig(config: ObjectValue): Diagnostic[] {
  const diags = [
    ...checkString(config, 'identity_pool_id', POOL_ID_RULE),
    ...checkString(config, 'developer_provider_name', PROVIDER_NAME_RULE),
    ...checkString(config, 'source_user_identifier', USER_ID_RULE),
    ...checkString(config, 'destination_user_identifier', USER_ID_RULE),
    ...checkOnDestroy(config),
  ];
  const src = knownString(config, 'source_user_identifier');
  const dst = knownString(config, 'destination_user_identifier');
  if (src !== undefined && src === dst) {
    diags.push(
      errorDiag(
        'Source and destination are the same user',
        `\`source_user_identifier\` and \`destination_user_identifier\` must name two different developer users; both are ${showValue(src)}.`,
        'source_user_identifier',
      ),
    );
  }
  return diags;
}

export function validateDeveloperIdentityConfig(config: ObjectValue): Diagnostic[] {
  return [
    ...checkString(config, 'identity_pool_id', POOL_ID_RULE),
    ...checkString(config, 'developer_user_identifier', USER_ID_RULE),
    ...checkString(config, 'identity_id', IDENTITY_ID_RULE),
    ...lookupKeyProblems(config),
  ];
}

/**
 * Exactly one lookup key. Null is unset; an unknown value (a variable during
 * validate) may still turn out null, so it defers the check to plan or read.
 */
function lookupKeyProblems(config: ObjectValue): Diagnostic[] {
  const state = (name: string) => (isUnknown(config[name]) ? 'unknown' : config[name] == null ? 'unset' : 'set');
  const user = state('developer_user_identifier');
  const identity = state('identity_id');
  if (user === 'set' && identity === 'set') {
    return [errorDiag('Conflicting lookup keys', 'Set exactly one of `developer_user_identifier` or `identity_id`; both are set.', 'identity_id')];
  }
  if (user === 'unset' && identity === 'unset') {
    return [errorDiag('Missing lookup key', 'Set exactly one of `developer_user_identifier` or `identity_id`; neither is set.', 'developer_user_identifier')];
  }
  return [];
}

export function onDestroyOf(obj: ObjectValue): OnDestroy {
  return obj['on_destroy'] === 'error' ? 'error' : 'warn';
}

/** Identities with at least this many developer users hold a merge. */
export const DEFAULT_MIN_DEVELOPER_USERS = 2;
const MAX_MIN_DEVELOPER_USERS = 10_000;

export function validateMergedIdentitiesConfig(config: ObjectValue): Diagnostic[] {
  const diags = [...checkString(config, 'identity_pool_id', POOL_ID_RULE), ...checkString(config, 'developer_provider_name', PROVIDER_NAME_RULE)];
  const min = config['min_developer_users'];
  const whole = typeof min === 'number' && Number.isInteger(min) && min >= 1 && min <= MAX_MIN_DEVELOPER_USERS;
  if (min !== null && min !== undefined && !isUnknown(min) && !whole) {
    diags.push(
      errorDiag(
        'Invalid min_developer_users',
        `\`min_developer_users\` must be a whole number from 1 to ${MAX_MIN_DEVELOPER_USERS}; got ${String(min)}.`,
        'min_developer_users',
      ),
    );
  }
  return diags;
}
