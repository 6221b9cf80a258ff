// Who imports what, by name, across the repository: a syntactic scan of import
// and export declarations with the TypeScript parser (no program, no type
// checker, so the whole tree takes about a second). test/lint/unused-exports
// uses it to find exports nobody imports.
//
// A name counts as used by a file when that file
//   - imports it (`import { a }`, `import type`, a default import) or re-exports it (`export { a } from`);
//   - reads it off a namespace (`import * as ns` / `import ns = require()` then `ns.a`, also in types);
//   - takes it from a dynamic import: `(await import('./m')).a`, `const { a } = await import('./m')`,
//     `const [{ a }] = await Promise.all([import('./m')])`, `import('./m').A` in a type;
//   - (plain JS: the build scripts and the bin launchers) takes it from a `require()` of the built
//     file in dist/, the same ways; the path is evaluated from string literals, __dirname,
//     path.join/resolve and constants, also constants another script exports.
// `export * from` passes every name through. A namespace or module used in any other way (passed
// around whole) counts as using every export of the module.

import * as path from 'node:path';
import ts from 'typescript';
import type { SourceTexts } from './source-texts';
import { bindingNames, declares, evaluatePath, hasModifier, identifiersIn, leftmost, propertiesRead, skipWrappers } from './export-graph-syntax';

/** An export a module declares itself (a re-export included). */
export interface OwnExport {
  line: number;
  /** An interface or a type alias. */
  typeOnly: boolean;
  /** The identifiers its declaration names (the types in a function's signature, for instance). */
  mentions: Set<string>;
  /** Named elsewhere in its own file. */
  usedInFile: boolean;
}

interface ModuleInfo {
  exports: Map<string, OwnExport>;
  /** Modules whose exports this one passes on (`export * from`). */
  starExports: string[];
  /** What this file takes from other modules. `*`: everything. */
  uses: { module: string; name: string }[];
}

export interface ExportGraph {
  modules: Map<string, ModuleInfo>;
  /** "module#name" -> the files (or "<entry point ...>") that use it. */
  usedBy: Map<string, Set<string>>;
}

/** Builds the graph; `entryPoints` are modules whose every export is public. */
export function buildExportGraph(texts: SourceTexts, entryPoints: string[]): ExportGraph {
  const parsed = new Map<string, ts.SourceFile>();
  for (const [file, text] of texts) {
    const kind = file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    parsed.set(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind));
  }
  const modules = new Map<string, ModuleInfo>();
  for (const [file, sf] of parsed) modules.set(file, new ModuleScanner(file, sf, texts, parsed).scan());
  const graph: ExportGraph = { modules, usedBy: new Map() };
  for (const [file, info] of modules) for (const use of info.uses) markUse(graph, use.module, use.name, file, new Set());
  for (const entry of entryPoints) markUse(graph, entry, '*', `<entry point ${entry}>`, new Set());
  return graph;
}

/** Every name `module` exports, its own and those passed through `export *`. */
export function allExports(graph: ExportGraph, module: string, seen = new Set<string>()): string[] {
  const info = graph.modules.get(module);
  if (!info || seen.has(module)) return [];
  seen.add(module);
  const passed = info.starExports.flatMap((m) => allExports(graph, m, seen)).filter((n) => n !== 'default');
  return [...new Set([...info.exports.keys(), ...passed])];
}

function markUse(graph: ExportGraph, module: string, name: string, user: string, seen: Set<string>): void {
  const info = graph.modules.get(module);
  if (!info || seen.has(`${module}#${name}`)) return;
  seen.add(`${module}#${name}`);
  if (name === '*') {
    for (const n of allExports(graph, module)) markUse(graph, module, n, user, seen);
    return;
  }
  if (info.exports.has(name)) {
    const key = `${module}#${name}`;
    const users = graph.usedBy.get(key) ?? new Set<string>();
    graph.usedBy.set(key, users.add(user));
    return;
  }
  for (const star of info.starExports) markUse(graph, star, name, user, seen);
}

class ModuleScanner {
  private readonly info: ModuleInfo = { exports: new Map(), starExports: [], uses: [] };

  constructor(
    private readonly file: string,
    private readonly sf: ts.SourceFile,
    private readonly texts: SourceTexts,
    private readonly parsed: Map<string, ts.SourceFile>,
  ) {}

