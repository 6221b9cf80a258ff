// Lint rules as fences (the layers of docs/architecture.md, "Rules"): the
// protocol layer knows nothing of Cognito, the Cognito logic nothing of gRPC
// or msgpack, and the framework between them neither. `npm run lint`; CI runs
// it (.ci/run).
const tseslint = require('typescript-eslint');

const noImports = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: why })) }],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/cdktf.out/**', '**/.terraform/**', '**/*.js'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `typeof import(...)` stays allowed: it types a module loaded lazily (the AWS SDK).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['provider/src/**/*.ts', 'emulator/src/**/*.ts', 'bindings/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // At most 4 positional parameters; more go in an options object. Not fenced: the CommonJS wrapper
    // signature Node defines (bundle-loader.ts).
    files: ['provider/src/**/*.ts', 'emulator/src/**/*.ts', 'bindings/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    ignores: ['provider/src/plugin/bundle-loader.ts'],
    rules: { 'max-params': ['error', 4] },
  },
  {
    // Short functions (docs/architecture.md, "Rules"): a longer one is split into named steps.
    files: ['provider/src/**/*.ts', 'emulator/src/**/*.ts', 'bindings/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 40, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Short files (docs/architecture.md, "Rules"). proto-types.ts is generated from the .proto files (npm run proto:types).
    files: ['**/*.ts'],
    ignores: ['provider/src/plugin/proto-types.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['provider/src/plugin/**/*.ts'],
    rules: noImports(['**/cognito/**', '**/cognito'], 'The protocol layer knows nothing of Cognito: go through provider/src/framework.'),
  },
  {
    files: ['provider/src/cognito/**/*.ts'],
    rules: noImports(
      ['**/plugin/**', '**/plugin', '@grpc/*', '@msgpack/*'],
      'The Cognito logic knows nothing of gRPC or msgpack: go through provider/src/framework.',
    ),
  },
  {
    files: ['bindings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/provider/src/(?!public-api$)', message: 'The bindings use the provider only through provider/src/public-api.ts.' },
            // The build swaps cdk.ts's one import for cdktn (provider/scripts/cdktn-bindings.js); an import elsewhere would not be swapped.
            { group: ['cdktf', 'cdktf/*', 'cdktn', 'cdktn/*'], message: 'Only bindings/cdk.ts imports the CDK library: import from ./cdk.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bindings/cdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/provider/src/(?!public-api$)', message: 'The bindings use the provider only through provider/src/public-api.ts.' }] },
      ],
    },
  },
  {
    // The harness the tests and the benchmarks share lives in examples/demo (local-emulator.ts), so
    // that what `npm start` builds and runs never pulls in test or benchmark code.
    files: ['examples/**/*.ts'],
    rules: noImports(['**/test/**', '**/bench/**'], 'The examples (and the shared harness in examples/demo) import neither test/ nor bench/.'),
  },
  {
    // The benchmarks run from dist/; what they share with the tests is the harness in examples/demo.
    files: ['bench/**/*.ts'],
    rules: noImports(['**/test/**'], 'The benchmarks import no test code: what they share with the tests lives in examples/demo.'),
  },
  {
    files: ['provider/src/framework/**/*.ts'],
    rules: noImports(
      ['**/cognito/**', '**/plugin/**', '@grpc/*', '@msgpack/*', '@aws-sdk/*'],
      'The framework is the contract between the layers and depends on neither.',
    ),
  },
);
