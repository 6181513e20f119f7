import { translator } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { loadWebMessages } from '#lib/i18n/catalog.ts';
import { english } from '#lib/i18n/english.ts';
import { batchInput, mappingFrom, previewOf, readCsv, type CsvTable } from './import-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const viewer = { currency: 'INR', locale: 'en-IN' };
const { t } = english;

async function table(text: string): Promise<CsvTable> {
  const read = await readCsv(bytes(text), t);
  if ('problem' in read) throw new Error(read.problem);
  return read;
}

describe('readCsv', () => {
  it('reads the header and rows: BOM, semicolons, quotes, blank lines', async () => {
    expect(await table('\uFEFFDate;Amount;Note\n01/12/2026;"1.234,50";"tea; hot"\n\n')).toEqual({
      headers: ['Date', 'Amount', 'Note'],
      rows: [['01/12/2026', '1.234,50', 'tea; hot']],
    });
  });

  it('says so when a file is empty or not CSV at all', async () => {
    expect(await readCsv(bytes(''), t)).toEqual({ problem: 'This file is empty.' });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]);
    expect(await readCsv(zip, t)).toMatchObject({
      problem: expect.stringMatching(/^This is not a CSV/),
    });
  });
});

describe('mappingFrom', () => {
  const headers = ['Txn Date', 'Narration', 'Debit', 'Balance'];

  it('guesses from the headers on a first upload', () => {
    expect(mappingFrom(new FormData(), headers)).toEqual({ date: 0, note: 1, amount: 2 });
  });

  it('takes the chosen columns once the form was shown, ignoring bad ones', () => {
    const form = new FormData();
    const fields = { mapped: '1', date: '0', amount: '3', note: '', kind: '9' };
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    expect(mappingFrom(form, headers)).toEqual({ date: 0, amount: 3 });
  });
});

describe('previewOf', () => {
  it('shows the first rows as the import reads them, and counts the rest', async () => {
    const lines = ['Date,Type,Amount,Category,Note', '2026-12-01,Income,"50,000",,salary'];
    for (let i = 0; i < 12; i++)
      lines.push(i % 4 === 3 ? 'soon,,1,,' : `2026-12-02,,${i + 1},Food,tea`);
    const csv = await table(lines.join('\n'));
    const preview = previewOf(
      'bank.csv',
      csv,
      { date: 0, kind: 1, amount: 2, category: 3, note: 4 },
      viewer,
      t,
    );
    expect(preview).toMatchObject({
      fileName: 'bank.csv',
      total: 13,
      readable: 10,
      unreadable: 3,
      missing: [],
    });
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toEqual({
      line: 2,
      date: '2026-12-01',
      kind: 'INCOME',
      amount: '₹50,000.00',
      category: null,
      note: 'salary',
    });
    expect(preview.rows[4]).toEqual({ line: 6, problem: '"soon" is not a date' });
    expect(preview.problems).toEqual([{ line: 14, problem: '"soon" is not a date' }]);
  });

  it('says which columns are missing', async () => {
    const preview = previewOf('x.csv', await table('What,Where\ntea,home\n'), {}, viewer, t);
    expect(preview.missing).toEqual([
      'Choose the column that holds the date.',
      'Choose the column that holds the amount.',
    ]);
    expect(preview.readable).toBe(0);
  });

  it('says what is wrong in the reader’s language, keeping the cell as the file has it', async () => {
    const hindi = translator(await loadWebMessages('hi'), 'hi-IN');
    const csv = await table('Date,Amount,Note\nsoon,1,tea\n2026-12-01,abc,tea\n');
    const preview = previewOf('x.csv', csv, { date: 0, note: 2 }, viewer, hindi);
    expect(preview.missing).toEqual(['वह कॉलम चुनें जिसमें रकम है।']);
    const portuguese = translator(await loadWebMessages('pt-BR'), 'pt-BR');
    const read = previewOf('x.csv', csv, { date: 0, amount: 1 }, viewer, portuguese);
    expect(read.rows).toEqual([
      { line: 2, problem: '"soon" não é uma data' },
      { line: 3, problem: '"abc" não é um valor em INR' },
    ]);
    expect(await readCsv(bytes(''), portuguese)).toEqual({ problem: 'Este arquivo está vazio.' });
  });
});

describe('batchInput', () => {
  const good = { rows: [['2026-12-01', '12']], mapping: { date: 0, amount: 1 }, firstLine: 2 };

  it('takes a batch the page’s script sends', () => {
    expect(batchInput(good)).toEqual({ ...good, startedAt: undefined });
    expect(batchInput({ ...good, startedAt: '2026-12-02T10:00:00Z' })?.startedAt).toBe(
      '2026-12-02T10:00:00Z',
    );
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      { ...good, rows: [[1, 2]] },
      { ...good, rows: Array.from({ length: 2001 }, () => ['x']) },
      { ...good, mapping: { date: 0 } },
      { ...good, mapping: { date: -1, amount: 1 } },
      { ...good, firstLine: 0 },
      { ...good, startedAt: 5 },
    ])
      expect(batchInput(bad)).toBeNull();
  });
});
