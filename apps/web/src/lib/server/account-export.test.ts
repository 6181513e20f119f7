import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Money } from '#lib/graphql/money.ts';
import {
  accountJson,
  writeAccountXlsx,
  type AccountExportData,
  type ExportEntry,
} from './account-export.ts';

const inr = (minor: string): Money => ({
  amountMinor: minor,
  currency: 'INR',
  amount: '',
  formatted: '',
});

const ACCOUNT: AccountExportData = {
  me: {
    email: 'asha@example.com',
    displayName: 'Asha',
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
    locale: 'en-IN',
    weekStartsOn: 1,
    confirmAboveMinor: '500000',
    dailyDigestHour: 21,
    weeklyDigest: true,
    reminderHour: null,
    createdAt: '2026-01-02T03:04:05.000Z',
    whatsAppLinks: [
      {
        phoneNumber: '+919800000001',
        verifiedAt: '2026-01-03T00:00:00.000Z',
        active: true,
        createdAt: '2026-01-03T00:00:00.000Z',
      },
    ],
  },
  categories: [
    {
      name: 'Fuel',
      emoji: '⛽',
      color: '#ff8800',
      archived: false,
      aliases: ['petrol', 'diesel'],
      createdAt: '2026-01-02T03:04:05.000Z',
    },
  ],
  budgetChanges: [
    {
      category: null,
      from: '2026-03-01',
      limit: inr('4000000'),
      createdAt: '2026-03-02T00:00:00.000Z',
    },
    {
      category: { name: 'Fuel' },
      from: '2026-04-01',
      limit: null,
      createdAt: '2026-04-02T00:00:00.000Z',
    },
  ],
  recurringExpenses: [
    {
      kind: 'EXPENSE',
      amount: inr('1500000'),
      category: null,
      note: 'rent',
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 1,
      dayOfWeek: null,
      monthOfYear: null,
      description: 'every month on the 1st',
      paused: false,
      startsOn: '2026-01-01',
      endsOn: null,
      nextRunOn: '2026-05-01',
      lastRun: '2026-04-01T03:30:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
};

const entry = (over: Partial<ExportEntry>): ExportEntry => ({
  id: 'e1',
  kind: 'EXPENSE',
  amount: inr('12050'),
  occurredAt: '2026-03-08T06:30:00.000Z',
  localDate: '2026-03-08',
  note: 'petrol',
  source: 'WHATSAPP',
  category: { id: 'c1', name: 'Fuel', emoji: null, color: null },
  createdAt: '2026-03-08T06:31:00.000Z',
  deletedAt: null,
  attachments: [],
  ...over,
});

const RECEIPT = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]);
const read: string[] = [];

// Pages as the api hands them over: one at a time, later.
async function* pages(): AsyncGenerator<ExportEntry[]> {
  yield await Promise.resolve([
    entry({ attachments: [{ id: 'a1', mimeType: 'image/jpeg', size: RECEIPT.length }] }),
  ]);
  yield [entry({ id: 'e2', kind: 'INCOME', amount: inr('5000000'), note: '=1+1', category: null })];
}

async function jsonOf(entries: AsyncIterable<ExportEntry[]>) {
  let text = '';
  const readAttachment = (id: string) => {
    read.push(id);
    return Promise.resolve(RECEIPT);
  };
  for await (const piece of accountJson(
    ACCOUNT,
    entries,
    new Date('2026-05-01T00:00:00Z'),
    readAttachment,
  ))
    text += piece;
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the JSON export', () => {
  it('holds the profile (no secrets), numbers, categories, budgets, rules and entries', async () => {
    const json = await jsonOf(pages());
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'exportedAt',
      'profile',
      'whatsAppNumbers',
      'categories',
      'budgets',
      'recurring',
      'entries',
    ]);
    expect(json.profile).toEqual({
      email: 'asha@example.com',
      displayName: 'Asha',
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
      locale: 'en-IN',
      weekStartsOn: 1,
      confirmAbove: '5000.00',
      dailyDigestHour: 21,
      weeklyDigest: true,
      reminderHour: null,
      memberSince: '2026-01-02T03:04:05.000Z',
    });
    expect(json.categories).toEqual([
      expect.objectContaining({ name: 'Fuel', aliases: ['petrol', 'diesel'], archived: false }),
    ]);
    expect(json.budgets).toEqual([
      expect.objectContaining({
        category: null,
        from: '2026-03-01',
        amount: '40000.00',
        ended: false,
      }),
      expect.objectContaining({ category: 'Fuel', amount: null, currency: null, ended: true }),
    ]);
    expect(json.recurring).toEqual([
      expect.objectContaining({
        type: 'Expense',
        amount: '15000.00',
        schedule: 'every month on the 1st',
      }),
    ]);
    expect(json.whatsAppNumbers).toEqual([
      expect.objectContaining({ phoneNumber: '+919800000001', active: true }),
    ]);
    expect(json.entries).toEqual([
      {
        date: '2026-03-08',
        type: 'Expense',
        amount: '120.50',
        currency: 'INR',
        category: 'Fuel',
        note: 'petrol',
        source: 'WHATSAPP',
        occurredAt: '2026-03-08T06:30:00.000Z',
        recordedAt: '2026-03-08T06:31:00.000Z',
        deletedAt: null,
        // The file itself, so the export does not depend on the account it came from.
        attachments: [
          {
            id: 'a1',
            mimeType: 'image/jpeg',
            size: 6,
            base64: Buffer.from(RECEIPT).toString('base64'),
          },
        ],
      },
      expect.objectContaining({
        type: 'Income',
        amount: '50000.00',
        note: '=1+1',
        category: null,
        attachments: [],
      }),
    ]);
    expect(read).toContain('a1');
  });

  it('is valid with no entries at all', async () => {
    const json = await jsonOf((async function* () {})());
    expect(json.entries).toEqual([]);
  });
});

describe('the XLSX export', () => {
  it('has a sheet per kind with headers, number amounts and text as text', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeAccountXlsx(output, ACCOUNT, pages());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (workbook.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Entries',
      'Categories',
      'Budgets',
      'Recurring',
      'WhatsApp numbers',
      'Profile',
    ]);
    const entries = rows('Entries');
    expect(entries[0]?.slice(0, 4)).toEqual(['Date', 'Type', 'Amount', 'Currency']);
    expect(entries[1]?.slice(0, 6)).toEqual([
      '2026-03-08',
      'Expense',
      120.5,
      'INR',
      'Fuel',
      'petrol',
    ]);
    expect(entries[2]?.slice(0, 6)).toEqual([
      '2026-03-08',
      'Income',
      50000,
      'INR',
      undefined,
      '=1+1',
    ]);
    expect(rows('Categories')[1]?.slice(0, 4)).toEqual(['Fuel', '⛽', '#ff8800', 'petrol, diesel']);
    expect(
      rows('Budgets')
        .slice(1)
        .map((r) => r.slice(0, 5)),
    ).toEqual([
      [undefined, '2026-03-01', 40000, 'INR', false],
      ['Fuel', '2026-04-01', undefined, undefined, true],
    ]);
    expect(rows('Profile')).toContainEqual(['email', 'asha@example.com']);
    expect(rows('WhatsApp numbers')[1]?.[0]).toBe('+919800000001');
  });
});
