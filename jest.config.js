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
  // Terraform tests spawn several processes each; two workers fit a 2-core machine.
  maxWorkers: 2,
  verbose: true,
};
