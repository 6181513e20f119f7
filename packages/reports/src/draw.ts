// Draws a monthly statement with pdfkit: real text in embedded fonts (the standard PDF
// fonts have no rupee sign, nor most of the world's letters), in the owner's language,
// vector bars for the charts, and the entries as a table that runs over as many pages
// as it needs.
import { createRequire } from 'node:module';
import { formatMoney, type LocalDate } from '@spendline/ledger';
import PDFDocument from 'pdfkit';
import type { CategoryTotal, CurrencyTotal } from '@spendline/spending';
import type { StatementData, StatementEntry } from './statement-data.ts';
import { statementWords, type StatementSay } from './statement-words.ts';

const require = createRequire(import.meta.url);
const DEVANAGARI = '@expo-google-fonts/noto-sans-devanagari';
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  // DejaVu has no Devanagari; Noto Sans Devanagari also has Latin letters and digits,
  // so a line mixing Hindi with numbers needs only the one font.
  'regular-devanagari': require.resolve(
    `${DEVANAGARI}/400Regular/NotoSansDevanagari_400Regular.ttf`,
  ),
  'bold-devanagari': require.resolve(`${DEVANAGARI}/700Bold/NotoSansDevanagari_700Bold.ttf`),
};

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 20;
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#d9dee3';
const BAR = '#3b82f6';
const OVER = '#dc2626';
const PALETTE = ['#3b82f6', '#f97316', '#10b981', '#a855f7', '#ef4444', '#eab308', '#06b6d4'];
const MAX_CATEGORY_BARS = 12;
const ROW = 15;

type Doc = PDFKit.PDFDocument;
type Weight = 'regular' | 'bold';

const HAS_DEVANAGARI = /\p{Script=Devanagari}/u;

/** Sets the font that has the letters of `text`: its Devanagari face if it has any. */
function face(doc: Doc, weight: Weight, text: string): Doc {
  return doc.font(HAS_DEVANAGARI.test(text) ? `${weight}-devanagari` : weight);
}

interface Formats {
  say: StatementSay;
  money: (minor: bigint, currency: string) => string;
  percent: (ratio: number) => string;
  day: (date: LocalDate) => string;
  month: string;
  /** The day it was drawn, in the owner's time zone. */
  made: string;
}

function formats(data: StatementData): Formats {
  const { locale } = data.owner;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    say: statementWords(locale),
    money: (minor, currency) => formatMoney(minor, currency, locale),
    percent: (ratio) => percent.format(ratio),
    day: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    month: month.format(new Date(`${data.month}T00:00:00Z`)),
    made: new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeZone: data.owner.timeZone,
    }).format(data.generatedAt),
  };
}

/** The owner's currency first, then the others in the order given. */
function currenciesOf(data: StatementData): string[] {
  const { totals, previousTotals, income } = data.summary;
  const found = new Set([...totals, ...previousTotals, ...income].map((t) => t.currency));
  const own = data.owner.currency;
  return [
    ...(found.has(own) || found.size === 0 ? [own] : []),
    ...[...found].filter((c) => c !== own),
  ];
}

const amountIn = (list: CurrencyTotal[], currency: string) =>
  list.find((t) => t.currency === currency)?.totalMinor ?? 0n;

function heading(doc: Doc, text: string): void {
  room(doc, 60);
  doc.moveDown(0.8);
  face(doc, 'bold', text).fontSize(12).fillColor(INK).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.3);
}

