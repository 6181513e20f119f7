import type { Command } from '@spendline/parser';
import { describe, expect, it } from 'vitest';
import { createActor, type Snapshot } from 'xstate';
import { conversationMachine, DEFAULT_QUESTION_TTL_MS } from './machine.ts';
import {
  after,
  draft,
  events,
  FOOD,
  large,
  MINUTE,
  OTHER,
  statementCommands,
  T0,
  TRAVEL,
  unclear,
} from './test-drafts.ts';
import type { BotContext, BotEvent, DraftExpense, Effect } from './types.ts';

interface Chat {
  /** Sends one event and returns the effects it emitted, in order. */
  send(event: BotEvent): Effect[];
  value(): string;
  context(): BotContext;
  status(): string;
  persisted(): Snapshot<unknown>;
  /** Errors the actor reported (an action that threw puts it in status 'error'). */
  errors: unknown[];
}

function chat(
  options: { input?: { questionTtlMs?: number }; snapshot?: Snapshot<unknown> } = {},
): Chat {
  const actor = createActor(conversationMachine, {
    input: options.input,
    snapshot: options.snapshot,
  });
  let effects: Effect[] = [];
  const errors: unknown[] = [];
  actor.on('*', (effect) => effects.push(effect));
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();
  return {
    send(event) {
      effects = [];
      actor.send(event);
      return effects;
    },
    value: () => actor.getSnapshot().value,
    context: () => actor.getSnapshot().context,
    status: () => actor.getSnapshot().status,
    persisted: () => actor.getPersistedSnapshot(),
    errors,
  };
}

/** A chat that has just been asked about the first unclear or concerning expense of `drafts`. */
function askedAbout(drafts: DraftExpense[], input?: { questionTtlMs?: number }): Chat {
  const c = chat({ input });
  c.send(events.expenses(drafts, T0));
  expect(c.value()).toBe('asking');
  return c;
}

const askCategory = (expense: DraftExpense, reminder: boolean): Effect => ({
  type: 'askCategory',
  expense,
  reminder,
});
const askConfirm = (expense: DraftExpense, reminder: boolean): Effect => ({
  type: 'askConfirm',
  expense,
  reminder,
});

const TODAY: Command = { type: 'today', range: { from: '2026-11-24', to: '2026-11-24' } };
const LATE = after(DEFAULT_QUESTION_TTL_MS + 1);

