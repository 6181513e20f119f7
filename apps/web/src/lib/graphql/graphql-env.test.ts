import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const web = new URL('../../../', import.meta.url).pathname;

describe('graphql-env.d.ts', () => {
  it('is what the committed schema.graphql introspects to (npm run graphql:types writes it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphql-env-'));
    try {
      const output = join(dir, 'graphql-env.d.ts');
      await promisify(execFile)(
        'npx',
        ['--no', 'gql.tada', 'generate-output', '--output', output],
        {
          cwd: web,
        },
      );
      const committed = await readFile(new URL('./graphql-env.d.ts', import.meta.url), 'utf8');
      expect(committed === (await readFile(output, 'utf8'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
