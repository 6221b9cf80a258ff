// provider::cognitoidentity::merged_identity_id(pool, provider, source, destination):
// the import id of a cognitoidentity_merged_identity, escaped as
// resource-id.ts documents, so `import` blocks with for_each never build ids by hand.
// parse_merged_identity_id(id) goes the other way, for ids kept elsewhere.

import type { FunctionDefinition, FunctionResult } from '../framework/functions';
import { formatResourceId, parseResourceId } from './resource-id';
import { POOL_ID_PATTERN } from './validation';

const PARAMETERS = [
  { name: 'identity_pool_id', type: 'string', description: 'The identity pool, e.g. us-east-1:0f3a7c2e-5b1d-4e8f-9a60-7c2d1e4b8f90.' },
  { name: 'developer_provider_name', type: 'string', description: "The pool's developer provider name." },
  { name: 'source_user_identifier', type: 'string', description: 'The developer user that was merged.' },
  { name: 'destination_user_identifier', type: 'string', description: 'The developer user it was merged into.' },
] as const;

function mergedIdentityId(args: readonly unknown[]): FunctionResult {
  const parts: string[] = [];
  for (const [i, p] of PARAMETERS.entries()) {
    const value = args[i];
    if (typeof value !== 'string' || value === '') {
      return { ok: false, error: { argument: i, text: `${p.name} must be a non-empty string` } };
    }
    parts.push(value);
  }
  if (!POOL_ID_PATTERN.test(parts[0] ?? '')) {
    return { ok: false, error: { argument: 0, text: `identity_pool_id ${JSON.stringify(parts[0])} is not of the form REGION:GUID` } };
  }
  const [identityPoolId = '', developerProviderName = '', sourceUserIdentifier = '', destinationUserIdentifier = ''] = parts;
  return { ok: true, value: formatResourceId({ identityPoolId, developerProviderName, sourceUserIdentifier, destinationUserIdentifier }) };
}

function parseMergedIdentityId(args: readonly unknown[]): FunctionResult {
  const id = args[0];
  if (typeof id !== 'string') return { ok: false, error: { argument: 0, text: 'id must be a string' } };
  const parsed = parseResourceId(id);
  if (!parsed.ok) return { ok: false, error: { argument: 0, text: `id is not a merged identity import id: ${parsed.problem}` } };
  const { identityPoolId, developerProviderName, sourceUserIdentifier, destinationUserIdentifier } = parsed.key;
  return {
    ok: true,
    value: {
      identity_pool_id: identityPoolId,
      developer_provider_name: developerProviderName,
      source_user_identifier: sourceUserIdentifier,
      destination_user_identifier: destinationUserIdentifier,
    },
  };
}

export const cognitoFunctions: { [name: string]: FunctionDefinition } = {
  merged_identity_id: {
    summary: 'The import id of a cognitoidentity_merged_identity',
    description: 'Joins the four parts with commas, writing % as %25 and , as %2C inside each part, exactly as terraform import and import blocks expect.',
    parameters: PARAMETERS,
    returnType: 'string',
    call: mergedIdentityId,
  },
  parse_merged_identity_id: {
    summary: 'The four parts of a cognitoidentity_merged_identity import id',
    description:
      'Splits an import id made by merged_identity_id (or by hand) into identity_pool_id, developer_provider_name, source_user_identifier and destination_user_identifier, undoing the %25 and %2C escapes.',
    parameters: [
      { name: 'id', type: 'string', description: 'An import id: identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier.' },
    ],
    returnType: [
      'object',
      { identity_pool_id: 'string', developer_provider_name: 'string', source_user_identifier: 'string', destination_user_identifier: 'string' },
    ],
    call: parseMergedIdentityId,
  },
};