describe('idle', () => {
  it('saves a message whose expenses are all ready in one save and stays idle', () => {
    const c = chat();
    const lunch = draft('e1');
    const taxi = draft('e2', { category: TRAVEL, note: 'taxi' });

    expect(c.send(events.expenses([lunch, taxi]))).toEqual([
      { type: 'save', expenses: [lunch, taxi] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      question: null,
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1', 'e2'] },
    });
  });

  it('saves the ready expenses, then asks the category of the first unclear one', () => {
    const c = chat();
    const [e1, e2, e3, e4] = [draft('e1'), unclear('e2'), unclear('e3'), draft('e4')];
    const at = after(5_000);

    expect(c.send(events.expenses([e1, e2, e3, e4], at))).toEqual([
      { type: 'save', expenses: [e1, e4] },
      { type: 'queued', expenses: [e3] },
      askCategory(e2, false),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e2, e3],
      question: { kind: 'category', askedAt: at },
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1', 'e4'] },
    });
  });

  it('saves nothing and keeps no record when every expense needs an answer', () => {
    const c = chat();
    const e1 = unclear('e1');

    expect(c.send(events.expenses([e1]))).toEqual([askCategory(e1, false)]);
    expect(c.context()).toMatchObject({ queue: [e1], lastSaved: null });
  });

  it.each([['large' as const], ['duplicate' as const]])(
    'asks to confirm an expense with a category but a %s concern',
    (concern) => {
      const c = chat();
      const e1 = draft('e1', { concerns: [concern] });

      expect(c.send(events.expenses([e1], after(1_000)))).toEqual([askConfirm(e1, false)]);
      expect(c.value()).toBe('asking');
      expect(c.context()).toMatchObject({
        queue: [e1],
        question: { kind: 'confirm', askedAt: after(1_000) },
        lastSaved: null,
      });
    },
  );

  it('does nothing with a message of no expenses', () => {
    const c = chat();
    expect(c.send(events.expenses([]))).toEqual([]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({ queue: [], question: null, lastSaved: null });
  });

  describe('commands', () => {
    function withSaved(): Chat {
      const c = chat();
      c.send(events.expenses([draft('e1'), draft('e2')]));
      return c;
    }

    it('undo names the last saved expenses and forgets them', () => {
      const c = withSaved();
      expect(c.send(events.command({ type: 'undo' }))).toEqual([
        { type: 'undo', expenseIds: ['e1', 'e2'] },
      ]);
      expect(c.value()).toBe('idle');
      expect(c.context().lastSaved).toBeNull();
    });

    it('passes a statement’s text and page through, for the More button', () => {
      const c = chat();
      const command = { type: 'last', count: 100 } as const;
      expect(c.send({ ...events.command(command), text: 'last 100', page: 3 })).toEqual([
        { type: 'command', command, text: 'last 100', page: 3 },
      ]);
      expect(c.value()).toBe('idle');
    });

    it('undo without a record leaves the runtime to find the last expenses', () => {
      const c = withSaved();
      c.send(events.command({ type: 'undo' }));
      expect(c.send(events.command({ type: 'undo' }))).toEqual([
        { type: 'undo', expenseIds: null },
      ]);
      expect(c.context().lastSaved).toBeNull();
    });

    it('deleteLast removes only the last expense from the record, then the record', () => {
      const c = withSaved();
      expect(c.send(events.command({ type: 'deleteLast' }))).toEqual([
        { type: 'deleteLast', expenseId: 'e2' },
      ]);
      expect(c.context().lastSaved).toEqual({ messageId: 'msg-1', expenseIds: ['e1'] });

      expect(c.send(events.command({ type: 'deleteLast' }))).toEqual([
        { type: 'deleteLast', expenseId: 'e1' },
      ]);
      expect(c.context().lastSaved).toBeNull();

      expect(c.send(events.command({ type: 'deleteLast' }))).toEqual([
        { type: 'deleteLast', expenseId: null },
      ]);
      expect(c.value()).toBe('idle');
    });

    it('editLast passes the change on and keeps the record', () => {
      const c = withSaved();
      expect(
        c.send(
          events.command({
            type: 'editLast',
            change: { field: 'amount', amountMinor: 1234567890123n, currency: 'USD' },
          }),
        ),
      ).toEqual([
        {
          type: 'editLast',
          expenseId: 'e2',
          change: { field: 'amount', amountMinor: 1234567890123n, currency: 'USD' },
        },
      ]);
      expect(c.context().lastSaved).toEqual({ messageId: 'msg-1', expenseIds: ['e1', 'e2'] });
      expect(c.value()).toBe('idle');
    });

    it('editLast without a record names no expense', () => {
      const c = chat();
      expect(
        c.send(
          events.command({
            type: 'editLast',
            change: { field: 'amount', amountMinor: 500n, currency: 'INR' },
          }),
        ),
      ).toEqual([
        {
          type: 'editLast',
          expenseId: null,
          change: { field: 'amount', amountMinor: 500n, currency: 'INR' },
        },
      ]);
    });

    it.each(statementCommands.map((command) => [command.type, command] as const))(
      'passes a %s command to the runtime and keeps the record',
      (_type, command) => {
        const c = withSaved();
        expect(c.send(events.command(command))).toEqual([{ type: 'command', command }]);
        expect(c.value()).toBe('idle');
        expect(c.context().lastSaved).toEqual({ messageId: 'msg-1', expenseIds: ['e1', 'e2'] });
      },
    );
  });

  describe('buttons', () => {
    it('an undo button for the last saving message undoes it and forgets the record', () => {
      const c = chat();
      c.send(events.expenses([draft('e1')]));
      expect(c.send(events.choice('undo:msg-1'))).toEqual([
        { type: 'undoMessage', messageId: 'msg-1' },
      ]);
      expect(c.value()).toBe('idle');
      expect(c.context().lastSaved).toBeNull();
    });

    it('an undo button for an older message undoes that one and keeps the record', () => {
      const c = chat();
      c.send(events.expenses([draft('e1', { messageId: 'msg-2' })]));
      expect(c.send(events.choice('undo:msg-1'))).toEqual([
        { type: 'undoMessage', messageId: 'msg-1' },
      ]);
      expect(c.context().lastSaved).toEqual({ messageId: 'msg-2', expenseIds: ['e1'] });
    });

    it.each(['cat:cat-food', 'cat:other', 'cat:new', 'confirm:yes', 'confirm:no', 'nonsense', ''])(
      'a %j button with no question open is stale',
      (id) => {
        const c = chat();
        c.send(events.expenses([draft('e1')]));
        const before = c.context();

        expect(c.send(events.choice(id))).toEqual([{ type: 'staleChoice' }]);
        expect(c.value()).toBe('idle');
        expect(c.context()).toEqual(before);
      },
    );
  });

  it('answers an unclear message with its text and the parser’s detail', () => {
    const c = chat();
    expect(c.send(events.unclear('lunch', 'no amount'))).toEqual([
      { type: 'notUnderstood', text: 'lunch', detail: 'no amount' },
    ]);
    expect(c.value()).toBe('idle');
  });

  it('answers an unsupported message with its kind', () => {
    const c = chat();
    expect(c.send(events.unsupported('image'))).toEqual([{ type: 'unsupported', kind: 'image' }]);
    expect(c.value()).toBe('idle');
  });

  it('helps a stranger link their account', () => {
    const c = chat();
    expect(c.send(events.stranger('hi'))).toEqual([{ type: 'linkHelp', text: 'hi' }]);
    expect(c.value()).toBe('idle');
  });

  it('passes a link code on', () => {
    const c = chat();
    expect(c.send(events.link('483920'))).toEqual([{ type: 'link', code: '483920' }]);
    expect(c.value()).toBe('idle');
  });
});

describe('asking a category', () => {
  it('a candidate button learns the word as an alias, saves, and returns to idle', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:cat-travel', after(MINUTE)))).toEqual([
      { type: 'learnAlias', word: 'chai', category: TRAVEL },
      { type: 'save', expenses: [{ ...e1, category: TRAVEL }] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      question: null,
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1'] },
    });
  });

  it('a candidate button learns nothing when no word named the category', () => {
    const e1 = unclear('e1', { word: null });
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:cat-food'))).toEqual([
      { type: 'save', expenses: [{ ...e1, category: FOOD }] },
    ]);
  });

  it('the Other button saves under the catch-all and learns no alias', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:other'))).toEqual([
      { type: 'save', expenses: [{ ...e1, category: OTHER }] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context().lastSaved).toEqual({ messageId: 'msg-1', expenseIds: ['e1'] });
  });

  it('a typed "no" discards the expense and asks about the next one', () => {
    const [e1, e2] = [unclear('e1'), unclear('e2', { word: 'uber' })];
    const c = askedAbout([e1, e2]);

    expect(c.send({ type: 'CATEGORY_DECLINED', at: after(MINUTE) })).toEqual([
      { type: 'discarded', expense: e1 },
      askCategory(e2, false),
    ]);
    expect(c.context()).toMatchObject({ queue: [e2], lastSaved: null });
    expect(c.send({ type: 'CATEGORY_DECLINED', at: after(2 * MINUTE) })).toEqual([
      { type: 'discarded', expense: e2 },
    ]);
    expect(c.value()).toBe('idle');
  });

  it('a "no" under a Yes/No question is its No, not a declined category', () => {
    const e1 = large('e1');
    const c = askedAbout([e1]);

    expect(c.send({ type: 'CATEGORY_DECLINED', at: after(MINUTE) })).toEqual([
      { type: 'staleChoice' },
      askConfirm(e1, true),
    ]);
  });

  it('the New button saves under a new category named after the word, to be created', () => {
    const e1 = unclear('e1', { word: 'chai' });
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:new'))).toEqual([
      {
        type: 'save',
        expenses: [{ ...e1, category: { id: 'new-e1', name: 'Chai' }, createCategory: true }],
      },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({ queue: [], question: null });
  });

  it('an answered expense that also has a concern is asked to confirm next', () => {
    const e1 = unclear('e1', { concerns: ['large'] });
    const c = askedAbout([e1]);
    const answered = { ...e1, category: FOOD };

    expect(c.send(events.choice('cat:cat-food', after(MINUTE)))).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      askConfirm(answered, false),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [answered],
      question: { kind: 'confirm', askedAt: after(MINUTE) },
      lastSaved: null,
    });

    expect(c.send(events.choice('confirm:yes', after(2 * MINUTE)))).toEqual([
      { type: 'save', expenses: [{ ...answered, concerns: [] }] },
    ]);
    expect(c.value()).toBe('idle');
  });

  it('asks about the second unclear expense once the first is answered', () => {
    const e1 = unclear('e1');
    const e2 = unclear('e2', { word: 'uber', candidates: [TRAVEL] });
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('cat:cat-food', after(MINUTE)))).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      { type: 'save', expenses: [{ ...e1, category: FOOD }] },
      askCategory(e2, false),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e2],
      question: { kind: 'category', askedAt: after(MINUTE) },
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1'] },
    });

    expect(c.send(events.choice('cat:cat-travel', after(2 * MINUTE)))).toEqual([
      { type: 'learnAlias', word: 'uber', category: TRAVEL },
      { type: 'save', expenses: [{ ...e2, category: TRAVEL }] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      lastSaved: { messageId: 'msg-1', expenseIds: ['e2'] },
    });
  });

  it.each(['confirm:yes', 'confirm:no', 'nonsense', ''])(
    'a %j button is stale: the open question is asked again, unchanged',
    (id) => {
      const e1 = unclear('e1');
      const e2 = unclear('e2');
      const c = askedAbout([e1, e2]);

      expect(c.send(events.choice(id, after(MINUTE)))).toEqual([
        { type: 'staleChoice' },
        askCategory(e1, true),
      ]);
      expect(c.value()).toBe('asking');
      expect(c.context()).toMatchObject({
        queue: [e1, e2],
        question: { kind: 'category', askedAt: T0 },
        lastSaved: null,
      });
    },
  );

  it('a category button not offered for this expense is stale, not an "Other"', () => {
    const e1 = unclear('e1', { candidates: [FOOD, TRAVEL] });
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:cat-rent', after(MINUTE)))).toEqual([
      { type: 'staleChoice' },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context().queue).toEqual([e1]);
  });

  it('the Other button learns no alias even when Other is also a candidate', () => {
    const e1 = unclear('e1', { candidates: [FOOD, OTHER] });
    const c = askedAbout([e1]);

    expect(c.send(events.choice('cat:other'))).toEqual([
      { type: 'save', expenses: [{ ...e1, category: OTHER }] },
    ]);
  });

  it('offers no New row without a word, so a New button then is stale', () => {
    const e1 = unclear('e1', { word: '' });
    const c = askedAbout([e1]);

    const effects = c.send(events.choice('cat:new'));
    expect(c.errors).toEqual([]);
    expect(c.status()).toBe('active');
    expect(c.value()).toBe('asking');
    expect(effects).toEqual([{ type: 'staleChoice' }, askCategory(e1, true)]);
  });

  it('saves the ready expenses of a new message, queues its unclear ones and asks again', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);
    const e3 = draft('e3', { messageId: 'msg-2' });
    const e4 = unclear('e4', { messageId: 'msg-2', word: 'uber' });

    expect(c.send(events.expenses([e3, e4], after(2 * MINUTE)))).toEqual([
      { type: 'save', expenses: [e3] },
      { type: 'queued', expenses: [e4] },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e1, e4],
      question: { kind: 'category', askedAt: T0 },
      lastSaved: { messageId: 'msg-2', expenseIds: ['e3'] },
    });

    expect(c.send(events.choice('cat:other', after(3 * MINUTE)))).toEqual([
      { type: 'save', expenses: [{ ...e1, category: OTHER }] },
      askCategory(e4, false),
    ]);
    expect(c.context().question).toEqual({ kind: 'category', askedAt: after(3 * MINUTE) });
  });

  it('runs a statement command, then asks again', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.command(TODAY, after(MINUTE)))).toEqual([
      { type: 'command', command: TODAY },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e1],
      question: { kind: 'category', askedAt: T0 },
    });
  });

  it('runs undo on the last saved expenses, then asks again', () => {
    const e0 = draft('e0');
    const e1 = unclear('e1');
    const c = askedAbout([e0, e1]);

    expect(c.send(events.command({ type: 'undo' }, after(MINUTE)))).toEqual([
      { type: 'undo', expenseIds: ['e0'] },
      askCategory(e1, true),
    ]);
    expect(c.context()).toMatchObject({ lastSaved: null, queue: [e1] });
  });

  it('answers an unclear message, then asks again', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.unclear('??', 'no amount', after(MINUTE)))).toEqual([
      { type: 'notUnderstood', text: '??', detail: 'no amount' },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context().question).toEqual({ kind: 'category', askedAt: T0 });
  });

  it('answers an unsupported message, then asks again', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.unsupported('sticker', after(MINUTE)))).toEqual([
      { type: 'unsupported', kind: 'sticker' },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
  });

  it('carries out an undo button, then asks again', () => {
    const e0 = draft('e0');
    const e1 = unclear('e1');
    const c = askedAbout([e0, e1]);

    expect(c.send(events.choice('undo:msg-1', after(MINUTE)))).toEqual([
      { type: 'undoMessage', messageId: 'msg-1' },
      askCategory(e1, true),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      lastSaved: null,
      queue: [e1],
      question: { kind: 'category', askedAt: T0 },
    });
  });
});

