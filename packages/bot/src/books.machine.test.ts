import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { conversationMachine } from './machine.ts';
import { draft, events, FOOD, T0, unclear } from './test-drafts.ts';
import { CHOICE, choiceEvent, type BookRequest, type BotEvent, type Effect } from './types.ts';

const BOOK_ID = '01936f3e-2a4b-7c3d-8e9f-0a1b2c3d4e5f';
const home = {
  id: BOOK_ID,
  name: 'Home',
  split: { how: 'equal' as const, shares: [{ userId: 'u-rahul', name: 'Rahul', weight: 1 }] },
};

function chat() {
  const actor = createActor(conversationMachine, { input: undefined }).start();
  let effects: Effect[] = [];
  actor.on('*', (effect) => effects.push(effect));
  return {
    send(event: BotEvent): Effect[] {
      effects = [];
      actor.send(event);
      return effects;
    },
    value: () => actor.getSnapshot().value,
  };
}

const book = (request: BookRequest): BotEvent => ({ type: 'BOOK', at: T0, request });

describe('book messages in the conversation', () => {
  it('reads Accept under an invitation and Undo under a settlement, and nothing else as either', () => {
    expect(choiceEvent(CHOICE.joinBook(BOOK_ID), T0)).toEqual(
      book({ type: 'acceptInvite', bookId: BOOK_ID }),
    );
    expect(choiceEvent(CHOICE.undoSettlement(BOOK_ID), T0)).toEqual(
      book({ type: 'undoSettlement', settlementId: BOOK_ID }),
    );
    expect(choiceEvent('book:join:not-a-book', T0)).toEqual({ type: 'UNKNOWN_CHOICE', at: T0 });
    expect(choiceEvent(`book:leave:${BOOK_ID}`, T0)).toEqual({ type: 'UNKNOWN_CHOICE', at: T0 });
  });

  it('hands a book command to its effect and stays idle', () => {
    const c = chat();
    const request: BookRequest = { type: 'createBook', name: 'Home' };
    expect(c.send(book(request))).toEqual([{ type: 'book', request }]);
    expect(c.value()).toBe('idle');
  });

  it('answers a book command while a question is open, then asks the question again', () => {
    const c = chat();
    const waiting = unclear('e1');
    c.send(events.expenses([waiting]));
    const request: BookRequest = { type: 'balances', book: null };
    expect(c.send(book(request))).toEqual([
      { type: 'book', request },
      { type: 'askCategory', expense: waiting, reminder: true },
    ]);
    expect(c.value()).toBe('asking');
  });

  it('keeps an expense’s book and split through its question to the save', () => {
    const c = chat();
    const shared = { ...unclear('e1'), book: home };
    c.send(events.expenses([shared]));
    const saved = c.send({
      type: 'CATEGORY_CHOSEN',
      at: T0,
      choice: { kind: 'category', categoryId: shared.candidates[0]!.id },
    });
    expect(saved).toContainEqual({
      type: 'save',
      expenses: [expect.objectContaining({ id: 'e1', book: home })],
    });
    expect(c.send(events.expenses([draft('e2', { category: FOOD, book: home })]))).toEqual([
      { type: 'save', expenses: [expect.objectContaining({ id: 'e2', book: home })] },
    ]);
  });
});
