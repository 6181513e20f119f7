import { describe, expect, it } from 'vitest';
import { label, NAME_WIDTH, table } from './statements.ts';

describe('statement tables', () => {
  it('keeps common category names whole', () => {
    for (const name of ['Food & Dining', 'Entertainment', 'Health & Fitness', 'Transportation']) {
      expect(label(name)).toBe(name);
    }
    expect(label('Bills & Utilities')).toBe('Bills & Utiliti…');
    expect([...label('Subscriptions & Memberships')]).toHaveLength(NAME_WIDTH);
  });

  it('lines up the columns and fits a phone’s width of about 32 characters', () => {
    const body = table([
      [label('Food & Dining'), '₹4,450.00', '70%'],
      [label('Health & Fitness'), '₹12,345.00', '19%'],
      [label('Fuel'), '₹908.00', '1%'],
    ]);
    const lines = body.split('\n');
    expect(lines[0]).toBe('```');
    expect(lines.at(-1)).toBe('```');
    const rows = lines.slice(1, -1);
    expect(rows).toEqual([
      'Food & Dining      ₹4,450.00 70%',
      'Health & Fitness  ₹12,345.00 19%',
      'Fuel                 ₹908.00  1%',
    ]);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(32);
  });
});
