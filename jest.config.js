/** Unit tests sit beside the code (src/**\/*.spec.ts); integration and e2e tests under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts'],
  testTimeout: 30000,
  // The run ends when the last file has: a Redis client left reconnecting by a failed or stuck
  // teardown must not hold the process open for hours. Failures still fail the run.
  forceExit: true,
};
