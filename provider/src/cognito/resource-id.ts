// The composite id of a cognitoidentity_merged_identity, also its import id:
// `identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier`.
// Developer user identifiers may hold any character, commas included, so
// inside each part `%` is written `%25` and `,` is written `%2C`.

export interface MergeKey {
  identityPoolId: string;
  developerProviderName: string;
  sourceUserIdentifier: string;
  destinationUserIdentifier: string;
}

export const RESOURCE_ID_FORMAT = 'identity_pool_id,developer_provider_name,source_user_identifier,destination_user_identifier';

function escapePart(part: string): string {
  // `%` first, so the `%` of `%2C` is not escaped again.
  return part.replace(/%/g, '%25').replace(/,/g, '%2C');
}

export function formatResourceId(key: MergeKey): string {
  return [key.identityPoolId, key.developerProviderName, key.sourceUserIdentifier, key.destinationUserIdentifier].map(escapePart).join(',');
}

export type ParseResult = { ok: true; key: MergeKey } | { ok: false; problem: string };

const PART_NAMES = ['identity_pool_id', 'developer_provider_name', 'source_user_identifier', 'destination_user_identifier'];

function unescapePart(part: string, name: string): { ok: true; value: string } | { ok: false; problem: string } {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const code = part.slice(i + 1, i + 3).toUpperCase();
    if (code === '25') out += '%';
    else if (code === '2C') out += ',';
    else {
      return {
        ok: false,
        problem: `the ${name} part has a "%" at position ${i + 1} that is not followed by 25 or 2C (write "%" as %25 and "," as %2C)`,
      };
    }
    i += 2;
  }
  return { ok: true, value: out };
}

export function parseResourceId(id: string): ParseResult {
  const parts = id.split(',');
  if (parts.length !== 4) {
    return {
      ok: false,
      problem: `expected 4 parts separated by ",", found ${parts.length} (a "," inside a part must be written %2C)`,
    };
  }
  const values: string[] = [];
  for (const [i, part] of parts.entries()) {
    const name = PART_NAMES[i] ?? `part ${i + 1}`;
    const decoded = unescapePart(part, name);
    if (!decoded.ok) return decoded;
    if (decoded.value === '') return { ok: false, problem: `the ${name} part is empty` };
    values.push(decoded.value);
  }
  const [identityPoolId = '', developerProviderName = '', sourceUserIdentifier = '', destinationUserIdentifier = ''] = values;
  return { ok: true, key: { identityPoolId, developerProviderName, sourceUserIdentifier, destinationUserIdentifier } };
}
