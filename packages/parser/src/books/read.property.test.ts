import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contexts } from '../corpus/contexts.ts';
import { readBook } from './read.ts';
import type { BookContext } from './types.ts';

const books: BookContext = {
  books: [
    { name: 'Home', members: ['Rahul', 'Priya'] },
    { name: 'Goa trip', members: ['Anand'] },
  ],
  defaultBook: 'Home',
};

// Pieces of book messages, glued at random: every mix must read as something or nothing.
const PIECES = [
  'home',
  ':',
  '#goa',
  'split',
  'with',
  'between',
  'rahul',
  'priya',
  'me',
  'and',
  ',',
  '2:1',
  '0:3',
  '1:1:1',
  'paid',
  'for',
  'settled',
  'up',
  'in',
  'new',
  'book',
  'add',
  'to',
  'join',
  'use',
  'personal',
  'leave',
  'balances',
  'who',
  'owes',
  'mute',
  'notify',
  'off',
  '+91',
  '98123',
  '00000',
  '1200',
  '₹400',
  'usd',
  'dinner',
  '12:30',
  '#',
  '',
  ' ',
  '\n',
];

describe('readBook on any mix of its own words', () => {
  it('never throws, and a split it reads always has people with weights above zero', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (pieces) => {
        const reading = readBook(pieces.join(' '), contexts.india, books);
        if (reading?.kind !== 'entry' || reading.split === null) return;
        expect(reading.split.parts.length).toBeGreaterThan(0);
        for (const part of reading.split.parts) expect(part.weight).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const reading = readBook(text, contexts.india, books);
        expect(reading === null || typeof reading.kind === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
