import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { MAX_MESSAGE_LENGTH, parse } from './parse.ts';
import type { ParseContext, ParsedExpense } from './types.ts';

function expenses(text: string, context: ParseContext = contexts.india): ParsedExpense[] {
  const result = parse(text, context);
  if (result.kind !== 'expenses') throw new Error(`"${text}" gave ${JSON.stringify(result.kind)}`);
  return result.expenses;
}

describe('parse', () => {
  it.each([
    ['received 50000 salary', 'INCOME', 5_000_000n, 'salary'],
    ['+5000 freelance', 'INCOME', 500_000n, 'freelance'],
    ['income 1200 refund', 'INCOME', 120_000n, 'refund'],
    ['salary 15000 to maid', 'EXPENSE', 1_500_000n, 'salary to maid'],
    ['lunch +200', 'EXPENSE', 20_000n, 'lunch'],
  ])('reads "%s" as %s', (text, kind, amountMinor, note) => {
    expect(expenses(text)).toMatchObject([{ kind, amountMinor, note }]);
  });

  it('returns an expense with every field typed', () => {
    expect(parse('spent 250 on lunch yesterday', contexts.india)).toEqual({
      kind: 'expenses',
      expenses: [
        {
          kind: 'EXPENSE',
          amountMinor: 25000n,
          currency: 'INR',
          category: {
            status: 'matched',
            categoryId: 'food',
            name: 'Food',
            via: 'alias',
            word: 'lunch',
            distance: 0,
          },
          note: 'lunch',
          occurredOn: '2026-11-23',
          dateExplicit: true,
          text: 'spent 250 on lunch yesterday',
        },
      ],
    });
  });

  it('resolves yesterday in the user’s zone at half past midnight, whatever the server’s zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        const context = { ...contexts.india, now: new Date('2026-11-23T19:00:00Z') };
        const [today] = expenses('50 tea', context);
        const [yesterday] = expenses('yesterday 50 tea', context);
        expect([today?.occurredOn, yesterday?.occurredOn]).toEqual(['2026-11-24', '2026-11-23']);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('reads the amount before "day before yesterday" as the amount', () => {
    for (const text of ['cab 180 day before yesterday', '180 cab day before yesterday']) {
      const [cab] = expenses(text);
      expect([cab?.amountMinor, cab?.note, cab?.occurredOn]).toEqual([
        18_000n,
        'cab',
        '2026-11-22',
      ]);
    }
    expect(expenses('cab 180 3 days ago')[0]?.occurredOn).toBe('2026-11-21');
  });

  it('leaves an emoji’s presentation selector out of the note', () => {
    expect(expenses('☕️ 50').map((e) => [e.amountMinor, e.note])).toEqual([[5_000n, '']]);
    expect(expenses('50 coffee ❤️')[0]?.note).toBe('coffee');
  });

  it('reads items priced one after another as separate expenses', () => {
    const read = (text: string) => expenses(text).map((e) => [e.amountMinor, e.note]);
    expect(read('lunch 250 dinner 400')).toEqual([
      [25_000n, 'lunch'],
      [40_000n, 'dinner'],
    ]);
    expect(read('lunch 250 yesterday dinner 400').length).toBe(2);
    // A number that names the thing rather than prices it stays with it ("room 101"), and
    // a quantity is no price ("2 coffees 150 each").
    expect(read('room 101 rent 5000')).toHaveLength(1);
    expect(read('2 coffees 150 each')).toEqual([[15_000n, '2 coffees each']]);
    expect(read('flight 5000 for 2')).toEqual([[500_000n, 'flight for 2']]);
    // Left whole, an item with another price in it says so, for the reply to tell.
    expect(expenses('tea 10 samosa 20')).toMatchObject([{ amountMinor: 1_000n, morePrices: true }]);
    for (const text of ['lunch 250 dinner 400', '2 coffees 150 each', '120 petrol']) {
      expect(
        expenses(text).some((e) => e.morePrices),
        text,
      ).toBe(false);
    }
  });

  it('counts minor units by the currency’s exponent', () => {
    expect(expenses('¥1200 sushi')[0]?.amountMinor).toBe(1200n);
    expect(expenses('KWD 1.250 taxi')[0]?.amountMinor).toBe(1250n);
    expect(expenses('$12.50 lunch')[0]?.amountMinor).toBe(1250n);
  });

  it('keeps amounts exact beyond what a float could hold', () => {
    const context = { ...contexts.india, maxAmountMajor: 10n ** 18n };
    expect(expenses('123456789012345.67 bond', context)[0]?.amountMinor).toBe(12345678901234567n);
  });

  it('applies a date heading to the expenses under it', () => {
    const found = expenses('last friday:\n50 tea\n120 petrol\n\nyesterday\n80 auto');
    expect(found.map((expense) => expense.occurredOn)).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-23',
    ]);
  });

  it('rejects the whole message when one of several expenses is wrong', () => {
    expect(parse('50 tea, 0 petrol', contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'non_positive_amount',
      text: '0 petrol',
    });
  });

  it('says which date is in the future', () => {
    expect(parse('200 lunch tomorrow', contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'future_date',
      date: '2026-11-25',
      today: '2026-11-24',
    });
  });

  it('offers the words and any category when there is no amount', () => {
    expect(parse('petrol tank full', contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'no_amount',
      words: ['petrol', 'tank', 'full'],
      category: { status: 'matched', categoryId: 'fuel' },
    });
  });

  it('answers empty and over-long messages without reading them', () => {
    expect(parse(' \n ', contexts.india)).toMatchObject({ kind: 'unknown', reason: 'empty' });
    expect(parse('5'.repeat(MAX_MESSAGE_LENGTH + 1), contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'too_long',
      limit: MAX_MESSAGE_LENGTH,
    });
  });

  it('gives every unknown result a sentence of detail', () => {
    for (const text of ['', 'hello there', '0 tea', 'tomorrow 5 tea', '31/02 5 tea', 'edit last']) {
      const result = parse(text, contexts.india);
      expect(result.kind === 'unknown' && result.detail.length > 10).toBe(true);
    }
  });

  it('reads a locale that groups thousands with spaces', () => {
    const french = { ...contexts.de, locale: 'fr-FR' };
    expect(expenses('120 500 hotel', french)[0]?.amountMinor).toBe(12050000n);
    expect(expenses('120 500 hotel')[0]?.amountMinor).toBe(12000n);
  });

  // How fast is the benchmark's business (its "hostile" table); here, that these finish.
  it('reads pathological input to a result', () => {
    const inputs = [
      '1+'.repeat(2048),
      '1,'.repeat(2048),
      'on '.repeat(1365),
      'petrl '.repeat(680),
      '9'.repeat(4096),
      'x\n5 '.repeat(1365),
      '🙂'.repeat(4096),
      '#a'.repeat(2048),
      '1 a, '.repeat(819),
      'day before '.repeat(372),
    ];
    for (const text of inputs) {
      expect(['expenses', 'command', 'unknown']).toContain(parse(text, contexts.india).kind);
    }
  });
});

