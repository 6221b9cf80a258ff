// The AWS SDK's notice that its 2027 releases need Node 22 (README, Requirements) would
// otherwise repeat in every worker's output. Terraform runs the provider with a clean
// environment, so the provider's own handling of the warning is still tested (hygiene.test.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run build`; jest only transpiles
    // (tsconfig's isolatedModules makes ts-jest transpile each file on its own).
    '^.+\\.ts$': ['ts-jest', {}],
  },
  testTimeout: 180000,
  // One temp directory per run, removed at the end even if a worker was killed (test/support/temp-root.js).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Terraform tests spawn several processes each; two workers fit a 2-core machine.
  maxWorkers: 2,
  verbose: true,
};