/** Starts a new page unless `height` still fits on this one. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function signed(minor: bigint, currency: string, f: Formats): string {
  return `${minor > 0n ? '+' : ''}${f.money(minor, currency)}`;
}

function drawTotals(doc: Doc, data: StatementData, f: Formats): void {
  const { totals, previousTotals, income } = data.summary;
  const columns = [
    { title: f.say('spent'), width: 95 },
    { title: f.say('previousMonth'), width: 95 },
    { title: f.say('change'), width: 145 },
    { title: f.say('income'), width: 90 },
    { title: f.say('net'), width: 90 },
  ];
  const row = (cells: string[], weight: Weight, color: string) => {
    let x = PAGE.margin;
    const y = doc.y;
    doc.fillColor(color);
    cells.forEach((cell, i) => {
      const width = columns[i]!.width - 6;
      face(doc, weight, cell).fontSize(9);
      // A longer heading or amount is set smaller: wrapped, it would run into the row below.
      const fits = width / doc.widthOfString(cell);
      if (fits < 1) doc.fontSize(Math.max(6, 9 * fits));
      doc.text(cell, x, y, { width, lineBreak: false });
      x += columns[i]!.width;
    });
    doc.y = y + ROW;
  };
  row(
    columns.map((c) => c.title),
    'bold',
    MUTED,
  );
  for (const currency of currenciesOf(data)) {
    const spent = amountIn(totals, currency);
    const before = amountIn(previousTotals, currency);
    const earned = amountIn(income, currency);
    const count = totals.find((t) => t.currency === currency)?.count ?? 0;
    const change =
      before === 0n
        ? signed(spent - before, currency, f)
        : `${signed(spent - before, currency, f)} (${before < spent ? '+' : ''}${f.percent(
            Number(((spent - before) * 10_000n) / before) / 10_000,
          )})`;
    row(
      [
        f.money(spent, currency),
        f.money(before, currency),
        change,
        f.money(earned, currency),
        signed(earned - spent, currency, f),
      ],
      'regular',
      INK,
    );
    const counted = f.say('expensesIn', { count, currency });
    face(doc, 'regular', counted).fontSize(8).fillColor(MUTED).text(counted, PAGE.margin, doc.y);
    doc.y += 4;
  }
}

function drawCategories(doc: Doc, categories: CategoryTotal[], currency: string, f: Formats): void {
  const shown = categories.filter((c) => c.currency === currency).slice(0, MAX_CATEGORY_BARS);
  if (shown.length === 0) return;
  heading(doc, f.say('byCategory', { currency }));
  const top = shown[0]!.totalMinor;
  const labelWidth = 130;
  const valueWidth = 150;
  const barSpace = WIDTH - labelWidth - valueWidth - 10;
  shown.forEach((c, i) => {
    room(doc, ROW);
    const y = doc.y;
    const length = top === 0n ? 0 : Number((c.totalMinor * 10_000n) / top) / 10_000;
    const name = c.name ?? f.say('uncategorised');
    face(doc, 'regular', name)
      .fontSize(9)
      .fillColor(INK)
      .text(name, PAGE.margin, y, { width: labelWidth - 6, lineBreak: false });
    doc
      .rect(PAGE.margin + labelWidth, y + 1, Math.max(1, barSpace * length), 9)
      .fill(colorOf(c.color, i));
    face(doc, 'regular', '')
      .fillColor(INK)
      .text(
        `${f.money(c.totalMinor, currency)} · ${f.percent(c.share)}`,
        PAGE.margin + labelWidth + barSpace + 10,
        y,
        { width: valueWidth, align: 'right', lineBreak: false },
      );
    doc.y = y + ROW;
  });
  const others = categories.filter((c) => c.currency === currency).length - shown.length;
  if (others > 0) {
    const more = f.say('moreCategories', { count: others });
    face(doc, 'regular', more).fontSize(8).fillColor(MUTED).text(more, PAGE.margin, doc.y);
  }
}

function colorOf(color: string | null, index: number): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : PALETTE[index % PALETTE.length]!;
}

function drawDays(doc: Doc, data: StatementData, currency: string, f: Formats): void {
  const days = data.summary.days.filter((d) => d.currency === currency);
  if (days.length === 0) return;
  heading(doc, f.say('dayByDay', { currency }));
  const height = 110;
  room(doc, height + 30);
  const top = doc.y;
  const axisX = PAGE.margin + 60;
  const chartWidth = WIDTH - 60;
  const highest = days.reduce((max, d) => (d.totalMinor > max ? d.totalMinor : max), 0n);
  const step = chartWidth / days.length;
  doc.font('regular').fontSize(7).fillColor(MUTED);
  doc.text(f.money(highest, currency), PAGE.margin, top - 3, { width: 56, align: 'right' });
  doc.text(f.money(0n, currency), PAGE.margin, top + height - 6, { width: 56, align: 'right' });
  doc
    .moveTo(axisX, top)
    .lineTo(axisX, top + height)
    .lineTo(axisX + chartWidth, top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  days.forEach((d, i) => {
    const x = axisX + i * step;
    if (highest > 0n && d.totalMinor > 0n) {
      const share = Number((d.totalMinor * 10_000n) / highest) / 10_000;
      const bar = Math.max(0.5, height * share);
      doc.rect(x + step * 0.15, top + height - bar, step * 0.7, bar).fill(BAR);
    }
    const dayNumber = Number(d.date.slice(8));
    if (dayNumber === 1 || dayNumber % 5 === 0 || i === days.length - 1) {
      doc
        .fillColor(MUTED)
        .fontSize(7)
        .text(String(dayNumber), x - 4, top + height + 3, {
          width: step + 8,
          align: 'center',
          lineBreak: false,
        });
    }
  });
  doc.y = top + height + 16;
}

function drawBudgets(doc: Doc, data: StatementData, f: Formats): void {
  if (data.budgets.length === 0) return;
  heading(doc, f.say('budgets'));
  const labelWidth = 130;
  const valueWidth = 190;
  const barSpace = WIDTH - labelWidth - valueWidth - 10;
  for (const b of data.budgets) {
    room(doc, ROW);
    const y = doc.y;
    face(doc, 'regular', b.name)
      .fontSize(9)
      .fillColor(INK)
      .text(b.name, PAGE.margin, y, { width: labelWidth - 6, lineBreak: false });
    doc.rect(PAGE.margin + labelWidth, y + 1, barSpace, 9).fill(RULE);
    doc
      .rect(PAGE.margin + labelWidth, y + 1, Math.max(1, barSpace * Math.min(1, b.used)), 9)
      .fill(b.used > 1 ? OVER : BAR);
    const use = f.say('budgetUse', {
      spent: f.money(b.spentMinor, b.currency),
      limit: f.money(b.limitMinor, b.currency),
      share: f.percent(b.used),
    });
    face(doc, 'regular', use)
      .fillColor(b.used > 1 ? OVER : INK)
      .text(use, PAGE.margin + labelWidth + barSpace + 10, y, {
        width: valueWidth,
        align: 'right',
        lineBreak: false,
      });
    doc.y = y + ROW;
  }
}

const TABLE = [
  { title: 'date', width: 62 },
  { title: 'category', width: 110 },
  { title: 'note', width: 228 },
  { title: 'amount', width: 115 },
] as const;

function tableHeader(doc: Doc, f: Formats): void {
  const y = doc.y;
  doc.fontSize(8).fillColor(MUTED);
  let x = PAGE.margin;
  TABLE.forEach((column, i) => {
    const title = f.say(column.title);
    face(doc, 'bold', title).text(title, x, y, {
      width: column.width - 6,
      align: i === TABLE.length - 1 ? 'right' : 'left',
      lineBreak: false,
    });
    x += column.width;
  });
  doc
    .moveTo(PAGE.margin, y + 11)
    .lineTo(PAGE.margin + WIDTH, y + 11)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + 14;
}

function entryCells(entry: StatementEntry, f: Formats): string[] {
  const amount = f.money(entry.amountMinor, entry.currency);
  return [
    f.day(entry.date),
    entry.kind === 'INCOME' ? f.say('income') : (entry.category ?? f.say('uncategorised')),
    entry.note ?? '',
    entry.kind === 'INCOME' ? `+${amount}` : amount,
  ];
}

function drawEntries(doc: Doc, data: StatementData, f: Formats): void {
  heading(doc, f.say('entries', { count: data.entries.length + data.moreEntries }));
  if (data.entries.length === 0) {
    const nothing = f.say('nothing');
    face(doc, 'regular', nothing).fontSize(9).fillColor(MUTED).text(nothing);
    return;
  }
  tableHeader(doc, f);
  for (const entry of data.entries) {
    if (doc.y + ROW > BOTTOM) {
      doc.addPage();
      tableHeader(doc, f);
    }
    const y = doc.y;
    let x = PAGE.margin;
    doc.fontSize(8.5).fillColor(INK);
    entryCells(entry, f).forEach((cell, i) => {
      const width = TABLE[i]!.width;
      face(doc, 'regular', cell).text(cell, x, y, {
        width: width - 6,
        height: ROW - 3,
        ellipsis: true,
        align: i === TABLE.length - 1 ? 'right' : 'left',
      });
      x += width;
    });
    doc.y = y + ROW - 2;
  }
  if (data.moreEntries > 0) {
    const more = f.say('moreEntries', { count: data.moreEntries });
    face(doc, 'regular', more)
      .fontSize(8)
      .fillColor(MUTED)
      .text(more, PAGE.margin, doc.y + 4);
  }
}

/** Page numbers on every page, drawn once the number of pages is known. */
function footers(doc: Doc, f: Formats): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would otherwise open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = f.say('footer', { month: f.month, page: i + 1, pages: range.count });
    face(doc, 'regular', footer)
      .fontSize(7)
      .fillColor(MUTED)
      .text(footer, PAGE.margin, PAGE.height - PAGE.margin, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}

/** The statement as PDF bytes. */
export function drawStatement(data: StatementData): Promise<Uint8Array> {
  const f = formats(data);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    lang: data.owner.locale,
    displayTitle: true,
    info: {
      Title: f.say('documentTitle', { month: f.month }),
      Author: 'Spendline',
      CreationDate: data.generatedAt,
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    // Its own memory (not a slice of Node's shared pool), so it can move between threads.
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);

  const title = f.say('title', { month: f.month });
  face(doc, 'bold', title).fontSize(18).fillColor(INK).text(title);
  const subtitle = f.say('subtitle', {
    name: data.owner.name,
    from: f.day(data.month),
    to: f.day(data.lastDay),
    made: f.made,
  });
  face(doc, 'regular', subtitle).fontSize(9).fillColor(MUTED).text(subtitle);
  heading(doc, f.say('totals'));
  drawTotals(doc, data, f);
  const [main] = currenciesOf(data);
  if (main) {
    drawCategories(doc, data.summary.categories, main, f);
    drawDays(doc, data, main, f);
  }
  drawBudgets(doc, data, f);
  drawEntries(doc, data, f);
  footers(doc, f);
  doc.end();
  return done;
}
