import { describe, expect, it } from 'vitest';
import { booksTranslator, loadBooksMessages } from '#lib/i18n/books-catalog.ts';
import { leaveRefusal } from './leave-refusal.ts';

const asha = { person: { name: 'Asha', former: false }, amount: { formatted: '₹600.00' } };
const gone = { person: { name: '', former: true }, amount: { formatted: '₹200.00' } };

async function refusalIn(locale: string, people = [asha, gone]) {
  return leaveRefusal(people, booksTranslator(await loadBooksMessages(locale), locale), locale);
}

describe('leaveRefusal', () => {
  it('says it as the api does in English, a former member by the catalog’s word', async () => {
    expect(await refusalIn('en-IN', [asha])).toBe('Settle ₹600.00 with Asha before leaving.');
    expect(await refusalIn('en-IN')).toBe(
      'Settle ₹600.00 with Asha and ₹200.00 with Former member before leaving.',
    );
  });

  it('speaks the reader’s language, lists joined as the language joins them', async () => {
    expect(await refusalIn('pt-BR')).toBe(
      'Acerte ₹600.00 com Asha e ₹200.00 com Ex-membro antes de sair.',
    );
    expect(await refusalIn('es-MX', [asha])).toBe('Salda ₹600.00 con Asha antes de salir.');
  });
});
