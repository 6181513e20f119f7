import { formatMoney } from '@spendline/ledger';
import { describe, expect, it } from 'vitest';
import { drawStatement } from './draw.ts';
import { pdfPages } from './pdf-text.ts';
import { sampleStatement } from './sample.ts';

const ENGLISH_HEADINGS = [
  'Statement for',
  'Totals',
  'Previous month',
  'Change',
  'Income',
  'Budgets',
  'Entries',
  'Amount',
  'Category',
  'Uncategorised',
  'page 1 of',
];

describe('drawStatement', () => {
  it('writes the month’s totals, previous month, income and net as text a reader finds', async () => {
    const data = sampleStatement(40);
    const pdf = await drawStatement(data);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const [first] = await pdfPages(pdf);
    const spent = data.summary.totals[0]!.totalMinor;
    const money = (minor: bigint) => formatMoney(minor, 'INR', 'en-IN');
    expect(first).toContain('Statement for November 2026');
    expect(first).toContain(money(spent));
    expect(first).toContain('₹40,000.00');
    expect(first).toContain('₹85,000.00');
    const net = 8_500_000n - spent;
    expect(net).toBeGreaterThan(0n);
    expect(first).toContain(`+${money(net)}`);
    expect(first).toContain('40 expenses in INR');
  });

  it('draws categories, budgets and every entry, the table running over pages', async () => {
    const data = sampleStatement(500);
    const pages = await pdfPages(await drawStatement(data));
    expect(pages.length).toBeGreaterThan(5);
    const all = pages.join('\n');
    for (const c of data.summary.categories) expect(all).toContain(c.name!);
    expect(all).toContain('Monthly budget');
    expect(all).toContain('Food budget');
    // Every entry's amount is in the table, each row on its own line.
    const rows = all.split('\n').filter((line) => /^\d{1,2} Nov /.test(line));
    expect(rows).toHaveLength(data.entries.length);
    expect(all).toContain('+₹85,000.00');
    expect(pages.at(-1)).toContain(`page ${pages.length} of ${pages.length}`);
  });

  it('formats amounts in the owner’s locale and currency', async () => {
    const data = sampleStatement(3);
    data.owner = { ...data.owner, locale: 'pt-BR', currency: 'BRL' };
    data.entries = [
      { ...data.entries[0]!, currency: 'BRL', amountMinor: 123_456n, note: 'almoço' },
    ];
    data.summary = {
      ...data.summary,
      totals: [{ currency: 'BRL', totalMinor: 123_456n, count: 1 }],
      previousTotals: [],
      income: [],
      categories: [],
      days: [],
    };
    data.budgets = [];
    const pdf = await drawStatement(data);
    const [first] = await pdfPages(pdf);
    expect(first).toContain('Extrato de novembro de 2026');
    expect(first).toMatch(/R\$\s1\.234,56/);
    expect(first).toContain('almoço');
    for (const word of ['Totais', 'Mês anterior', 'Receita', 'Lançamentos (1)', 'Valor']) {
      expect(first).toContain(word);
    }
    expect(first).toContain('1 gasto em BRL');
    expect(first).toContain('página 1 de 1');
    for (const english of ENGLISH_HEADINGS) expect(first).not.toContain(english);
    // Latin letters need no Devanagari font.
    expect(Buffer.from(pdf).includes('NotoSansDevanagari')).toBe(false);
  });

  it('writes a Hindi statement in Hindi, in a font that has Devanagari', async () => {
    const data = sampleStatement(5);
    data.owner = { ...data.owner, locale: 'hi-IN' };
    data.budgets = [];
    const pdf = await drawStatement(data);
    const pages = await pdfPages(pdf);
    const all = pages.join('\n');
    // Readers give Devanagari back in the order glyphs are drawn (a vowel sign like ि
    // before its consonant), so the words checked are ones drawn in spoken order.
    for (const word of ['नवंबर 2026', 'कुल', 'बदलाव', 'आमदनी', 'शेष', 'रकम', 'नोट', 'पृष्ठ 1/1']) {
      expect(all).toContain(word);
    }
    expect(all).toContain('INR में 5 ख');
    expect(all).toContain('+₹85,000.00');
    for (const english of ENGLISH_HEADINGS) expect(all).not.toContain(english);
    expect(Buffer.from(pdf).includes('NotoSansDevanagari')).toBe(true);
  });

  it('sets a long heading or amount smaller instead of wrapping it into the next row', async () => {
    const data = sampleStatement(3);
    data.owner = { ...data.owner, locale: 'id-ID' };
    data.summary = {
      ...data.summary,
      income: [{ currency: 'INR', totalMinor: 12_345_678_900n, count: 1 }],
    };
    const [first] = await pdfPages(await drawStatement(data));
    const lines = first!.split('\n');
    expect(lines).toContainEqual(expect.stringContaining('Bulan sebelumnya'));
    expect(lines).toContainEqual(expect.stringContaining('Rs 123.456.789,00'));
  });

  it('draws a Hindi category name with Devanagari in an English statement', async () => {
    const data = sampleStatement(1);
    data.entries = data.entries.map((e) => (e.kind === 'EXPENSE' ? { ...e, category: 'भोजन' } : e));
    const pdf = await drawStatement(data);
    const [first] = await pdfPages(pdf);
    expect(first).toContain('Statement for November 2026');
    expect(first).toContain('भोजन');
    expect(Buffer.from(pdf).includes('NotoSansDevanagari')).toBe(true);
  });

  it('says so when nothing was recorded', async () => {
    const data = sampleStatement(0);
    data.entries = [];
    const [first] = await pdfPages(await drawStatement(data));
    expect(first).toContain('Nothing was recorded this month.');
  });
});