describe('duplicates as they stand when asked', () => {
  it('a category answer saves at once when the twin seen earlier is no longer stored', () => {
    const e1 = unclear('e1', { concerns: ['duplicate'] });
    const c = askedAbout([e1]);
    const answer = { ...events.choice('cat:cat-food', after(MINUTE)), twins: { e1: false } };
    expect(c.send(answer)).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      { type: 'save', expenses: [{ ...e1, category: FOOD, concerns: [] }] },
    ]);
    expect(c.value()).toBe('idle');
  });

  it('a category answer asks to confirm when an equal entry is stored in that category', () => {
    const e1 = unclear('e1');
    const c = askedAbout([e1]);
    const answer = { ...events.choice('cat:other', after(MINUTE)), twins: { e1: true } };
    expect(c.send(answer)).toEqual([
      askConfirm({ ...e1, category: OTHER, concerns: ['duplicate'] }, false),
    ]);
  });
});

describe('asking to confirm', () => {
  it('yes saves the expense without its concerns', () => {
    const e1 = large('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.choice('confirm:yes', after(MINUTE)))).toEqual([
      { type: 'save', expenses: [{ ...e1, concerns: [] }] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      question: null,
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1'] },
    });
  });

  it('no discards the expense, saves nothing and keeps the earlier record', () => {
    const e0 = draft('e0');
    const e1 = large('e1');
    const c = askedAbout([e0, e1]);

    expect(c.send(events.choice('confirm:no', after(MINUTE)))).toEqual([
      { type: 'discarded', expense: e1 },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      question: null,
      lastSaved: { messageId: 'msg-1', expenseIds: ['e0'] },
    });
  });

  it('no moves on to the next question', () => {
    const e1 = large('e1');
    const e2 = unclear('e2');
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('confirm:no', after(MINUTE)))).toEqual([
      { type: 'discarded', expense: e1 },
      askCategory(e2, false),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e2],
      question: { kind: 'category', askedAt: after(MINUTE) },
      lastSaved: null,
    });
  });

  it('yes saves and moves on to the next question', () => {
    const e1 = large('e1');
    const e2 = draft('e2', { concerns: ['duplicate'] });
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('confirm:yes', after(MINUTE)))).toEqual([
      { type: 'save', expenses: [{ ...e1, concerns: [] }] },
      askConfirm(e2, false),
    ]);
    expect(c.context()).toMatchObject({
      queue: [e2],
      question: { kind: 'confirm', askedAt: after(MINUTE) },
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1'] },
    });
  });

  it.each(['cat:cat-food', 'cat:other', 'cat:new', 'nonsense'])(
    'a %j button is stale: the confirmation is asked again',
    (id) => {
      const e1 = large('e1');
      const c = askedAbout([e1]);

      expect(c.send(events.choice(id, after(MINUTE)))).toEqual([
        { type: 'staleChoice' },
        askConfirm(e1, true),
      ]);
      expect(c.value()).toBe('asking');
      expect(c.context()).toMatchObject({
        queue: [e1],
        question: { kind: 'confirm', askedAt: T0 },
      });
    },
  );

  it('reminds with the confirmation after another message', () => {
    const e1 = large('e1');
    const c = askedAbout([e1]);

    expect(c.send(events.unclear('hmm', 'no amount', after(MINUTE)))).toEqual([
      { type: 'notUnderstood', text: 'hmm', detail: 'no amount' },
      askConfirm(e1, true),
    ]);
    expect(c.context().question).toEqual({ kind: 'confirm', askedAt: T0 });
  });
});

