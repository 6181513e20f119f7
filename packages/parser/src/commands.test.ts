import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { parse } from './parse.ts';
import type { Command, EditChange, ParseContext, ParseResult } from './types.ts';

function commandOf(text: string, context: ParseContext = contexts.india): Command {
  const result = parse(text, context);
  if (result.kind !== 'command') throw new Error(`"${text}" gave ${result.kind}`);
  return result.command;
}

function changeOf(text: string, context: ParseContext = contexts.india): EditChange {
  const command = commandOf(text, context);
  if (command.type !== 'editLast') throw new Error(`"${text}" gave ${command.type}`);
  return command.change;
}

function at(iso: string, context: ParseContext = contexts.india): ParseContext {
  return { ...context, now: new Date(iso) };
}

describe('period commands', () => {
  it('give today and yesterday as one-day ranges in the user’s zone', () => {
    expect(commandOf('today')).toEqual({
      type: 'today',
      range: { from: '2026-11-24', to: '2026-11-24' },
    });
    const justAfterMidnight = at('2026-11-23T19:00:00Z');
    expect(commandOf('yesterday', justAfterMidnight)).toEqual({
      type: 'yesterday',
      range: { from: '2026-11-23', to: '2026-11-23' },
    });
  });

  it('start the week on the locale’s first day', () => {
    expect(commandOf('week', contexts.us)).toMatchObject({
      range: { from: '2026-11-22', to: '2026-11-28' },
    });
    expect(commandOf('week', contexts.de)).toMatchObject({
      range: { from: '2026-11-23', to: '2026-11-29' },
    });
    expect(commandOf('last week', contexts.de)).toEqual({
      type: 'week',
      which: 'last',
      range: { from: '2026-11-16', to: '2026-11-22' },
    });
  });

  it('start the week on the person’s chosen day over their locale’s', () => {
    // Tuesday 2026-11-24: en-US weeks start on Sunday, de-DE ones on Monday.
    expect(commandOf('week', { ...contexts.us, weekStartsOn: 1 })).toMatchObject({
      range: { from: '2026-11-23', to: '2026-11-29' },
    });
    expect(commandOf('last week', { ...contexts.de, weekStartsOn: 7 })).toMatchObject({
      range: { from: '2026-11-15', to: '2026-11-21' },
    });
    expect(commandOf('week', { ...contexts.de, weekStartsOn: 6 })).toMatchObject({
      range: { from: '2026-11-21', to: '2026-11-27' },
    });
  });

  it('start the week on Monday for a locale without a region', () => {
    expect(commandOf('week', { ...contexts.us, locale: 'en' })).toMatchObject({
      range: { from: '2026-11-23', to: '2026-11-29' },
    });
  });

  it('give whole calendar months', () => {
    expect(commandOf('month')).toEqual({
      type: 'month',
      year: 2026,
      month: 11,
      range: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(commandOf('feb 2024')).toMatchObject({
      range: { from: '2024-02-01', to: '2024-02-29' },
    });
  });

  it('take last month across a new year', () => {
    expect(commandOf('last month', at('2026-01-10T06:30:00Z'))).toMatchObject({
      year: 2025,
      month: 12,
    });
  });

  it('read a month name as the latest such month that has begun', () => {
    expect(commandOf('november')).toMatchObject({ year: 2026, month: 11 });
    expect(commandOf('december')).toMatchObject({ year: 2025, month: 12 });
    expect(commandOf('december 2026')).toMatchObject({ year: 2026, month: 12 });
  });

  it('ignore politeness and summary words around a period', () => {
    expect(commandOf('please show me this month’s total')).toMatchObject({ type: 'month' });
    expect(commandOf('what did I spend yesterday?')).toMatchObject({ type: 'yesterday' });
  });
});

describe('other commands', () => {
  it('resolve the category of "category <name>" like an expense would', () => {
    expect(commandOf('category petrl')).toMatchObject({
      type: 'category',
      words: ['petrl'],
      category: { status: 'matched', categoryId: 'fuel', via: 'fuzzy' },
    });
    expect(commandOf('category pets')).toMatchObject({
      category: { status: 'none', words: ['pets'] },
    });
  });

  it('read last with a count, defaulting to five and capped at a hundred', () => {
    expect(commandOf('last')).toEqual({ type: 'last', count: 5 });
    expect(commandOf('last 12')).toEqual({ type: 'last', count: 12 });
    expect(commandOf('last 1000')).toEqual({ type: 'last', count: 100 });
  });

  it.each(['stop digests', 'Stop digest', 'digests off', 'stop reminders', 'STOP', 'unsubscribe'])(
    'reads "%s" as stopping digests and reminders',
    (text) => {
      expect(commandOf(text)).toEqual({ type: 'stopDigests' });
    },
  );

  it('read budgets with a category, an amount, both or neither', () => {
    expect(commandOf('budget')).toEqual({
      type: 'budget',
      category: null,
      amountMinor: null,
      currency: 'INR',
    });
    expect(commandOf('budget 5000 for petrol')).toMatchObject({
      category: { status: 'matched', categoryId: 'fuel' },
      amountMinor: 500000n,
    });
    expect(commandOf('budget $300', contexts.india)).toMatchObject({
      amountMinor: 30000n,
      currency: 'USD',
    });
  });

  // "presupuesto comida 5000" must never be saved as a 5,000 expense.
  it.each([
    ['presupuesto comida 5000', contexts.mexico, 'food', 500000n],
    ['orçamento mensal 4000', contexts.brazil, null, 400000n],
    ['anggaran makan 500000', contexts.indonesia, 'food', 500000n],
    ['बजट 40000', contexts.hindi, null, 4000000n],
    ['खाना बजट 5000', contexts.hindi, 'food', 500000n],
  ] as const)(
    'reads "%s" as a budget in its language',
    (text, context, categoryId, amountMinor) => {
      expect(commandOf(text, context)).toMatchObject({
        type: 'budget',
        category: categoryId === null ? null : { status: 'matched', categoryId },
        amountMinor,
      });
    },
  );

  it('read thanks and acknowledgements as small talk in every language', () => {
    for (const text of [
      'thanks!',
      'Thank you so much',
      'thx',
      'ok thanks',
      'muchas gracias',
      'obrigado',
      'terima kasih',
      'धन्यवाद',
      'shukriya',
    ]) {
      expect(commandOf(text), text).toEqual({ type: 'smallTalk', kind: 'thanks' });
    }
    for (const text of ['ok', 'OK.', 'got it', 'cool', 'great', 'very good', 'ठीक', 'oke']) {
      expect(commandOf(text), text).toEqual({ type: 'smallTalk', kind: 'ok' });
    }
    expect(commandOf('🙏')).toEqual({ type: 'smallTalk', kind: 'thanks' });
    for (const text of ['👍', '👍🏽', '❤️', '👌 ✅']) {
      expect(commandOf(text), text).toEqual({ type: 'smallTalk', kind: 'ok' });
    }
    expect(parse('😡', contexts.india)).toMatchObject({ kind: 'unknown', reason: 'empty' });
    expect(parse('thanks 500', contexts.india).kind).toBe('expenses');
    expect(parse('good morning', contexts.india).kind).toBe('unknown');
  });

  it('is not a command when an expense is in the message', () => {
    expect(parse('today 50 tea', contexts.india).kind).toBe('expenses');
    expect(parse('yesterday lunch 250', contexts.india).kind).toBe('expenses');
  });

  it('explains a botched edit, delete or undo instead of guessing', () => {
    const reasons = ['edit last', 'delete 50 food', 'undo everything'].map((text) => {
      const result: ParseResult = parse(text, contexts.india);
      return result.kind === 'unknown' && result.reason === 'unrecognized_command'
        ? result.command
        : result.kind;
    });
    expect(reasons).toEqual(['editLast', 'deleteLast', 'undo']);
  });

  it('refuses an edit to an amount that could not be recorded', () => {
    expect(parse('edit last 0', contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'non_positive_amount',
    });
    expect(parse('edit last 5000 crore', contexts.india)).toMatchObject({
      kind: 'unknown',
      reason: 'amount_too_large',
    });
  });
});

describe('edit last', () => {
  const usage =
    'Say "edit last" with the new amount, category or note, e.g. "edit last 150", ' +
    '"edit last category food", "edit last note dinner".';

  function refusal(text: string): ParseResult {
    return parse(text, contexts.india);
  }

  it('reads "move it to" a category as a category edit', () => {
    for (const text of ['move it to groceries', 'move last to groceries']) {
      expect(changeOf(text), text).toMatchObject({
        field: 'category',
        category: { status: 'matched', categoryId: 'groceries' },
      });
    }
    expect(parse('move 5000', contexts.india).kind).toBe('expenses');
  });

  it('reads a correction of the amount said as one', () => {
    for (const text of ['actually 350', 'make it 350', 'sorry, it was 350', 'I meant ₹350']) {
      expect(changeOf(text), text).toEqual({
        field: 'amount',
        amountMinor: 35_000n,
        currency: 'INR',
      });
    }
    for (const [text, context] of [
      ['na verdade 350', contexts.brazil],
      ['perdón, fue 350', contexts.mexico],
      ['ralat 35000', contexts.indonesia],
      ['matlab 350', contexts.india],
    ] as const) {
      expect(changeOf(text, context), text).toMatchObject({
        field: 'amount',
        amountMinor: 35_000n,
      });
    }
    // With anything else in it, it is an expense of its own.
    expect(parse('actually 350 lunch', contexts.india).kind).toBe('expenses');
    expect(parse('sorry', contexts.india).kind).toBe('unknown');
  });

  it('reads a new amount in any amount form and currency', () => {
    expect(commandOf('edit last ₹1.5k')).toEqual({
      type: 'editLast',
      change: { field: 'amount', amountMinor: 150000n, currency: 'INR' },
    });
    expect(changeOf('edit last 12 usd')).toEqual({
      field: 'amount',
      amountMinor: 1200n,
      currency: 'USD',
    });
    expect(changeOf('change last to 200')).toMatchObject({ field: 'amount', amountMinor: 20000n });
  });

  it('reads a new category after "category" or "cat", resolved like an expense’s', () => {
    expect(changeOf('edit last category food')).toEqual({
      field: 'category',
      category: {
        status: 'matched',
        categoryId: 'food',
        name: 'Food',
        via: 'name',
        word: 'food',
        distance: 0,
      },
      words: ['food'],
    });
    expect(changeOf('change last category to groceries')).toMatchObject({
      category: { status: 'matched', categoryId: 'groceries' },
      words: ['groceries'],
    });
    expect(changeOf('edit last cat petrl')).toMatchObject({
      category: { status: 'matched', categoryId: 'fuel', via: 'fuzzy', distance: 1 },
    });
    expect(changeOf('edit last food category')).toMatchObject({
      field: 'category',
      category: { status: 'matched', categoryId: 'food' },
    });
  });

  it('reads a category without the keyword when the words name one', () => {
    expect(changeOf('edit last to food')).toMatchObject({
      field: 'category',
      category: { status: 'matched', categoryId: 'food' },
    });
    expect(changeOf('edit last petrol')).toMatchObject({
      category: { status: 'matched', categoryId: 'fuel', via: 'alias', word: 'petrol' },
    });
    expect(changeOf('edit last #travel')).toMatchObject({
      category: { status: 'matched', categoryId: 'travel', via: 'hashtag' },
    });
  });

  it('leaves an ambiguous category for the conversation to ask', () => {
    const twice = {
      ...contexts.india,
      categories: [
        { id: 'a', name: 'Snacks', aliases: ['chai'] },
        { id: 'b', name: 'Drinks', aliases: ['chai'] },
      ],
    };
    for (const text of ['edit last chai', 'edit last category chai']) {
      const change = changeOf(text, twice);
      expect(change.field === 'category' && change.category).toMatchObject({
        status: 'ambiguous',
        candidates: [{ categoryId: 'a' }, { categoryId: 'b' }],
        words: ['chai'],
      });
    }
  });

  it('gives words that name no category only after the keyword', () => {
    expect(changeOf('edit last category pets')).toEqual({
      field: 'category',
      category: { status: 'none', words: ['pets'] },
      words: ['pets'],
    });
    expect(changeOf('edit last cat Pet Food')).toMatchObject({
      category: { status: 'matched', categoryId: 'food' },
      words: ['pet', 'food'],
    });
    expect(refusal('edit last pets')).toEqual({
      kind: 'unknown',
      reason: 'unrecognized_command',
      command: 'editLast',
      detail: usage,
    });
  });

  it('reads the note as the rest of the message, in the user’s own case and spacing', () => {
    expect(commandOf('edit last note dinner with team')).toEqual({
      type: 'editLast',
      change: { field: 'note', note: 'dinner with team' },
    });
    expect(changeOf('change last note to Birthday gift for Mom')).toEqual({
      field: 'note',
      note: 'Birthday gift for Mom',
    });
    expect(changeOf('Edit last notes:  Dinner,  with   Team!  ')).toEqual({
      field: 'note',
      note: 'Dinner,  with   Team!',
    });
    expect(changeOf('edit note - 🎂 cake for 12 people')).toEqual({
      field: 'note',
      note: '🎂 cake for 12 people',
    });
  });

  it('reads a note longer than any command', () => {
    const note = 'Lunch with Riya and the whole design team at the new place near the office';
    expect(changeOf(`please change my last entry's note to ${note}`)).toEqual({
      field: 'note',
      note,
    });
  });

  it('explains an edit with nothing to change, or with words that fit no field', () => {
    for (const text of [
      'edit last',
      'edit last note',
      'change last note to',
      'edit last note!',
      'edit last category',
      'edit last category 150',
      'edit last 150 food',
      'edit last abc',
    ]) {
      expect(refusal(text), text).toEqual({
        kind: 'unknown',
        reason: 'unrecognized_command',
        command: 'editLast',
        detail: usage,
      });
    }
  });

  it('leaves expenses that merely mention a note alone', () => {
    expect(parse('note 50 stationery', contexts.india).kind).toBe('expenses');
    expect(parse('120 notebook and notes', contexts.india).kind).toBe('expenses');
  });
});

describe('commands in Portuguese, Spanish, Indonesian and Hindi', () => {
  const cases: [string, ParseContext, string][] = [
    ['hoje', contexts.brazil, 'today'],
    ['semana', contexts.brazil, 'week this'],
    ['semana passada', contexts.brazil, 'week last'],
    ['mês', contexts.brazil, 'month 11'],
    ['resumo', contexts.brazil, 'summary'],
    ['desfazer', contexts.brazil, 'undo'],
    ['ajuda', contexts.brazil, 'help'],
    ['hoy', contexts.mexico, 'today'],
    ['mes pasado', contexts.mexico, 'month 10'],
    ['resumen', contexts.mexico, 'summary'],
    ['deshacer', contexts.mexico, 'undo'],
    ['ayuda', contexts.mexico, 'help'],
    ['hari ini', contexts.indonesia, 'today'],
    ['minggu ini', contexts.indonesia, 'week this'],
    ['minggu lalu', contexts.indonesia, 'week last'],
    ['bulan ini', contexts.indonesia, 'month 11'],
    ['ringkasan', contexts.indonesia, 'summary'],
    ['batal', contexts.indonesia, 'undo'],
    ['bantuan', contexts.indonesia, 'help'],
    ['आज', contexts.hindi, 'today'],
    ['आज का खर्चा', contexts.hindi, 'today'],
    ['इस हफ्ते', contexts.hindi, 'week this'],
    ['पिछले महीने', contexts.hindi, 'month 10'],
    ['मदद', contexts.hindi, 'help'],
    ['हटाओ', contexts.hindi, 'undo'],
    ['categorias', contexts.brazil, 'categories'],
    ['categorías', contexts.mexico, 'categories'],
    ['kategori', contexts.indonesia, 'categories'],
    ['श्रेणियाँ', contexts.hindi, 'categories'],
    ['parar resumos', contexts.brazil, 'stopDigests'],
    ['apagar último', contexts.brazil, 'deleteLast'],
    ['últimos 5', contexts.brazil, 'last'],
    ['últimos 10 movimientos', contexts.mexico, 'last'],
    ['borrar último', contexts.mexico, 'deleteLast'],
    ['hapus terakhir', contexts.indonesia, 'deleteLast'],
    ['editar último 150', contexts.brazil, 'editLast'],
    ['editar último categoría comida', contexts.mexico, 'editLast'],
    ['ubah terakhir 150', contexts.indonesia, 'editLast'],
    ['detener resúmenes', contexts.mexico, 'stopDigests'],
    ['matikan pengingat', contexts.indonesia, 'stopDigests'],
    ['सारांश बंद', contexts.hindi, 'stopDigests'],
    ['aaj', contexts.india, 'today'],
    ['is hafte ka hisab', contexts.india, 'week this'],
    ['madad', contexts.india, 'help'],
    ['help', contexts.brazil, 'help'],
    ['del', contexts.mexico, 'deleteLast'],
  ];

  it.each(cases)('reads "%s" as the command it names', (text, context, expected) => {
    const command = commandOf(text, context);
    const detail =
      command.type === 'week'
        ? ` ${command.which}`
        : command.type === 'month'
          ? ` ${command.month}`
          : '';
    expect(`${command.type}${detail}`).toBe(expected);
  });

  it.each([
    ['categoria comida', contexts.brazil],
    ['categoría comida', contexts.mexico],
    ['kategori makan', contexts.indonesia],
    ['श्रेणी खाना', contexts.hindi],
  ] as const)('reads "%s" as one category in its language', (text, context) => {
    expect(commandOf(text, context)).toMatchObject({
      type: 'category',
      category: { status: 'matched', categoryId: 'food' },
    });
  });

  it('leaves an expense with a date word an expense', () => {
    expect(parse('hoje almoço 30', contexts.brazil).kind).toBe('expenses');
    expect(parse('आज चाय 30', contexts.hindi).kind).toBe('expenses');
  });
});

describe('Hindi fixes and listings, verb last', () => {
  it.each(['आखिरी हटाओ', 'aakhri hatao', 'आख़िरी वाला हटा दो', 'akhri mitao'])(
    'deletes the last entry with "%s"',
    (text) => {
      expect(commandOf(text, contexts.hindi)).toEqual({ type: 'deleteLast' });
    },
  );

  it.each(['आखिरी बदलो 150', 'aakhri badlo 150', 'आखिरी 150 बदलो', 'aakhri ko 150 badal'])(
    'edits the last amount with "%s"',
    (text) => {
      expect(changeOf(text, contexts.hindi)).toMatchObject({
        field: 'amount',
        amountMinor: 15000n,
      });
    },
  );

  it('edits the last category in Hindi words', () => {
    expect(changeOf('आखिरी बदलो श्रेणी खाना', contexts.hindi)).toMatchObject({
      field: 'category',
      category: { status: 'matched', categoryId: 'food' },
    });
  });

  it.each([
    ['आखिरी 5', contexts.hindi, 5],
    ['pichhle 10', contexts.india, 10],
    ['आखिरी', contexts.hindi, 5],
    ['5 terakhir', contexts.indonesia, 5],
    ['terakhir 7', contexts.indonesia, 7],
    ['10 transaksi terakhir', contexts.indonesia, 10],
  ] as const)('lists "%s" as the last entries', (text, context, count) => {
    expect(commandOf(text, context)).toEqual({ type: 'last', count });
  });

  it.each([
    ['हटाओ', contexts.hindi, 'command'],
    ['aakhri 150 chai', contexts.india, 'expenses'],
    ['pichhle hafte 300 chai', contexts.india, 'expenses'],
    ['5 terakhir makan', contexts.indonesia, 'expenses'],
    ['badlo 150', contexts.india, 'expenses'],
  ] as const)('reads "%s" as before', (text, context, kind) => {
    expect(parse(text, context).kind).toBe(kind);
  });
});
