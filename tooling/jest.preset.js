// Shared jest settings: swc transpiles TypeScript (with decorator metadata for Nest) and the
// ESM-only dependencies Nest 12 pulls in, which jest on Node 20 cannot require natively.
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Real SQLite files, real HTTP and real processes: generous, only to stop a hung test.
  testTimeout: 60_000,
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!\\.pnpm/|@nestjs/|file-type/|load-esm/|strtok3/|token-types/|@tokenizer/|uint8array-extras/|@borewit/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // Workspace packages resolve to their sources so a test never runs against a stale build.
  moduleNameMapper: {
    '^@liaison/events$': path.join(root, 'packages/events/src/index.ts'),
    '^@liaison/domain$': path.join(root, 'packages/domain/src/index.ts'),
    '^@liaison/domain/testing$': path.join(root, 'packages/domain/src/testing/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
