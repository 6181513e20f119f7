import { describe, expect, it } from 'vitest';
import { parse } from '../parse.ts';
import { contextOf, corpus, describeEntry, expectation, outcome } from './corpus.ts';

describe('the corpus', () => {
  it('holds at least 400 messages, each expecting one outcome', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
  });

  it.each(corpus.map((entry) => [describeEntry(entry), entry] as const))('%s', (_, entry) => {
    expect(outcome(parse(entry.text, contextOf(entry)), entry)).toEqual(expectation(entry));
  });
});
