import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { parse } from './parse.ts';
import type { ParseContext } from './types.ts';

function amount(text: string, context: ParseContext): string {
  const result = parse(text, context);
  if (result.kind !== 'expenses') return result.kind;
  return result.expenses.map((e) => `${e.amountMinor} ${e.currency}`).join(', ');
}

describe('amounts in words and local multipliers', () => {
  it('reads number words of the user language', () => {
    expect(amount('almoço cinquenta', contexts.brazil)).toBe('5000 BRL');
    expect(amount('cento e vinte mercado', contexts.brazil)).toBe('12000 BRL');
    expect(amount('tacos treinta y cinco', contexts.mexico)).toBe('3500 MXN');
    expect(amount('makan dua puluh ribu', contexts.indonesia)).toBe('20000 IDR');
    expect(amount('dua ratus lima puluh ribu', contexts.indonesia)).toBe('250000 IDR');
    expect(amount('दो सौ का पेट्रोल', contexts.hindi)).toBe('20000 INR');
    expect(amount('paanch sau ka kirana', contexts.india)).toBe('50000 INR');
  });

  it('reads the fractions Hindi speakers say amounts in', () => {
    expect(amount('dedh lakh car', contexts.india)).toBe('15000000 INR');
    expect(amount('dhai hazar shoes', contexts.india)).toBe('250000 INR');
    expect(amount('sava lakh bike', contexts.india)).toBe('12500000 INR');
    expect(amount('saade teen hazar kiraya', contexts.india)).toBe('350000 INR');
    expect(amount('paune do sau sabzi', contexts.india)).toBe('17500 INR');
    expect(amount('sava do lakh', contexts.india)).toBe('22500000 INR');
    expect(amount('half lakh tv', contexts.india)).toBe('5000000 INR');
    expect(amount('डेढ़ लाख गाड़ी', contexts.hindi)).toBe('15000000 INR');
    // Not an amount by itself, and no amount next to a unit.
    expect(amount('sava', contexts.india)).toBe('unknown');
    expect(amount('half kg sugar 40', contexts.india)).toBe('4000 INR');
  });

  it('leaves small words alone unless a currency follows', () => {
    expect(amount('um café', contexts.brazil)).toBe('unknown');
    expect(amount('dois reais café', contexts.brazil)).toBe('200 BRL');
    expect(amount('um café 5', contexts.brazil)).toBe('500 BRL');
  });

  it('keeps each language its own words', () => {
    // "das" is ten in Hindi and "of the" in Portuguese.
    expect(amount('farmácia das americanas 30', contexts.brazil)).toBe('3000 BRL');
  });

  it('reads rb, ribu, jt and juta everywhere and mil in Portuguese and Spanish', () => {
    expect(amount('makan 25rb', contexts.indonesia)).toBe('25000 IDR');
    expect(amount('belanja 1,2jt', contexts.indonesia)).toBe('1200000 IDR');
    expect(amount('sewa 2 juta', contexts.indonesia)).toBe('2000000 IDR');
    expect(amount('aluguel 2 mil', contexts.brazil)).toBe('200000 BRL');
    expect(amount('1,5 mil mercado', contexts.brazil)).toBe('150000 BRL');
    expect(amount('vuelo 3.5 mil', contexts.mexico)).toBe('350000 MXN');
    expect(amount('500 mil gaya', contexts.india)).toBe('50000 INR');
  });
});
