import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { parse } from './parse.ts';
import type { ParseContext } from './types.ts';

function category(text: string, context: ParseContext): string {
  const result = parse(text, context);
  if (result.kind !== 'expenses') return result.kind;
  const [expense] = result.expenses;
  if (expense?.category.status !== 'matched') return expense?.category.status ?? 'none';
  return `${expense.category.name} via ${expense.category.via}, note "${expense.note}"`;
}

describe('category words of other languages', () => {
  it('find the category their English counterpart names, keeping the word in the note', () => {
    expect(category('almoço 32', contexts.brazil)).toBe('Food via alias, note "almoço"');
    expect(category('conta de luz 210', contexts.brazil)).toMatch(/^Bills /);
    expect(category('súper 350', contexts.mexico)).toMatch(/^Groceries /);
    expect(category('renta 9000', contexts.mexico)).toMatch(/^Rent /);
    expect(category('gojek 15rb', contexts.indonesia)).toMatch(/^Transport /);
    expect(category('pulsa 50rb', contexts.indonesia)).toMatch(/^Bills /);
    expect(category('किराया 12000', contexts.hindi)).toMatch(/^Rent /);
    expect(category('dawai 340', contexts.india)).toMatch(/^Health /);
  });

  it('read phrases before their words', () => {
    expect(category('mercado livre 120', contexts.brazil)).toMatch(/^Shopping /);
    expect(category('mercado 120', contexts.brazil)).toMatch(/^Groceries /);
    expect(category('rumah sakit 500rb', contexts.indonesia)).toMatch(/^Health /);
  });

  it('forgive a typo', () => {
    expect(category('gasolna 120', contexts.brazil)).toMatch(/^Fuel via fuzzy/);
  });

  it("let the user's own names and aliases win anywhere in the message", () => {
    expect(category('bijli bill 1850', contexts.india)).toBe('Bills via name, note "bijli"');
  });

  it("stay in the user's language: air is water only to an Indonesian", () => {
    expect(category('air 20rb', contexts.indonesia)).toMatch(/^Bills /);
    expect(category('air 20', contexts.us)).toBe('none');
  });
});
