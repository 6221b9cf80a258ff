// The AWS SDK's notice that its 2027 releases need Node 22 (README, Requirements) would
// otherwise repeat in every worker's output. Terraform runs the provider with a clean
// environment, so the provider's own handling of the warning is still tested (hygiene.test.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Two tiers (`npm run test:unit`, `npm run test:e2e`; `npm test` runs both).
// Unit: in-process tests that spawn nothing (no Terraform, no provider, no node
// child), need no build and take seconds; test/lint/no-fixed-sleeps checks that
// they import no child_process. E2e: everything else.
const UNIT = [
  'unit/.+',
  'lint/(no-fixed-sleeps|unused-exports)',
  'docs/(docs-match-schema|functions-docs|import-ids|layout)',
  'bindings/(identity-merge|schema-drift|synth)',
  'emulator/(developer-identities|developer-merges|fault-controller|login-limit|pools-and-identities|protocol|sigv4|validation)',
];
// Under test/unit, but not unit tier: why.
const NOT_UNIT = {
  'unit/cty/terraform-plan': 'runs terraform',
  'unit/plugin/bundle-loader': 'runs the built provider',
  'unit/plugin/proto-descriptor': 'runs a node script',
  'unit/cognito/provider-configure': 'runs a node child for a fresh module cache',
  'unit/cognito/retry-strategy': 'a throttling storm at 4 requests/s takes about 18 s',
  'unit/cognito/merged-identity-apply': 'one test waits out the 10 s read-back deadline',
};
const unitTests = `/test/(?!(${Object.keys(NOT_UNIT).join('|')})\\.test\\.ts$)(${UNIT.join('|')})\\.test\\.ts$`;

/** What both projects need: jest projects do not inherit these from the top level. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    // Type checking happens in `npm run typecheck` (everything) and `npm run build` (the shipped
    // code); jest only transpiles (tsconfig.json's isolatedModules, from tsconfig.base.json,
    // makes ts-jest transpile each file on its own).
    '^.+\\.ts$': ['ts-jest', {}],
  },
};

const projects = [
  // testTimeout is a global option only, so the unit tier shortens it in a setup file.
  { ...shared, displayName: 'unit', testRegex: [unitTests], setupFilesAfterEnv: ['<rootDir>/test/support/unit-timeout.js'] },
  { ...shared, displayName: 'e2e', testRegex: ['\\.test\\.ts$'], testPathIgnorePatterns: ['/node_modules/', unitTests] },
];

/** @type {import('jest').Config} */
module.exports = {
  // JEST_TIER picks one (package.json test:unit, test:e2e): `--selectProjects unit` in a
  // script would swallow the file names given after it (`npm run test:unit -- <files>`).
  projects: projects.filter((p) => !process.env.JEST_TIER || p.displayName === process.env.JEST_TIER),
  testTimeout: 180000,
  // One temp directory per run, removed at the end even if a worker was killed (test/support/temp-root.js).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Terraform tests spawn several processes each; two workers fit a 2-core machine.
  maxWorkers: 2,
  verbose: true,
};
