// The cognitoidentity_merged_identity resource type: validation and state
// upgrade here, plan/apply/read/import in their own modules.

import { errorDiag } from '../framework/diagnostics';
import type { ResourceType, UpgradeResult } from '../framework/provider';
import type { CtyValue, ObjectValue } from '../framework/values';
import type { CognitoClients } from './clients';
import { applyMergedIdentity } from './merged-identity-apply';
import { planMergedIdentity } from './merged-identity-plan';
import { importMergedIdentity, readMergedIdentity } from './merged-identity-read';
import { liftStopListenerLimit } from './request-context';
import { mergedIdentitySchema } from './schemas';
import { validateMergedIdentityConfig } from './validation';

/** Stored JSON attributes back into an object of the current schema (missing ones null). */
function upgradeFromJson(schemaAttributes: readonly string[], currentVersion: number, version: number, state: Record<string, unknown>): UpgradeResult {
  if (version > currentVersion) {
    return {
      state: null,
      diagnostics: [
        errorDiag(
          'State written by a newer provider',
          `The stored state has schema version ${version}, but this provider only knows up to ${currentVersion}. Upgrade the provider.`,
        ),
      ],
    };
  }
  const out: ObjectValue = {};
  for (const name of schemaAttributes) out[name] = toCty(state[name]);
  return { state: out, diagnostics: [] };
}

function toCty(v: unknown): CtyValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toCty);
  if (typeof v === 'object') {
    const o: { [k: string]: CtyValue } = {};
    for (const [k, x] of Object.entries(v)) o[k] = toCty(x);
    return o;
  }
  return null;
}

const ATTRIBUTES = Object.keys(mergedIdentitySchema.block.attributes);

export const mergedIdentityResource: ResourceType<CognitoClients> = {
  schema: mergedIdentitySchema,
  validate: (config) => ({ diagnostics: validateMergedIdentityConfig(config) }),
  upgradeState: (version, state) => upgradeFromJson(ATTRIBUTES, mergedIdentitySchema.version, version, state),
  plan: (clients, req, ctx) => planMergedIdentity(clients, req, liftStopListenerLimit(ctx)),
  apply: (clients, req, ctx) => applyMergedIdentity(clients, req, liftStopListenerLimit(ctx)),
  read: (clients, req, ctx) => readMergedIdentity(clients, req, liftStopListenerLimit(ctx)),
  importState: (clients, id, ctx) => importMergedIdentity(clients, id, liftStopListenerLimit(ctx)),
};
