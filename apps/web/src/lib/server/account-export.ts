// Everything an account holds, as JSON or as a workbook with a sheet per kind: profile
// settings (no secrets), categories with their aliases, entries, budgets, recurring rules
// and linked WhatsApp numbers. Entries arrive page by page and are written as they come.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';
import type { Money } from '#lib/graphql/money.ts';
import { toMajor } from '#lib/money.ts';
import { kindLabel } from './export-rows.ts';

/** Everything an account export holds apart from the entries, which are paged. */
export const AccountExportQuery = graphql(`
  query AccountExport {
    me {
      email
      displayName
      currency
      timeZone
      locale
      confirmAboveMinor
      dailyDigestHour
      weeklyDigest
      reminderHour
      weekStartsOn
      createdAt
      whatsAppLinks {
        phoneNumber
        verifiedAt
        active
        createdAt
      }
    }
    categories(includeArchived: true) {
      name
      emoji
      color
      archived
      aliases
      createdAt
    }
    budgetChanges {
      category {
        name
      }
      from
      limit {
        amountMinor
        currency
        amount
        formatted
      }
      createdAt
    }
    recurringExpenses {
      kind
      amount {
        amountMinor
        currency
        amount
        formatted
      }
      category {
        name
      }
      note
      frequency
      interval
      dayOfMonth
      dayOfWeek
      monthOfYear
      startsOn
      endsOn
      description
      paused
      nextRunOn
      lastRun
      createdAt
    }
  }
`);

/** Every entry, deleted ones too, oldest first. */
export const ExportEntriesQuery = graphql(`
  query ExportEntries($first: Int, $after: String) {
    expenses(
      filter: { status: ALL }
      orderBy: { field: OCCURRED_AT, direction: ASC }
      first: $first
      after: $after
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          amount {
            amountMinor
            currency
            amount
            formatted
          }
          occurredAt
          localDate
          note
          source
          category {
            id
            name
            emoji
            color
          }
          createdAt
          deletedAt
          attachments {
            id
            mimeType
            size
          }
        }
      }
    }
  }
`);

type Exported = ResultOf<typeof AccountExportQuery>;
/** The export of a signed-in account (its `me` is there). */
export type AccountExportData = Omit<Exported, 'me'> & { me: NonNullable<Exported['me']> };
export type ExportEntry = ResultOf<typeof ExportEntriesQuery>['expenses']['edges'][number]['node'];

type Cell = string | number | boolean | null;

/** One kind of row: its columns (key, header, width) and how a row reads. */
interface Sheet<T> {
  name: string;
  columns: { key: string; header: string; width: number }[];
  row: (item: T) => Record<string, Cell | string[]>;
}

const amount = (money: Money | null) => money && toMajor(money.amountMinor, money.currency);

export const ENTRIES: Sheet<ExportEntry> = {
  name: 'Entries',
  columns: [
    { key: 'date', header: 'Date', width: 12 },
    { key: 'type', header: 'Type', width: 10 },
    { key: 'amount', header: 'Amount', width: 12 },
    { key: 'currency', header: 'Currency', width: 10 },
    { key: 'category', header: 'Category', width: 18 },
    { key: 'note', header: 'Note', width: 32 },
    { key: 'source', header: 'Source', width: 12 },
    { key: 'occurredAt', header: 'Occurred at', width: 26 },
    { key: 'recordedAt', header: 'Recorded at', width: 26 },
    { key: 'deletedAt', header: 'Deleted at', width: 26 },
  ],
  row: (e) => ({
    date: e.localDate,
    type: kindLabel(e.kind),
    amount: amount(e.amount),
    currency: e.amount.currency,
    category: e.category?.name ?? null,
    note: e.note,
    source: e.source,
    occurredAt: e.occurredAt,
    recordedAt: e.createdAt,
    // Deleted entries wait in the undo bin until they are restored or the account goes.
    deletedAt: e.deletedAt,
  }),
};

