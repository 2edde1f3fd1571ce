import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

describe('generated API types', () => {
  it('openapi.d.ts is what openapi-typescript makes of the committed openapi.json (run `pnpm gen:api`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-openapi-'));
    try {
      const out = join(dir, 'openapi.d.ts');
      execFileSync(bin('openapi-typescript'), [join(root, 'src/api/openapi.json'), '-o', out], { stdio: 'pipe' });
      const formatted = execFileSync(
        join(root, '../../node_modules/.bin/prettier'),
        ['--stdin-filepath', join(root, 'src/api/openapi.d.ts')],
        {
          input: readFileSync(out),
          encoding: 'utf8',
        },
      );
      expect(formatted).toBe(readFileSync(join(root, 'src/api/openapi.d.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
