import { describe, expect, it } from 'vitest';
import { CHOICE, choiceEvent } from './types.ts';

const at = '2026-11-24T10:00:00.000Z';

describe('choiceEvent', () => {
  it('reads back every reply id the bot writes as its own event', () => {
    expect(choiceEvent(CHOICE.undo('msg-1'), at)).toEqual({
      type: 'UNDO_TAPPED',
      at,
      messageId: 'msg-1',
    });
    expect(choiceEvent(CHOICE.undoRun('exp-1'), at)).toEqual({
      type: 'UNDO_RUN_TAPPED',
      at,
      expenseId: 'exp-1',
    });
    expect(choiceEvent(CHOICE.category('cat-food'), at)).toEqual({
      type: 'CATEGORY_CHOSEN',
      at,
      choice: { kind: 'category', categoryId: 'cat-food' },
    });
    expect(choiceEvent(CHOICE.newCategory, at)).toEqual({
      type: 'CATEGORY_CHOSEN',
      at,
      choice: { kind: 'new' },
    });
    expect(choiceEvent(CHOICE.other, at)).toEqual({
      type: 'CATEGORY_CHOSEN',
      at,
      choice: { kind: 'other' },
    });
    expect(choiceEvent(CHOICE.yes, at)).toEqual({ type: 'CONFIRM_ANSWERED', at, yes: true });
    expect(choiceEvent(CHOICE.no, at)).toEqual({ type: 'CONFIRM_ANSWERED', at, yes: false });
    expect(choiceEvent(CHOICE.drillCategory('cat-food'), at)).toEqual({
      type: 'DRILL_TAPPED',
      at,
      drill: { kind: 'category', categoryId: 'cat-food' },
    });
    expect(choiceEvent(CHOICE.drillDay('2026-12-03'), at)).toEqual({
      type: 'DRILL_TAPPED',
      at,
      drill: { kind: 'day', day: '2026-12-03' },
    });
  });

  it.each([
    'undo:',
    'cat:',
    'confirm:maybe',
    'undorun',
    'hello',
    '',
    'drill:cat:',
    'drill:day:3 Dec',
  ])('takes %j for an id it never wrote', (id) => {
    expect(choiceEvent(id, at)).toEqual({ type: 'UNKNOWN_CHOICE', at });
  });
});
