// The bindings' emitted declarations (dist/bindings/*.d.ts, what an app's
// editor and tsc see) are as complete as cdktf's generated bindings: every
// exported declaration and every public member carries JSDoc, enumerated
// settings are unions of their values, and booleans accept tokens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { RETRY_MODES } from '../../provider/src/cognito/provider-config';
import { ON_DESTROY_VALUES } from '../../provider/src/cognito/validation';

const DIST = join(__dirname, '..', '..', 'dist', 'bindings');

function declarationFiles(): ts.SourceFile[] {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.d.ts'));
  return files.map((f) => ts.createSourceFile(f, readFileSync(join(DIST, f), 'utf8'), ts.ScriptTarget.ES2022, true));
}

const hasDoc = (node: ts.Node): boolean => ts.getJSDocCommentsAndTags(node).length > 0;
const hasModifier = (node: ts.Node, ...kinds: ts.SyntaxKind[]): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => kinds.includes(m.kind));
const isHidden = (node: ts.Node): boolean => hasModifier(node, ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword);

function memberName(member: ts.ClassElement | ts.TypeElement): string {
  if (ts.isConstructorDeclaration(member)) return 'constructor';
  return member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : '?';
}

/** `File: Declaration.member` for each public thing without JSDoc. */
function undocumented(file: ts.SourceFile): string[] {
  const missing: string[] = [];
  for (const stmt of file.statements) {
    if (!hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) continue;
    const name =
      (ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isFunctionDeclaration(stmt)) && stmt.name
        ? stmt.name.text
        : ts.isVariableStatement(stmt)
          ? (stmt.declarationList.declarations[0]?.name.getText(file) ?? '?')
          : undefined;
    if (name === undefined) continue;
    if (!hasDoc(stmt)) missing.push(`${file.fileName}: ${name}`);
    const members: readonly (ts.ClassElement | ts.TypeElement)[] = ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) ? stmt.members : [];
    for (const member of members) {
      // A setter shares its getter's documentation, as in editors.
      if (ts.isSetAccessorDeclaration(member) || isHidden(member) || ts.isIndexSignatureDeclaration(member)) continue;
      if (!hasDoc(member)) missing.push(`${file.fileName}: ${name}.${memberName(member)}`);
    }
  }
  return missing;
}

const files = declarationFiles();

test('the declarations were built', () => {
  expect(files.map((f) => f.fileName)).toEqual(expect.arrayContaining(['index.d.ts', 'merged-identity.d.ts', 'provider.d.ts', 'identity-merge.d.ts']));
});

test('every exported declaration and every public member has JSDoc', () => {
  expect(files.flatMap(undocumented)).toEqual([]);
});

/** The type text of `prop` in interface `iface` of `file`. */
function propertyType(fileName: string, iface: string, prop: string): string {
  const file = files.find((f) => f.fileName === fileName);
  const decl = file?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface);
  const member = decl?.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && memberName(m) === prop);
  return member?.type?.getText(file) ?? `(no ${iface}.${prop} in ${fileName})`;
}

test.each([
  ['merged-identity.d.ts', 'MergedIdentityConfig', 'onDestroy', 'OnDestroy'],
  ['identity-merge.d.ts', 'IdentityMergeProps', 'onDestroy', 'OnDestroy'],
  ['merge-adoption.d.ts', 'MergeAdoptionProps', 'onDestroy', 'OnDestroy'],
  ['provider-config.d.ts', 'CognitoidentityProviderConfig', 'retryMode', 'RetryMode'],
  ['merged-identity.d.ts', 'MergedIdentityConfig', 'allowMovingUnnamedLogins', 'boolean | IResolvable'],
  ['identity-merge.d.ts', 'IdentityMergeProps', 'allowMovingUnnamedLogins', 'boolean | IResolvable'],
  ['provider-config.d.ts', 'CognitoidentityProviderConfig', 'countDeveloperIdsAsLinkedLogins', 'boolean | IResolvable'],
])('%s %s.%s is typed %s', (file, iface, prop, type) => {
  expect(propertyType(file, iface, prop)).toBe(type);
});

/** The string literals of a union type alias, from whichever declaration file holds it. */
function unionMembers(name: string): string[] {
  const alias = files.flatMap((f) => f.statements).find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  if (!alias || !ts.isUnionTypeNode(alias.type)) return [`(no union ${name})`];
  return alias.type.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : t.getText()));
}

test.each([
  ['OnDestroy', ON_DESTROY_VALUES],
  ['RetryMode', RETRY_MODES],
])('%s is the union of the values the provider accepts', (name, values) => {
  expect(unionMembers(name)).toEqual([...values]);
});

/**
 * Props the construct itself reads while synthesizing, so a token (known only
 * at apply) could not serve: each says so in its JSDoc.
 */
const SYNTH_TIME_BOOLEANS = ['identity-merge.d.ts: IdentityMergeProps.countDeveloperIdsAsLinkedLogins'];

test('every boolean prop of an exported interface accepts a token (boolean | IResolvable), but those read at synth', () => {
  const plain: string[] = [];
  for (const file of files) {
    for (const stmt of file.statements) {
      if (!ts.isInterfaceDeclaration(stmt) || !hasModifier(stmt, ts.SyntaxKind.ExportKeyword)) continue;
      for (const member of stmt.members) {
        if (!ts.isPropertySignature(member) || member.type === undefined) continue;
        const type = member.type.getText(file);
        // The keyword, not the word inside a string literal type.
        const unquoted = type.replace(/'[^']*'|"[^"]*"/g, '');
        if (/\bboolean\b/.test(unquoted) && type !== 'boolean | IResolvable') plain.push(`${file.fileName}: ${stmt.name.text}.${memberName(member)}`);
      }
    }
  }
  expect(plain).toEqual(SYNTH_TIME_BOOLEANS);
});
