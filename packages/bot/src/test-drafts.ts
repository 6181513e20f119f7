// Builders of drafts and events for the conversation machine's tests. Every value is
// fixed (no clocks, no random ids) so a failing test prints the same thing twice.
import type { Command } from '@spendline/parser';
import { choiceEvent, type BotEvent, type CategoryRef, type DraftExpense } from './types.ts';

type EventOf<T extends BotEvent['type']> = Extract<BotEvent, { type: T }>;

/** The time the first message of every test arrives. */
export const T0 = '2026-11-24T10:00:00.000Z';

export const MINUTE = 60_000;

/** The instant `ms` milliseconds after T0, as a message timestamp. */
export function after(ms: number): string {
  return new Date(Date.parse(T0) + ms).toISOString();
}

export const FOOD: CategoryRef = { id: 'cat-food', name: 'Food' };
export const TRAVEL: CategoryRef = { id: 'cat-travel', name: 'Travel' };
export const OTHER: CategoryRef = { id: 'cat-other', name: 'Other' };

/** An expense ready to save: a category, no concerns. */
export function draft(id: string, overrides: Partial<DraftExpense> = {}): DraftExpense {
  return {
    id,
    messageId: 'msg-1',
    amountMinor: '25000',
    currency: 'INR',
    occurredOn: '2026-11-24',
    dateExplicit: false,
    note: 'lunch',
    text: `250 lunch (${id})`,
    category: FOOD,
    word: null,
    candidates: [],
    newCategoryId: `new-${id}`,
    other: OTHER,
    concerns: [],
    ...overrides,
  };
}

/** An expense whose word named no category: the user is asked to pick one. */
export function unclear(id: string, overrides: Partial<DraftExpense> = {}): DraftExpense {
  return draft(id, {
    note: 'chai',
    text: `40 chai (${id})`,
    amountMinor: '4000',
    category: null,
    word: 'chai',
    candidates: [FOOD, TRAVEL],
    ...overrides,
  });
}

/** An expense with a category but an unusual amount: the user is asked to confirm. */
export function large(id: string, overrides: Partial<DraftExpense> = {}): DraftExpense {
  return draft(id, { amountMinor: '9900000', concerns: ['large'], ...overrides });
}

export const events = {
  expenses: (expenses: DraftExpense[], at = T0): EventOf<'EXPENSES'> => ({
    type: 'EXPENSES',
    at,
    expenses,
  }),
  command: (command: Command, at = T0): EventOf<'COMMAND'> => ({ type: 'COMMAND', at, command }),
  /** A tap on the reply id `id`, decoded as the runtime decodes it. */
  choice: (id: string, at = T0) => choiceEvent(id, at),
  unclear: (text: string, detail: string, at = T0): EventOf<'UNCLEAR'> => ({
    type: 'UNCLEAR',
    at,
    text,
    detail,
  }),
  unsupported: (kind: string, at = T0): EventOf<'UNSUPPORTED'> => ({
    type: 'UNSUPPORTED',
    at,
    kind,
  }),
  stranger: (text: string, at = T0): EventOf<'STRANGER'> => ({ type: 'STRANGER', at, text }),
  link: (code: string, at = T0): EventOf<'LINK'> => ({ type: 'LINK', at, code }),
};

const range = { from: '2026-11-24', to: '2026-11-24' };

/** One command of every kind that reports or lists (no write, no bigint). */
export const statementCommands: Command[] = [
  { type: 'today', range },
  { type: 'yesterday', range: { from: '2026-11-23', to: '2026-11-23' } },
  { type: 'week', which: 'this', range: { from: '2026-11-23', to: '2026-11-29' } },
  { type: 'month', year: 2026, month: 11, range: { from: '2026-11-01', to: '2026-11-30' } },
  { type: 'summary' },
  {
    type: 'category',
    words: ['food'],
    category: {
      status: 'matched',
      categoryId: FOOD.id,
      name: FOOD.name,
      via: 'name',
      word: 'food',
      distance: 0,
    },
  },
  { type: 'categories' },
  { type: 'help' },
  { type: 'last', count: 5 },
  { type: 'budget', category: null, amountMinor: 500000n, currency: 'INR' },
];
