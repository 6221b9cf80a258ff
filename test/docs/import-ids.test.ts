// The import ids shown in the docs and examples are ones the provider's own
// parser accepts, and the bindings' mergedIdentityImportId builds the same
// ids the provider formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { mergedIdentityImportId } from '../../bindings';
import { RESOURCE_ID_FORMAT, formatResourceId, parseResourceId } from '../../provider/src/cognito/resource-id';
import { readRegistryDoc } from './registry-docs';
import { firstGroups } from '../support/lists';

const ROOT = join(__dirname, '..', '..');

/**
 * Ids in `terraform import ADDRESS 'ID'` commands (also continued with `\`),
 * in `id = "ID"` lines of import blocks, and in the last cell of table rows.
 */
function importIdsIn(text: string): string[] {
  const cli = firstGroups(text, /terraform import \S+\s*(?:\\\n\s*)?'([^']+)'/g);
  const blocks = firstGroups(text, /import \{[^}]*?\bid\s*=\s*"([^"]+)"/g);
  const table = firstGroups(text, /^\|.*\| `([^`]+,[^`]+)` \|$/gm);
  return [...cli, ...blocks, ...table];
}

describe.each([
  ['docs/resources/merged_identity.md', readRegistryDoc('resources/merged_identity.md').text, 4],
  ['examples/import/README.md', readFileSync(join(ROOT, 'examples/import/README.md'), 'utf8'), 5],
  ['examples/import/main.tf', readFileSync(join(ROOT, 'examples/import/main.tf'), 'utf8'), 2],
])('%s', (_name, text, expectedCount) => {
  const ids = importIdsIn(text);

  test(`shows ${expectedCount} import ids`, () => {
    expect(ids).toHaveLength(expectedCount);
  });

  test('the provider parses every id, and formats it back to the same text', () => {
    for (const id of ids) {
      const parsed = parseResourceId(id);
      expect({ id, ok: parsed.ok }).toEqual({ id, ok: true });
      if (parsed.ok) expect(formatResourceId(parsed.key)).toBe(id);
    }
  });
});

test('the resource doc states the provider\'s id format and shows ids with ":" and ","', () => {
  const text = readRegistryDoc('resources/merged_identity.md').text;
  expect(text).toContain(RESOURCE_ID_FORMAT);
  const ids = importIdsIn(text);
  expect(ids.some((id) => id.includes('%2C'))).toBe(true);
  expect(ids.every((id) => id.includes(':'))).toBe(true);
});

test('bindings mergedIdentityImportId agrees with the provider for any non-empty identifiers', () => {
  // Any characters, with ",", "%" and "%2C"-like text made likely.
  const part = fc.string({
    minLength: 1,
    unit: fc.oneof(fc.constantFrom(',', '%', '2', 'C', ':', '5'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })),
  });
  fc.assert(
    fc.property(part, part, part, part, (pool, dev, src, dst) => {
      const key = { identityPoolId: pool, developerProviderName: dev, sourceUserIdentifier: src, destinationUserIdentifier: dst };
      const id = mergedIdentityImportId(key);
      expect(id).toBe(formatResourceId(key));
      expect(parseResourceId(id)).toEqual({ ok: true, key });
    }),
  );
});
