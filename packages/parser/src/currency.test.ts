import { describe, expect, it } from 'vitest';
import { currencyOf } from './currency.ts';
import { tokenize } from './tokenize.ts';

function named(text: string, defaultCurrency = 'INR'): string | null {
  const [token] = tokenize(text);
  return token === undefined ? null : currencyOf(token, defaultCurrency);
}

describe('currencyOf', () => {
  it('reads the marks of Brazil, Mexico, Indonesia and India', () => {
    expect(named('R$', 'USD')).toBe('BRL');
    expect(named('r$', 'INR')).toBe('BRL');
    expect(named('MX$', 'USD')).toBe('MXN');
    expect(named('US$', 'BRL')).toBe('USD');
    expect(named('$', 'MXN')).toBe('MXN');
    expect(named('Rp')).toBe('IDR');
    expect(named('रु')).toBe('INR');
    expect(named('रुपये')).toBe('INR');
    expect(named('reais', 'INR')).toBe('BRL');
    expect(named('pesos', 'COP')).toBe('COP');
    expect(named('pesos', 'BRL')).toBe('MXN');
  });

  it('keeps a word before a dollar a word when it names no country', () => {
    expect(tokenize('for$5').map((token) => token.kind)).toEqual(['word', 'symbol', 'number']);
  });

  it('reads symbols, codes in any case and currency words', () => {
    expect(named('₹')).toBe('INR');
    expect(named('€')).toBe('EUR');
    expect(named('£')).toBe('GBP');
    expect(named('usd')).toBe('USD');
    expect(named('Rs')).toBe('INR');
    expect(named('rupees')).toBe('INR');
    expect(named('euros')).toBe('EUR');
  });

  it('gives shared symbols to the user’s own currency when it uses them', () => {
    expect(named('$', 'INR')).toBe('USD');
    expect(named('$', 'AUD')).toBe('AUD');
    expect(named('bucks', 'CAD')).toBe('CAD');
    expect(named('¥', 'CNY')).toBe('CNY');
    expect(named('¥', 'INR')).toBe('JPY');
    expect(named('rs', 'PKR')).toBe('PKR');
  });

  it('counts codes that are also English words only in capitals', () => {
    expect(named('pen')).toBeNull();
    expect(named('PEN')).toBe('PEN');
    expect(named('all')).toBeNull();
  });

  it('always reads the user’s own currency code', () => {
    expect(named('ron', 'RON')).toBe('RON');
    expect(named('mad', 'MAD')).toBe('MAD');
  });

  it('ignores ordinary words and unknown codes', () => {
    expect(named('tea')).toBeNull();
    expect(named('XYZ')).toBeNull();
  });
});