type Account = AccountExportData;

export const CATEGORIES: Sheet<Account['categories'][number]> = {
  name: 'Categories',
  columns: [
    { key: 'name', header: 'Name', width: 20 },
    { key: 'emoji', header: 'Emoji', width: 8 },
    { key: 'color', header: 'Colour', width: 10 },
    { key: 'aliases', header: 'Aliases', width: 40 },
    { key: 'archived', header: 'Archived', width: 10 },
    { key: 'createdAt', header: 'Created at', width: 26 },
  ],
  row: (c) => ({
    name: c.name,
    emoji: c.emoji,
    color: c.color,
    aliases: c.aliases,
    archived: c.archived,
    createdAt: c.createdAt,
  }),
};

export const BUDGETS: Sheet<Account['budgetChanges'][number]> = {
  name: 'Budgets',
  columns: [
    { key: 'category', header: 'Category', width: 20 },
    { key: 'from', header: 'From month', width: 12 },
    { key: 'amount', header: 'Monthly limit', width: 14 },
    { key: 'currency', header: 'Currency', width: 10 },
    { key: 'ended', header: 'Ended', width: 8 },
    { key: 'setAt', header: 'Set at', width: 26 },
  ],
  row: (b) => ({
    category: b.category?.name ?? null,
    from: b.from,
    amount: amount(b.limit),
    currency: b.limit?.currency ?? null,
    ended: b.limit === null,
    setAt: b.createdAt,
  }),
};

export const RECURRING: Sheet<Account['recurringExpenses'][number]> = {
  name: 'Recurring',
  columns: [
    { key: 'type', header: 'Type', width: 10 },
    { key: 'amount', header: 'Amount', width: 12 },
    { key: 'currency', header: 'Currency', width: 10 },
    { key: 'category', header: 'Category', width: 18 },
    { key: 'note', header: 'Note', width: 24 },
    { key: 'schedule', header: 'Schedule', width: 28 },
    { key: 'frequency', header: 'Frequency', width: 10 },
    { key: 'interval', header: 'Every', width: 8 },
    { key: 'dayOfMonth', header: 'Day of month', width: 8 },
    { key: 'dayOfWeek', header: 'Day of week', width: 8 },
    { key: 'monthOfYear', header: 'Month', width: 8 },
    { key: 'startsOn', header: 'Starts on', width: 12 },
    { key: 'endsOn', header: 'Ends on', width: 12 },
    { key: 'paused', header: 'Paused', width: 8 },
    { key: 'nextRunOn', header: 'Next on', width: 12 },
    { key: 'lastRun', header: 'Last run', width: 26 },
    { key: 'createdAt', header: 'Created at', width: 26 },
  ],
  row: (r) => ({
    type: kindLabel(r.kind),
    amount: amount(r.amount),
    currency: r.amount.currency,
    category: r.category?.name ?? null,
    note: r.note,
    schedule: r.description,
    frequency: r.frequency,
    interval: r.interval,
    dayOfMonth: r.dayOfMonth,
    dayOfWeek: r.dayOfWeek,
    monthOfYear: r.monthOfYear,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    paused: r.paused,
    nextRunOn: r.nextRunOn,
    lastRun: r.lastRun,
    createdAt: r.createdAt,
  }),
};

export const WHATSAPP: Sheet<Account['me']['whatsAppLinks'][number]> = {
  name: 'WhatsApp numbers',
  columns: [
    { key: 'phoneNumber', header: 'Number', width: 18 },
    { key: 'verifiedAt', header: 'Verified at', width: 26 },
    { key: 'active', header: 'Active', width: 8 },
    { key: 'linkedAt', header: 'Linked at', width: 26 },
  ],
  row: (l) => ({
    phoneNumber: l.phoneNumber,
    verifiedAt: l.verifiedAt,
    active: l.active,
    linkedAt: l.createdAt,
  }),
};

