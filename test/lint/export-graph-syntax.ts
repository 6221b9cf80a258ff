// Syntax helpers of the export graph (export-graph.ts): what a declaration or
// binding names, and the path a plain JS script's require() denotes.

import * as path from 'node:path';
import ts from 'typescript';

export const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isBindingElement(e) ? bindingNames(e.name) : []));
}

/** The property names an object binding pattern reads (`{ a, b: c }` reads a and b); undefined if it has a rest element. */
export function propertiesRead(pattern: ts.ObjectBindingPattern): string[] | undefined {
  const names: string[] = [];
  for (const e of pattern.elements) {
    if (e.dotDotDotToken) return undefined;
    const prop = e.propertyName ?? e.name;
    if (!ts.isIdentifier(prop) && !ts.isStringLiteral(prop)) return undefined;
    names.push(prop.text);
  }
  return names;
}

export const skipWrappers = (node: ts.Node): ts.Node => {
  let n = node;
  while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
  return n;
};

/** Every identifier under `node`, but property names after a dot. */
export function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) names.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** An identifier that names what it declares, a property, or an export specifier, rather than referencing a binding. */
export function declares(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isExportSpecifier(p) || ts.isImportSpecifier(p)) return true;
  if (ts.isQualifiedName(p)) return p.right === id;
  const named = p as ts.Node & { name?: ts.Node };
  return (
    named.name === id &&
    (ts.isDeclarationStatement(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isBindingElement(p) ||
      ts.isClassElement(p) ||
      ts.isTypeElement(p) ||
      ts.isPropertyAssignment(p) ||
      ts.isParameter(p) ||
      ts.isEnumMember(p))
  );
}

export function leftmost(q: ts.QualifiedName): ts.Identifier {
  let left: ts.EntityName = q;
  while (ts.isQualifiedName(left)) left = left.left;
  return left;
}

/**
 * The repository-relative path an expression of a plain JS script denotes, when
 * it is built of string literals, __dirname, path.join/resolve and constants
 * (also constants destructured from another script's require); else undefined.
 */
export function evaluatePath(file: string, expr: ts.Expression, parsed: Map<string, ts.SourceFile>, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isParenthesizedExpression(expr)) return evaluatePath(file, expr.expression, parsed, depth + 1);
  if (ts.isIdentifier(expr)) {
    if (expr.text === '__dirname') return path.posix.dirname(file);
    return evaluateConstant(file, expr.text, parsed, depth + 1);
  }
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && ['join', 'resolve'].includes(expr.expression.name.text)) {
    const parts = expr.arguments.map((a) => evaluatePath(file, a, parsed, depth + 1));
    if (parts.some((p) => p === undefined)) return undefined;
    return path.posix.normalize(path.posix.join(...(parts as string[])));
  }
  return undefined;
}

function evaluateConstant(file: string, name: string, parsed: Map<string, ts.SourceFile>, depth: number): string | undefined {
  const sf = parsed.get(file);
  if (!sf) return undefined;
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!d.initializer) continue;
      if (ts.isIdentifier(d.name) && d.name.text === name) return evaluatePath(file, d.initializer, parsed, depth + 1);
      if (!ts.isObjectBindingPattern(d.name)) continue;
      const element = d.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === name);
      const init = d.initializer;
      if (!element || !ts.isCallExpression(init) || !init.arguments[0] || !ts.isStringLiteral(init.arguments[0])) continue;
      const other = `${path.posix.normalize(path.posix.join(path.posix.dirname(file), init.arguments[0].text)).replace(/\.js$/, '')}.js`;
      const prop = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : name;
      return evaluateConstant(other, prop, parsed, depth + 1);
    }
  }
  return undefined;
}
