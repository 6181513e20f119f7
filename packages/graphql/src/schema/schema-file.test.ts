import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printSchemaFile } from './schema-file.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (npm run schema:print writes it)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed === printSchemaFile()).toBe(true);
  });
});
