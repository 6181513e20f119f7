import { describe, expect, it } from 'vitest';
import { pgConfigFromUrl, PLAN_PER_CALL, preparedStatementNames } from './client.ts';

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

describe('preparedStatementNames', () => {
  it('gives one statement one name and different statements different names', () => {
    const name = preparedStatementNames();
    const select = { sql: 'SELECT id FROM users WHERE id = $1' };
    const first = name(select);
    expect(first).toMatch(/^s\d+$/);
    expect(name({ sql: select.sql })).toBe(first);
    expect(name({ sql: 'UPDATE users SET email = $1 WHERE id = $2' })).not.toBe(first);
  });

  it('leaves transaction control, DDL and marked reports unprepared', () => {
    const name = preparedStatementNames();
    expect(name({ sql: 'BEGIN' })).toBeUndefined();
    expect(name({ sql: 'CREATE TABLE t (id int)' })).toBeUndefined();
    expect(name({ sql: `${PLAN_PER_CALL} SELECT sum(x) FROM t` })).toBeUndefined();
  });

  it('stops naming new statements at its cap but keeps the names it gave', () => {
    const name = preparedStatementNames(2);
    const a = name({ sql: 'SELECT 1' });
    const b = name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect([name({ sql: 'SELECT 1' }), name({ sql: 'SELECT 2' })]).toEqual([a, b]);
  });
});