describe('expiry', () => {
  const e1 = unclear('e1');
  const e2 = unclear('e2', { word: 'uber' });

  it('uses a ten minute default', () => {
    expect(DEFAULT_QUESTION_TTL_MS).toBe(10 * MINUTE);
    expect(chat().context().questionTtlMs).toBe(10 * MINUTE);
  });

  const e1Other = { ...e1, category: OTHER };
  const e2Other = { ...e2, category: OTHER };
  const savedAtExpiry = { messageId: 'msg-1', expenseIds: ['e1', 'e2'] };

  it('a category tapped under its question after the TTL still answers it', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('cat:cat-food', LATE))).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      { type: 'save', expenses: [{ ...e1, category: FOOD }] },
      askCategory(e2, false),
    ]);
    expect(c.context().question).toEqual({ kind: 'category', askedAt: LATE });
  });

  it('a "no" under a category question after the TTL still declines it', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send({ type: 'CATEGORY_DECLINED', at: LATE })).toEqual([
      { type: 'discarded', expense: e1 },
      askCategory(e2, false),
    ]);
  });

  it('a stale button after the TTL saves what waited only for a category under Other', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('cat:cat-gone', LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      { type: 'staleChoice' },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({ queue: [], question: null, lastSaved: savedAtExpiry });
  });

  it('saves what waited only for a category and lets the rest expire', () => {
    const e3 = large('e3');
    const e4 = unclear('e4', { category: null, other: null });
    const bare = unclear('e5', { note: '', word: null });
    const c = askedAbout([e1, e3, e4, bare]);

    expect(c.send(events.unclear('x', 'no amount', LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e4] },
      { type: 'expired', expenses: [e3, bare] },
      { type: 'notUnderstood', text: 'x', detail: 'no amount' },
    ]);
    expect(c.context()).toMatchObject({
      queue: [],
      lastSaved: { messageId: 'msg-1', expenseIds: ['e1', 'e4'] },
    });
  });

  it('a confirmation after the TTL saves nothing', () => {
    const e3 = large('e3');
    const c = askedAbout([e3]);

    expect(c.send(events.choice('confirm:yes', LATE))).toEqual([
      { type: 'expired', expenses: [e3] },
      { type: 'staleChoice' },
    ]);
    expect(c.context()).toMatchObject({ queue: [], question: null, lastSaved: null });
  });

  it('expenses after the TTL expire the queue, then are saved as in idle', () => {
    const c = askedAbout([e1, e2]);
    const e3 = draft('e3', { messageId: 'msg-2' });

    expect(c.send(events.expenses([e3], LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      { type: 'save', expenses: [e3] },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({
      queue: [],
      question: null,
      lastSaved: { messageId: 'msg-2', expenseIds: ['e3'] },
    });
  });

  it('an unclear expense after the TTL replaces the expired question with its own', () => {
    const c = askedAbout([e1, e2]);
    const e3 = unclear('e3', { messageId: 'msg-2' });

    expect(c.send(events.expenses([e3], LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      askCategory(e3, false),
    ]);
    expect(c.value()).toBe('asking');
    expect(c.context()).toMatchObject({
      queue: [e3],
      question: { kind: 'category', askedAt: LATE },
      lastSaved: savedAtExpiry,
    });
  });

  it('a command after the TTL expires the queue, then runs without a reminder', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.command(TODAY, LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      { type: 'command', command: TODAY },
    ]);
    expect(c.value()).toBe('idle');
  });

  it('an unclear message after the TTL expires the queue, then is answered', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.unclear('x', 'no amount', LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      { type: 'notUnderstood', text: 'x', detail: 'no amount' },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context().queue).toEqual([]);
  });

  it('an unsupported message after the TTL expires the queue, then is answered', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.unsupported('audio', LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other, e2Other] },
      { type: 'unsupported', kind: 'audio' },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context().queue).toEqual([]);
  });

  it('an answer exactly at the TTL still counts', () => {
    const c = askedAbout([e1, e2]);

    expect(c.send(events.choice('cat:cat-food', after(DEFAULT_QUESTION_TTL_MS)))).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      { type: 'save', expenses: [{ ...e1, category: FOOD }] },
      askCategory(e2, false),
    ]);
  });

  it('reminders do not extend the question’s life', () => {
    const e5 = large('e5');
    const c = askedAbout([e5]);
    c.send(events.unclear('x', 'no amount', after(9 * MINUTE)));

    expect(c.send(events.choice('confirm:yes', LATE))).toEqual([
      { type: 'expired', expenses: [e5] },
      { type: 'staleChoice' },
    ]);
  });

  it('each question’s clock starts when it is asked', () => {
    const c = askedAbout([e1, e2]);
    c.send(events.choice('cat:cat-food', after(9 * MINUTE)));

    expect(c.send(events.choice('cat:cat-travel', after(19 * MINUTE)))).toEqual([
      { type: 'learnAlias', word: 'uber', category: TRAVEL },
      { type: 'save', expenses: [{ ...e2, category: TRAVEL }] },
    ]);
  });

  it('takes a custom TTL from the input', () => {
    const early = askedAbout([e1], { questionTtlMs: MINUTE });
    expect(early.context().questionTtlMs).toBe(MINUTE);
    expect(early.send(events.choice('cat:other', after(MINUTE)))).toEqual([
      { type: 'save', expenses: [{ ...e1, category: OTHER }] },
    ]);

    const late = askedAbout([e1], { questionTtlMs: MINUTE });
    expect(late.send(events.unclear('x', 'no amount', after(MINUTE + 1)))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other] },
      { type: 'notUnderstood', text: 'x', detail: 'no amount' },
    ]);
    expect(late.value()).toBe('idle');
  });

  it('an undo button after the TTL expires the question before undoing', () => {
    const c = askedAbout([e1]);

    expect(c.send(events.choice('undo:msg-0', LATE))).toEqual([
      { type: 'saveUnanswered', expenses: [e1Other] },
      { type: 'undoMessage', messageId: 'msg-0' },
    ]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({ queue: [], question: null });
  });
});