describe('messages in Portuguese, Spanish, Indonesian and Hindi', () => {
  const cases: [string, ParseContext, string][] = [
    ['gastei 45,90 no almoço ontem', contexts.brazil, '4590 BRL 2026-11-23 Food "almoço"'],
    ['gasté 200 en comida ayer', contexts.mexico, '20000 MXN 2026-11-23 Food "comida"'],
    ['makan siang 25rb kemarin', contexts.indonesia, '25000 IDR 2026-11-23 Food "makan siang"'],
    ['कल 200 का पेट्रोल', contexts.hindi, '20000 INR 2026-11-23 Fuel "पेट्रोल"'],
    ['kal 300 ka khana', contexts.india, '30000 INR 2026-11-23 Food "khana"'],
    [
      'beli obat di apotek 32rb',
      contexts.indonesia,
      '32000 IDR 2026-11-24 Health "obat di apotek"',
    ],
    ['R$ 1.234,56 mercado', contexts.brazil, '123456 BRL 2026-11-24 Groceries "mercado"'],
    ['MX$ 1,250.80 súper', contexts.mexico, '125080 MXN 2026-11-24 Groceries "súper"'],
  ];

  it.each(cases)(
    'reads "%s" with the fillers of its language dropped',
    (text, context, expected) => {
      const [expense] = expenses(text, context);
      const category = expense?.category.status === 'matched' ? expense.category.name : 'none';
      expect(
        `${expense?.amountMinor} ${expense?.currency} ${expense?.occurredOn} ${category} "${expense?.note}"`,
      ).toBe(expected);
    },
  );
});