/** The profile's settings; the password, sessions and API tokens stay out. */
export function profileOf({ me }: Account): Record<string, Cell> {
  return {
    email: me.email,
    displayName: me.displayName,
    currency: me.currency,
    timeZone: me.timeZone,
    locale: me.locale,
    weekStartsOn: me.weekStartsOn,
    confirmAbove: me.confirmAboveMinor && toMajor(me.confirmAboveMinor, me.currency),
    dailyDigestHour: me.dailyDigestHour,
    weeklyDigest: me.weeklyDigest,
    reminderHour: me.reminderHour,
    memberSince: me.createdAt,
  };
}

/** An attachment's bytes, as the api serves them to the person exporting. */
export type ReadAttachment = (id: string) => Promise<Uint8Array>;

/**
 * An entry's receipt photos and voice notes, bytes and all (base64): the export is what
 * leaves with the person, so it must not point at files that go with the account.
 */
async function filesOf(entry: ExportEntry, read: ReadAttachment) {
  const files = [];
  for (const file of entry.attachments) {
    const bytes = await read(file.id);
    files.push({
      id: file.id,
      mimeType: file.mimeType,
      size: file.size,
      base64: Buffer.from(bytes).toString('base64'),
    });
  }
  return files;
}

/**
 * The account as JSON text, in pieces: everything but the entries first, then the
 * entries one a line as their pages arrive, each with its files.
 */
export async function* accountJson(
  account: Account,
  entryPages: AsyncIterable<ExportEntry[]>,
  exportedAt: Date,
  readAttachment: ReadAttachment,
): AsyncGenerator<string> {
  const head = {
    format: 'spendline-account-export',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    profile: profileOf(account),
    whatsAppNumbers: account.me.whatsAppLinks.map(WHATSAPP.row),
    categories: account.categories.map(CATEGORIES.row),
    budgets: account.budgetChanges.map(BUDGETS.row),
    recurring: account.recurringExpenses.map(RECURRING.row),
  };
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "entries": [`;
  let first = true;
  for await (const page of entryPages) {
    for (const entry of page) {
      const row = {
        ...ENTRIES.row(entry),
        attachments: await filesOf(entry, readAttachment),
      };
      yield `${first ? '' : ','}\n    ${JSON.stringify(row)}`;
      first = false;
    }
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/**
 * A cell for the sheet: numbers where a spreadsheet adds them up, lists joined. Text
 * goes in as a string cell, which no spreadsheet runs as a formula, so it needs no
 * apostrophe (unlike CSV) and "+91..." stays as it was.
 */
function cell(key: string, value: Cell | string[]): Cell {
  if (Array.isArray(value)) return value.join(', ');
  if (key === 'amount' && typeof value === 'string') return Number(value);
  return value;
}

/** The account as a workbook, streamed into `output`: a sheet per kind, entries first. */
export async function writeAccountXlsx(
  output: Writable,
  account: Account,
  entryPages: AsyncIterable<ExportEntry[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const write = async <T>(sheet: Sheet<T>, pages: AsyncIterable<T[]> | Iterable<T[]>) => {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.columns = sheet.columns.map(({ header, width }) => ({ header, width }));
    for await (const page of pages) {
      for (const item of page) {
        const values = sheet.row(item);
        worksheet.addRow(sheet.columns.map(({ key }) => cell(key, values[key] ?? null))).commit();
      }
    }
    worksheet.commit();
  };
  await write(ENTRIES, entryPages);
  await write(CATEGORIES, [account.categories]);
  await write(BUDGETS, [account.budgetChanges]);
  await write(RECURRING, [account.recurringExpenses]);
  await write(WHATSAPP, [account.me.whatsAppLinks]);
  const profile = workbook.addWorksheet('Profile');
  profile.columns = [
    { header: 'Setting', width: 18 },
    { header: 'Value', width: 32 },
  ];
  for (const [key, value] of Object.entries(profileOf(account)))
    profile.addRow([key, value]).commit();
  profile.commit();
  await workbook.commit();
}