describe('strangers and links while asking', () => {
  it.each([
    ['STRANGER', events.stranger('hello', after(MINUTE)), { type: 'linkHelp', text: 'hello' }],
    ['LINK', events.link('123456', after(MINUTE)), { type: 'link', code: '123456' }],
  ] as const)('%s drops the open question', (_name, event, effect) => {
    const e1 = unclear('e1');
    const c = askedAbout([e1, unclear('e2')]);

    expect(c.send(event)).toEqual([effect]);
    expect(c.value()).toBe('idle');
    expect(c.context()).toMatchObject({ queue: [], question: null });
    expect(c.send(events.choice('cat:cat-food', after(2 * MINUTE)))).toEqual([
      { type: 'staleChoice' },
    ]);
  });
});

/** Paths of every bigint inside `value`: JSON.stringify throws on any. */
function bigintPaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'bigint') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => bigintPaths(inner, `${path}.${key}`));
}

describe('persistence', () => {
  const drafts = [draft('e0'), unclear('e1'), large('e2')];

  it('a conversation restored from JSON answers its question as if never persisted', () => {
    const live = askedAbout(drafts);
    const stored = askedAbout(drafts);
    const json = JSON.stringify(stored.persisted());

    const restored = chat({ snapshot: JSON.parse(json) as Snapshot<unknown> });
    expect(restored.value()).toBe('asking');
    expect(restored.context()).toEqual(live.context());

    const answer = events.choice('cat:cat-food', after(MINUTE));
    const effects = restored.send(answer);
    expect(effects).toEqual(live.send(answer));
    expect(effects).toEqual([
      { type: 'learnAlias', word: 'chai', category: FOOD },
      { type: 'save', expenses: [{ ...drafts[1], category: FOOD }] },
      askConfirm(drafts[2]!, false),
    ]);
    expect(restored.context()).toEqual(live.context());

    const confirm = events.choice('confirm:yes', after(2 * MINUTE));
    expect(restored.send(confirm)).toEqual(live.send(confirm));
    expect(restored.value()).toBe('idle');
    expect(restored.context()).toEqual(live.context());
  });

  it('a restored conversation keeps its TTL and expires on time', () => {
    const stored = askedAbout([unclear('e1')], { questionTtlMs: MINUTE });
    const json = JSON.stringify(stored.persisted());
    const restored = chat({ snapshot: JSON.parse(json) as Snapshot<unknown> });

    expect(restored.context().questionTtlMs).toBe(MINUTE);
    expect(restored.send(events.unclear('x', 'no amount', after(MINUTE + 1)))).toEqual([
      { type: 'saveUnanswered', expenses: [{ ...unclear('e1'), category: OTHER }] },
      { type: 'notUnderstood', text: 'x', detail: 'no amount' },
    ]);
  });

  it('the persisted snapshot holds no bigint, even after commands that carry one', () => {
    const c = askedAbout(drafts);
    c.send(
      events.command(
        { type: 'editLast', change: { field: 'amount', amountMinor: 99n, currency: 'INR' } },
        after(1),
      ),
    );
    c.send(
      events.command(
        { type: 'budget', category: null, amountMinor: 500000n, currency: 'INR' },
        after(2),
      ),
    );
    const persisted = c.persisted();

    expect(bigintPaths(persisted)).toEqual([]);
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
    expect(c.context().queue.map((e) => typeof e.amountMinor)).toEqual(['string', 'string']);
  });
});

