// An identity pool lives in the Region its id starts with. A provider Region
// that differs sends every call to the wrong Region, where Cognito answers
// "not found"; this check says so before any call.

import { errorDiag, type Diagnostic } from '../framework/diagnostics';
import type { ProviderSettings } from './provider-config';

export class RegionMismatchError extends Error {
  override readonly name = 'RegionMismatchError';
  constructor(
    readonly poolId: string,
    readonly poolRegion: string,
    readonly region: string,
    readonly source: string,
  ) {
    super(`identity pool ${poolId} is in ${poolRegion}, not ${region}`);
  }
}

/** The pool id's Region prefix, when it has one. */
export function poolRegion(poolId: string): string | undefined {
  const prefix = poolId.split(':')[0] ?? '';
  return poolId.includes(':') && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(prefix) ? prefix : undefined;
}

export function regionMismatch(settings: ProviderSettings, poolId: string): RegionMismatchError | undefined {
  const inId = poolRegion(poolId);
  if (!settings.region || !inId || inId === settings.region) return undefined;
  return new RegionMismatchError(poolId, inId, settings.region, settings.regionSource ?? 'the provider configuration');
}

export function regionMismatchDiagnostic(err: RegionMismatchError): Diagnostic {
  return errorDiag(
    'Identity pool is in another Region',
    `The identity pool "${err.poolId}" is in Region ${err.poolRegion} (the prefix of its id), but the provider uses Region ${err.region} (from ${err.source}), where Cognito would not find it. Set \`region = "${err.poolRegion}"\`, or leave \`region\` (and AWS_REGION/AWS_DEFAULT_REGION) unset so each pool's own Region is used.`,
    'identity_pool_id',
  );
}
