import { describe, expect, it } from 'vitest';
import { pgConfigFromUrl } from './client.ts';

describe('pgConfigFromUrl', () => {
  it('turns ?schema= into a schema and leaves the rest of the URL alone', () => {
    expect(pgConfigFromUrl('postgres://u:p@db:5432/app?schema=tenant_1&sslmode=require')).toEqual({
      connectionString: 'postgres://u:p@db:5432/app?sslmode=require',
      schema: 'tenant_1',
    });
  });

  it('gives no schema when the URL names none', () => {
    expect(pgConfigFromUrl('postgresql://db/app')).toEqual({
      connectionString: 'postgresql://db/app',
    });
  });
});