describe('unexpected input', () => {
  /** Ways to reach each state a conversation can rest in. */
  const setups: Record<string, (c: Chat) => void> = {
    'fresh idle': () => {},
    'idle after a save': (c) => c.send(events.expenses([draft('s1')])),
    'asking a category': (c) => c.send(events.expenses([unclear('s1')])),
    'asking a category, another queued': (c) =>
      c.send(events.expenses([unclear('s1'), large('s2')])),
    'asking a category with no word and no Other': (c) =>
      c.send(events.expenses([unclear('s1', { word: null, other: null, candidates: [] })])),
    'asking to confirm': (c) => c.send(events.expenses([large('s1')])),
    'asking to confirm after a category answer': (c) => {
      c.send(events.expenses([unclear('s1', { concerns: ['duplicate'] })]));
      c.send(events.choice('cat:cat-food'));
    },
  };

  const choiceIds = [
    'cat:cat-food',
    'cat:cat-travel',
    'cat:cat-unknown',
    'cat:other',
    'cat:new',
    'cat:',
    'confirm:yes',
    'confirm:no',
    'undo:msg-1',
    'undo:',
    'nonsense',
    '',
  ];

  const eventsAt = (at: string): BotEvent[] => [
    events.expenses([], at),
    events.expenses([draft('x1', { messageId: 'msg-9' })], at),
    events.expenses([unclear('x2'), large('x3'), draft('x4')], at),
    ...statementCommands.map((command) => events.command(command, at)),
    events.command({ type: 'undo' }, at),
    events.command({ type: 'deleteLast' }, at),
    events.command(
      { type: 'editLast', change: { field: 'amount', amountMinor: 1n, currency: 'INR' } },
      at,
    ),
    ...choiceIds.map((id) => events.choice(id, at)),
    events.unclear('', '', at),
    { type: 'CATEGORY_DECLINED', at },
    events.unsupported('location', at),
    events.stranger('hi', at),
    events.link('000000', at),
    { type: 'BOOK', at, request: { type: 'listBooks' } },
    { type: 'BOOK', at, request: { type: 'problem', problem: { kind: 'splitNeedsBook' } } },
  ];

  const times = [T0, after(MINUTE), after(DEFAULT_QUESTION_TTL_MS), LATE, after(-MINUTE)];

  /** What must hold whenever the machine rests: a question open exactly when asking. */
  function expectConsistent(c: Chat, effects: Effect[]) {
    expect(c.errors).toEqual([]);
    expect(c.status()).toBe('active');
    const { queue, question, lastSaved } = c.context();
    if (c.value() === 'idle') {
      expect(queue).toEqual([]);
      expect(question).toBeNull();
      expect(effects.at(-1)?.type ?? 'none').not.toMatch(/^ask/);
    } else {
      expect(c.value()).toBe('asking');
      const head = queue[0];
      expect(head).toBeDefined();
      const kind = head?.category === null ? 'category' : 'confirm';
      expect(question?.kind).toBe(kind);
      // Every message that leaves a question open ends by asking it.
      const reminder = expect.any(Boolean) as boolean;
      expect(effects.at(-1)).toEqual(
        kind === 'category' ? askCategory(head!, reminder) : askConfirm(head!, reminder),
      );
    }
    if (lastSaved) expect(lastSaved.expenseIds.length).toBeGreaterThan(0);
  }

  it('every event in every resting state leaves the machine idle or asking', () => {
    let checked = 0;
    for (const [name, setup] of Object.entries(setups)) {
      for (const at of times) {
        for (const event of eventsAt(at)) {
          const c = chat();
          setup(c);
          const effects = c.send(event);
          try {
            expectConsistent(c, effects);
          } catch (error) {
            throw new Error(`${name}, then ${JSON.stringify(event, jsonSafe)}`, { cause: error });
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(Object.keys(setups).length * times.length * eventsAt(T0).length);
  });

  it('random conversations never lose an expense or break', () => {
    let seed = 20261124;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

    for (let run = 0; run < 60; run++) {
      const c = chat({ input: { questionTtlMs: 5 * MINUTE } });
      let clock = 0;
      let next = 0;
      const sent = new Set<string>();
      const ended: string[] = [];

      for (let step = 0; step < 40; step++) {
        clock += Math.floor(random() * 3 * MINUTE);
        const at = after(clock);
        const makeDraft = () => {
          const id = `r${run}-${next++}`;
          sent.add(id);
          return pick([draft, unclear, large])(id, { messageId: `m${step}` });
        };
        const event = pick<() => BotEvent>([
          () => events.expenses(Array.from({ length: Math.floor(random() * 3) }, makeDraft), at),
          () => events.choice(pick(choiceIds), at),
          () => events.choice(pick(['cat:cat-food', 'cat:new', 'confirm:yes', 'confirm:no']), at),
          () => events.command(pick(statementCommands), at),
          () => events.command(pick<Command>([{ type: 'undo' }, { type: 'deleteLast' }]), at),
          () => events.unclear('?', 'no amount', at),
          () => events.unsupported('image', at),
          () => (random() < 0.5 ? events.stranger('hi', at) : events.link('1', at)),
        ])();

        const waiting = c.context().queue.map((e) => e.id);
        const effects = c.send(event);
        expectConsistent(c, effects);
        if (event.type === 'STRANGER' || event.type === 'LINK') ended.push(...waiting);
        for (const effect of effects) {
          if (
            effect.type === 'save' ||
            effect.type === 'saveUnanswered' ||
            effect.type === 'expired'
          ) {
            ended.push(...effect.expenses.map((e) => e.id));
          }
          if (effect.type === 'discarded') ended.push(effect.expense.id);
        }
      }

      // Each expense is saved, discarded, expired or dropped exactly once, or still waits.
      const accounted = [...ended, ...c.context().queue.map((e) => e.id)];
      expect(accounted.toSorted()).toEqual([...sent].toSorted());
    }
  });
});

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