  scan(): ModuleInfo {
    for (const statement of this.sf.statements) this.scanStatement(statement);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) this.dynamicImport(node);
      else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') this.requireCall(node);
      else if (ts.isImportTypeNode(node)) this.importType(node);
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
    return this.info;
  }

  private exported(name: string, node: ts.Node): void {
    const typeOnly = ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
    const known = this.info.exports.get(name);
    if (known) {
      // Overloads and merged declarations: one export.
      known.typeOnly &&= typeOnly;
      identifiersIn(node).forEach((m) => known.mentions.add(m));
      return;
    }
    const line = this.sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const mentions = identifiersIn(node);
    mentions.delete(name);
    this.info.exports.set(name, { line, typeOnly, mentions, usedInFile: this.referenced().has(name) });
  }

  private referencedNames: Set<string> | undefined;

  /** The names this file references other than where it declares or exports them. */
  private referenced(): Set<string> {
    if (this.referencedNames) return this.referencedNames;
    const names = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && !declares(n)) names.add(n.text);
      ts.forEachChild(n, visit);
    };
    visit(this.sf);
    return (this.referencedNames = names);
  }

  private use(module: string | undefined, names: string[] | undefined): void {
    if (module === undefined) return;
    for (const name of names ?? ['*']) this.info.uses.push({ module, name });
  }

  private scanStatement(s: ts.Statement): void {
    if (ts.isImportDeclaration(s)) return this.importDeclaration(s);
    if (ts.isImportEqualsDeclaration(s)) {
      if (ts.isExternalModuleReference(s.moduleReference) && ts.isStringLiteral(s.moduleReference.expression)) {
        this.use(this.resolve(s.moduleReference.expression.text), this.namespaceReads(s.name.text));
      }
      return;
    }
    if (ts.isExportDeclaration(s)) return this.exportDeclaration(s);
    if (ts.isExportAssignment(s)) return this.exported('default', s);
    if (!hasModifier(s, ts.SyntaxKind.ExportKeyword)) return;
    if (hasModifier(s, ts.SyntaxKind.DefaultKeyword)) return this.exported('default', s);
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) for (const n of bindingNames(d.name)) this.exported(n, d);
    } else if (
      (ts.isFunctionDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isInterfaceDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isEnumDeclaration(s) ||
        ts.isModuleDeclaration(s)) &&
      s.name
    ) {
      this.exported(s.name.text, s);
    }
  }

  private importDeclaration(s: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(s.moduleSpecifier)) return;
    const module = this.resolve(s.moduleSpecifier.text);
    const clause = s.importClause;
    if (!clause) return; // a side-effect import uses no name
    if (clause.name) this.use(module, ['default']);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.use(module, this.namespaceReads(bindings.name.text));
    if (bindings && ts.isNamedImports(bindings))
      this.use(
        module,
        bindings.elements.map((e) => (e.propertyName ?? e.name).text),
      );
  }

  private exportDeclaration(s: ts.ExportDeclaration): void {
    const module = s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? this.resolve(s.moduleSpecifier.text) : undefined;
    const clause = s.exportClause;
    if (!clause) {
      if (module) this.info.starExports.push(module);
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      this.exported(clause.name.text, s);
      this.use(module, undefined);
      return;
    }
    for (const e of clause.elements) {
      this.exported(e.name.text, e);
      this.use(module, [(e.propertyName ?? e.name).text]);
    }
  }

  /** The names read off namespace `ns` in this file; undefined when it is also used whole. */
  private namespaceReads(ns: string): string[] | undefined {
    const names: string[] = [];
    let whole = false;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === ns) {
        const p = node.parent;
        if (ts.isPropertyAccessExpression(p) && p.expression === node) names.push(p.name.text);
        else if (ts.isQualifiedName(p) && p.left === node) names.push(p.right.text);
        else if (!(ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p) || (ts.isVariableDeclaration(p) && p.name === node))) whole = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
    return whole ? undefined : names;
  }

  /** The names taken from the module value that `call` (an import() or require()) yields; undefined: all of them. */
  private namesTaken(call: ts.Node): string[] | undefined {
    const node = skipWrappers(call);
    const p = node.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === node) return [p.name.text];
    if (ts.isElementAccessExpression(p) && p.expression === node && ts.isStringLiteral(p.argumentExpression)) return [p.argumentExpression.text];
    if (ts.isVariableDeclaration(p) && p.initializer === node) {
      if (ts.isObjectBindingPattern(p.name)) return propertiesRead(p.name);
      if (ts.isIdentifier(p.name)) return this.namespaceReads(p.name.text);
      return undefined;
    }
    // const [{ a }, { b }] = await Promise.all([import('./x'), import('./y')]);
    if (ts.isArrayLiteralExpression(p) && ts.isCallExpression(p.parent)) {
      const decl = skipWrappers(p.parent).parent;
      const index = p.elements.indexOf(node as ts.Expression);
      if (ts.isVariableDeclaration(decl) && decl.name && ts.isArrayBindingPattern(decl.name)) {
        const element = decl.name.elements[index];
        if (element && ts.isBindingElement(element) && ts.isObjectBindingPattern(element.name)) return propertiesRead(element.name);
      }
    }
    return undefined;
  }

  private dynamicImport(call: ts.CallExpression): void {
    const arg = call.arguments[0];
    if (arg && ts.isStringLiteralLike(arg)) this.use(this.resolve(arg.text), this.namesTaken(call));
  }

  private importType(node: ts.ImportTypeNode): void {
    const arg = node.argument;
    if (!ts.isLiteralTypeNode(arg) || !ts.isStringLiteral(arg.literal)) return;
    const q = node.qualifier;
    const first = q === undefined ? undefined : ts.isIdentifier(q) ? q : leftmost(q);
    this.use(this.resolve(arg.literal.text), first ? [first.text] : undefined);
  }

  private requireCall(call: ts.CallExpression): void {
    const arg = call.arguments[0];
    if (!arg) return;
    if (ts.isStringLiteralLike(arg) && arg.text.startsWith('.')) {
      this.use(this.resolve(arg.text), this.namesTaken(call));
      return;
    }
    // A built module: `require(path.join(DIST, 'src', 'x.js'))` -> the source of dist/.../x.js.
    const target = evaluatePath(this.file, arg, this.parsed);
    if (target === undefined || !target.startsWith('dist/')) return;
    const source = target.slice('dist/'.length).replace(/\.js$/, '.ts');
    if (this.texts.has(source)) this.use(source, this.namesTaken(call));
  }

  /** A relative specifier as a repository-relative .ts path; undefined for packages and unknown files. */
  private resolve(specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(this.file), specifier));
    const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts'), `${base}.js`];
    return candidates.find((c) => this.texts.has(c));
  }
}
