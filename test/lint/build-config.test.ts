// The build config (tsconfig.build.json, what `npm run build` emits) compiles every
// shipped file without jest's types, so a jest global in production code fails the
// build; tsconfig.json (the typecheck of everything, and ts-jest's) keeps them for the
// tests. Compiled in process with the TypeScript API: a probe file placed (in memory
// only) in provider/src, once under each config's options.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED = ['provider/src', 'emulator/src', 'bindings'];

function parsed(configFile: string): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, configFile),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`${configFile} could not be read`);
  expect(config.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return config;
}

const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

function tsFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`);
}

const PROBE = path.join(ROOT, 'provider', 'src', 'jest-global-probe.ts');
const PROBE_TEXT = `describe('in production code', () => {\n  expect(1).toBe(1);\n});\nexport {};\n`;

/** The diagnostics of compiling the probe alone (kept in memory) with `options`. */
function compileProbe(options: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, languageVersion, ...rest) =>
    path.resolve(file) === PROBE ? ts.createSourceFile(file, PROBE_TEXT, languageVersion) : getSourceFile(file, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === PROBE || fileExists(file);
  const program = ts.createProgram([PROBE], { ...options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('tsconfig.build.json', () => {
  const build = parsed('tsconfig.build.json');
  const files = build.fileNames.map(relative);

  test("has node's types only", () => {
    expect(build.options.types).toEqual(['node']);
  });

  test.each(SHIPPED)('compiles every file of %s/', (dir) => {
    const missing = tsFilesUnder(dir).filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });

  test('compiles no test but the echo provider the plugin tests run from dist/', () => {
    expect(files.filter((f) => f.startsWith('test/'))).toEqual(['test/plugin/fixtures/serve-echo.ts']);
  });

  test('a jest global in production code is a compile error', () => {
    const errors = compileProbe(build.options);
    expect(errors).toEqual([expect.stringMatching(/^TS\d+: Cannot find name 'describe'/), expect.stringMatching(/^TS\d+: Cannot find name 'expect'/)]);
  });
});

describe('tsconfig.json', () => {
  const all = parsed('tsconfig.json');

  test('keeps the jest globals, and checks the tests too', () => {
    expect(all.options.types).toEqual(['node', 'jest']);
    expect(all.fileNames.map(relative)).toContain('test/lint/build-config.test.ts');
  });

  test('the same probe compiles with its options (the error above comes from the types alone)', () => {
    expect(compileProbe(all.options)).toEqual([]);
  });
});
