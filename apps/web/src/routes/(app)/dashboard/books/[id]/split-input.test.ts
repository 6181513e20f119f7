import { describe, expect, it } from 'vitest';
import { readSplit } from './split-input.ts';

const members = ['asha', 'ravi', 'lena'];

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('readSplit', () => {
  it('splits equally among the ticked members only', () => {
    const form = formOf([
      ['mode', 'equal'],
      ['with', 'asha'],
      ['with', 'lena'],
      ['with', 'stranger'],
    ]);
    expect(readSplit(form, members)).toEqual({ split: { equalWith: ['asha', 'lena'] } });
    expect(readSplit(formOf([['mode', 'equal']]), members)).toEqual({ problem: 'pickMembers' });
  });

  it('reads weights, leaving out blanks, zeros and what is not a whole number', () => {
    const form = formOf([
      ['mode', 'weights'],
      ['weight-asha', '2'],
      ['weight-ravi', ' 1 '],
      ['weight-lena', '0'],
    ]);
    expect(readSplit(form, members)).toEqual({
      split: {
        weights: [
          { memberId: 'asha', weight: 2 },
          { memberId: 'ravi', weight: 1 },
        ],
      },
    });
    const none = formOf([
      ['mode', 'weights'],
      ['weight-asha', '1.5'],
    ]);
    expect(readSplit(none, members)).toEqual({ problem: 'weightProblem' });
  });

  it('pays for one member of the book', () => {
    const form = formOf([
      ['mode', 'for'],
      ['forMember', 'ravi'],
    ]);
    expect(readSplit(form, members)).toEqual({ split: { forMember: 'ravi' } });
    const stranger = formOf([
      ['mode', 'for'],
      ['forMember', 'x'],
    ]);
    expect(readSplit(stranger, members)).toEqual({ problem: 'pickMembers' });
  });
});
