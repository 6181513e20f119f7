import { translator } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { loadWebMessages } from './i18n/catalog.ts';
import { english } from './i18n/english.ts';
import { rowProblemText } from './import-words.ts';

const spanish = translator(await loadWebMessages('es'), 'es-MX');

describe('rowProblemText', () => {
  // The importer's own wording, as the api and the preview report it.
  const problems = [
    '"31/02/2026" is not a date',
    '"Rs" is not a currency code',
    '"1e9" is not an amount in INR',
    '"1.234" has more decimals than JPY amounts have',
    'the amount is zero',
    'amount too large: "12345678901234567890"',
    'the note contains invisible control characters (such as NUL)',
    'the category is longer than 50 characters',
    'this row could not be stored',
  ];

  it('reads the same in English as the importer words it', () => {
    for (const problem of problems) expect(rowProblemText(english.t, problem)).toBe(problem);
  });

  it('says each in the reader’s language', () => {
    expect(problems.map((problem) => rowProblemText(spanish, problem))).toEqual([
      '"31/02/2026" no es una fecha',
      '"Rs" no es un código de moneda',
      '"1e9" no es un monto en INR',
      '"1.234" tiene más decimales que los montos en JPY',
      'el monto es cero',
      'monto demasiado grande: "12345678901234567890"',
      'la nota contiene caracteres de control invisibles (como NUL)',
      'la categoría tiene más de 50 caracteres',
      'no se pudo guardar esta fila',
    ]);
  });
});
