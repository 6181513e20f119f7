// A year and a bit of one person's spending, made up the same way on every run, for the
// question corpus and its bench: kept in memory too, so expected answers are computed
// from the rows themselves.
import { randomUUID } from 'node:crypto';
import { createDefaultCategories, type Database } from '@spendline/db';

export interface SeededRow {
  id: string;
  /** The local day in Kolkata. */
  day: string;
  amountMinor: bigint;
  category: string | null;
  note: string | null;
  kind: 'EXPENSE' | 'INCOME';
  deleted: boolean;
}

export interface Seeded {
  userId: string;
  rows: SeededRow[];
  categories: { id: string; name: string; aliases: string[] }[];
}

export const TIME_ZONE = 'Asia/Kolkata';
/** Monday 7 December 2026, noon in India. */
export const NOW = new Date('2026-12-07T06:30:00Z');
const FIRST_DAY = Date.UTC(2025, 9, 1);
const LAST_DAY = Date.UTC(2026, 11, 7);
const DAY_MS = 86_400_000;
const KOLKATA_OFFSET_MS = 330 * 60_000;

const NOTES: Record<string, (string | null)[]> = {
  Food: ['swiggy', 'Zomato dinner', 'lunch', 'chai', 'Swiggy biryani', 'lunch with team', null],
  Transport: ['uber', 'Uber to office', 'ola', 'auto', 'metro'],
  Fuel: ['petrol', 'petrol full tank', 'diesel'],
  Groceries: ['dmart', 'bigbasket', 'milk', 'sabzi', 'DMart weekly'],
  Shopping: ['amazon', 'myntra', 'dmart', 'shoes'],
  Bills: ['electricity', 'wifi', 'recharge'],
  Rent: ['rent'],
  Health: ['medicine', 'doctor', 'gym'],
  Entertainment: ['netflix', 'movie'],
  Travel: ['flight', 'hotel'],
  Other: ['misc', null],
};
const NAMES = Object.keys(NOTES);

/** mulberry32: a small seeded generator, so every run seeds the same history. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedHistory(db: Database): Promise<Seeded> {
  const user = await db.prisma.user.create({
    data: {
      email: 'meera@example.com',
      displayName: 'Meera',
      timeZone: TIME_ZONE,
      locale: 'en-IN',
      currency: 'INR',
    },
  });
  await createDefaultCategories(db.prisma, user.id);
  const stored = await db.prisma.category.findMany({
    where: { userId: user.id },
    include: { aliases: true },
  });
  const categories = stored.map((c) => ({
    id: c.id,
    name: c.name,
    aliases: c.aliases.map((a) => a.alias),
  }));
  const idOf = new Map(categories.map((c) => [c.name, c.id]));
  const next = random(20261207);
  const rows: SeededRow[] = [];
  const data = [];
  for (let day = FIRST_DAY; day <= LAST_DAY; day += DAY_MS) {
    const count = Math.floor(next() * 6);
    for (let i = 0; i < count; i++) {
      const uncategorised = next() < 0.05;
      const name = uncategorised ? null : NAMES[Math.floor(next() * NAMES.length)]!;
      const notes = name === null ? ['cash'] : NOTES[name]!;
      const note = notes[Math.floor(next() * notes.length)] ?? null;
      // Some just after midnight and just before it, where a UTC day would differ.
      const minute = i === 0 ? 10 : i === 1 ? 23 * 60 + 50 : Math.floor(next() * 24 * 60);
      const amountMinor = BigInt(Math.floor(20 + next() * next() * 6000)) * 100n;
      const kind = next() < 0.03 ? ('INCOME' as const) : ('EXPENSE' as const);
      const deleted = next() < 0.03;
      const row: SeededRow = {
        id: randomUUID(),
        day: new Date(day).toISOString().slice(0, 10),
        amountMinor,
        category: name,
        note,
        kind,
        deleted,
      };
      rows.push(row);
      data.push({
        id: row.id,
        userId: user.id,
        kind,
        amountMinor,
        currency: 'INR',
        occurredAt: new Date(day + minute * 60_000 - KOLKATA_OFFSET_MS),
        note,
        categoryId: name === null ? null : idOf.get(name)!,
        source: 'WHATSAPP' as const,
        deletedAt: deleted ? new Date() : null,
      });
    }
  }
  await db.prisma.expense.createMany({ data });
  return { userId: user.id, rows, categories };
}
