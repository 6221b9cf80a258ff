// The registry docs must list exactly the schema's attributes: arguments
// (Required/Optional, Sensitive) and exported attributes (computed). Adding,
// removing or changing an attribute in provider/src/cognito/schemas.ts
// without updating the docs fails here.
import { developerIdentitySchema, mergedIdentitiesSchema, mergedIdentitySchema, providerSchema } from '../../provider/src/cognito/schemas';
import type { AttributeSchema, Schema } from '../../provider/src/framework/schema';
import { readRegistryDoc, type DocBullet } from './registry-docs';

interface DocCase {
  doc: string;
  schema: Schema;
  /** Provider docs have no exported attributes. */
  hasAttributeReference: boolean;
}

const cases: DocCase[] = [
  { doc: 'index.md', schema: providerSchema, hasAttributeReference: false },
  { doc: 'resources/merged_identity.md', schema: mergedIdentitySchema, hasAttributeReference: true },
  { doc: 'data-sources/developer_identity.md', schema: developerIdentitySchema, hasAttributeReference: true },
  { doc: 'data-sources/merged_identities.md', schema: mergedIdentitiesSchema, hasAttributeReference: true },
];

const entries = (s: Schema): [string, AttributeSchema][] => Object.entries(s.block.attributes);
const names = (list: [string, AttributeSchema][]): string[] => list.map(([n]) => n).sort();
const docNames = (list: DocBullet[] | undefined): string[] => (list ?? []).map((b) => b.name).sort();

/** The markers the docs must show for an argument, in registry order. */
function expectedMarkers(a: AttributeSchema): string[] {
  const markers = [a.required ? 'Required' : 'Optional'];
  if (a.sensitive) markers.push('Sensitive');
  if (a.deprecated) markers.push('Deprecated');
  return markers;
}

describe.each(cases)('docs/$doc', ({ doc, schema, hasAttributeReference }) => {
  const parsed = readRegistryDoc(doc);

  test('has an Argument Reference section', () => {
    expect(parsed.arguments).toBeDefined();
  });

  test('Argument Reference lists exactly the required and optional attributes, once each', () => {
    const args = entries(schema).filter(([, a]) => a.required || a.optional);
    expect(docNames(parsed.arguments)).toEqual(names(args));
  });

  test('each argument is marked (Required)/(Optional) and (Sensitive) as in the schema', () => {
    const byName = new Map((parsed.arguments ?? []).map((b) => [b.name, b]));
    for (const [name, a] of entries(schema)) {
      if (!a.required && !a.optional) continue;
      const bullet = byName.get(name);
      expect({ name, markers: bullet?.markers }).toEqual({ name, markers: expectedMarkers(a) });
    }
  });

  test('Attribute Reference lists exactly the computed attributes', () => {
    const computed = entries(schema).filter(([, a]) => a.computed);
    if (!hasAttributeReference) {
      expect(computed).toEqual([]);
      expect(parsed.attributes ?? []).toEqual([]);
      return;
    }
    expect(parsed.attributes).toBeDefined();
    expect(docNames(parsed.attributes)).toEqual(names(computed));
    for (const b of parsed.attributes ?? []) expect({ name: b.name, markers: b.markers }).toEqual({ name: b.name, markers: [] });
  });

  test('every bullet has a description', () => {
    for (const b of [...(parsed.arguments ?? []), ...(parsed.attributes ?? [])]) {
      expect({ name: b.name, long: b.text.trim().length >= 10 }).toEqual({ name: b.name, long: true });
    }
  });

  test('has registry front matter with a page title', () => {
    expect(parsed.text).toMatch(/^---\npage_title: ".+"\n[\s\S]*?\n---\n/);
  });
});

describe('docs/index.md covers installation and credentials', () => {
  const text = readRegistryDoc('index.md').text;
  test.each([
    'npx terraform-provider-cognitoidentity install',
    'provider_installation {',
    'source  = "terraform.local/cognito/cognitoidentity"',
    'AWS_ENDPOINT_URL_COGNITO_IDENTITY',
    'AWS_ENDPOINT_URL',
    'AWS_ACCESS_KEY_ID',
    'TF_CLI_CONFIG_FILE',
  ])('mentions %s', (needle) => {
    expect(text).toContain(needle);
  });
});
