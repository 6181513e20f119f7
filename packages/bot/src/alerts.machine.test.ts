// The alert questions on the pure machine: which question comes when, what each answer
// emits, and that nothing is saved before Save (or a corrected amount and category).
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { conversationMachine } from './machine.ts';
import { after, draft, FOOD, OTHER, T0, TRAVEL } from './test-drafts.ts';
import type { BotEvent, DraftExpense, Effect } from './types.ts';

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
    question: () => actor.getSnapshot().context.question?.kind ?? null,
    queue: () => actor.getSnapshot().context.queue,
  };
}

const alert = (overrides: Partial<DraftExpense> = {}): DraftExpense =>
  draft('a1', {
    note: 'swiggy@icici',
    text: 'swiggy@icici',
    word: 'swiggy',
    candidates: [FOOD, TRAVEL],
    concerns: ['review'],
    alert: { payee: 'swiggy@icici', reference: '334455667788' },
    ...overrides,
  });
const types = (effects: Effect[]) => effects.map((e) => e.type);

describe('an alert on the machine', () => {
  it('asks Save / Change / Cancel first and saves only on Save', () => {
    const c = chat();
    expect(types(c.send({ type: 'EXPENSES', at: T0, expenses: [alert()] }))).toEqual(['askReview']);
    expect(c.question()).toBe('review');
    const saved = c.send({ type: 'REVIEW_ANSWERED', at: after(1), answer: 'save' });
    expect(saved).toEqual([{ type: 'save', expenses: [{ ...alert(), concerns: [] }] }]);
    expect(c.question()).toBeNull();
  });

  it('without a category asks it after Save, and learns the payee word', () => {
    const c = chat();
    c.send({ type: 'EXPENSES', at: T0, expenses: [alert({ category: null })] });
    expect(types(c.send({ type: 'REVIEW_ANSWERED', at: after(1), answer: 'save' }))).toEqual([
      'askCategory',
    ]);
    const answered = c.send({
      type: 'CATEGORY_CHOSEN',
      at: after(2),
      choice: { kind: 'category', categoryId: TRAVEL.id },
    });
    expect(answered[0]).toEqual({ type: 'learnAlias', word: 'swiggy', category: TRAVEL });
    expect(answered[1]).toMatchObject({ type: 'save', expenses: [{ category: TRAVEL }] });
  });

  it('on Change asks the amount, then the category, then saves the corrected entry', () => {
    const c = chat();
    c.send({ type: 'EXPENSES', at: T0, expenses: [alert()] });
    expect(types(c.send({ type: 'REVIEW_ANSWERED', at: after(1), answer: 'change' }))).toEqual([
      'askAmount',
    ]);
    const amount = c.send({
      type: 'AMOUNT_GIVEN',
      at: after(2),
      amountMinor: '45000',
      currency: 'INR',
    });
    expect(types(amount)).toEqual(['askCategory']);
    const saved = c.send({ type: 'CATEGORY_CHOSEN', at: after(3), choice: { kind: 'other' } });
    expect(saved).toEqual([
      {
        type: 'save',
        expenses: [{ ...alert(), amountMinor: '45000', category: OTHER, concerns: [] }],
      },
    ]);
  });

  it('asks the amount first when none was read, and only then Save / Change / Cancel', () => {
    const c = chat();
    c.send({
      type: 'EXPENSES',
      at: T0,
      expenses: [alert({ amountMinor: '0', concerns: ['amount', 'review'] })],
    });
    expect(c.question()).toBe('amount');
    // Nothing was read to keep.
    expect(types(c.send({ type: 'REVIEW_ANSWERED', at: after(1), answer: 'keep' }))).toEqual([
      'staleChoice',
      'askAmount',
    ]);
    expect(
      types(c.send({ type: 'AMOUNT_GIVEN', at: after(2), amountMinor: '79900', currency: 'INR' })),
    ).toEqual(['askReview']);
  });

  it('drops the alert on Cancel, from either question', () => {
    const c = chat();
    c.send({ type: 'EXPENSES', at: T0, expenses: [alert()] });
    expect(types(c.send({ type: 'REVIEW_ANSWERED', at: after(1), answer: 'cancel' }))).toEqual([
      'discarded',
    ]);
    c.send({ type: 'EXPENSES', at: after(2), expenses: [alert()] });
    c.send({ type: 'REVIEW_ANSWERED', at: after(3), answer: 'change' });
    expect(types(c.send({ type: 'REVIEW_ANSWERED', at: after(4), answer: 'cancel' }))).toEqual([
      'discarded',
    ]);
    expect(c.queue()).toEqual([]);
  });

  it('answers a message that records nothing, and asks the open question again', () => {
    const c = chat();
    expect(c.send({ type: 'NOT_AN_ENTRY', at: T0, reason: 'otp' })).toEqual([
      { type: 'notAnEntry', reason: 'otp', reference: undefined },
    ]);
    c.send({ type: 'EXPENSES', at: after(1), expenses: [alert()] });
    expect(
      types(c.send({ type: 'NOT_AN_ENTRY', at: after(2), reason: 'duplicate', reference: '1' })),
    ).toEqual(['notAnEntry', 'askReview']);
  });
});
