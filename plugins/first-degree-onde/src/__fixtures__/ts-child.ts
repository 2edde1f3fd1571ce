import { execFileSync } from 'node:child_process';

/**
 * Runs a snippet in a fresh Node process with the given environment (a real TZ, which jest's
 * sandboxed `process.env` cannot change), loading our TypeScript sources through @swc/core.
 * Workspace packages resolve to their built `dist`, so build the domain first (as CI does).
 * The snippet's `print(value)` result comes back as the function's return value.
 */
export function runInChild(snippet: string, env: Record<string, string>): string {
  const hook = `
    const swc = require('@swc/core');
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
        filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    const print = (value) => process.stdout.write(String(value));
  `;
  return execFileSync(process.execPath, ['-e', `${hook}\n${snippet}`], {
    cwd: __dirname,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}
