import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The head of a script for a plain `node` child process that loads this package's TypeScript
 * sources (compiled on the fly with swc, as jest does) and the workspace packages from their
 * sources: what the tests that need a second process on the same SQLite file run there.
 */
export const TS_CHILD_BOOTSTRAP = `
const Module = require('node:module');
const fs = require('node:fs');
const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
const aliases = {
  '@liaison/events': ${JSON.stringify(path.join(REPO_ROOT, 'packages/events/src/index.ts'))},
  '@liaison/domain': ${JSON.stringify(path.join(REPO_ROOT, 'packages/domain/src/index.ts'))},
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
const src = ${JSON.stringify(path.resolve(__dirname, '..'))};
`;
